import { test as base } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface ServeInstance {
  /** The URL serve mode printed, token included. */
  url: string;
  origin: string;
  token: string;
  dataDir: string;
}

const TOKEN = 'e2e-token-abcdefghijklmnop';

/**
 * Starts `opsdeck serve` as a user would, on a free loopback port, for the whole worker.
 * Unless `extraEnv` names one, KUBECONFIG points at a file that does not exist, so the
 * machine's own clusters never show up in a test.
 */
export async function startServe(
  extraEnv: Record<string, string> = {},
  options: { keyring?: boolean } = {},
): Promise<ServeInstance & { stop(): Promise<void>; proc: ChildProcess }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdeck-e2e-'));
  const command = [process.execPath, 'bin/opsdeck.js', 'serve', '--port', '0'];
  // With `keyring`, serve runs in its own D-Bus session with an unlocked GNOME Keyring (scripts/with-keyring.sh),
  // as its own process group so stopping it stops the session too.
  const [file, ...args] = options.keyring ? ['bash', 'scripts/with-keyring.sh', ...command] : command;
  const proc = spawn(file!, args, {
    detached: options.keyring,
    env: {
      ...process.env,
      OPSDECK_TOKEN: TOKEN,
      OPSDECK_DATA_DIR: dataDir,
      OPSDECK_SAMPLE_INTERVAL_MS: '1000',
      KUBECONFIG: path.join(dataDir, 'no-kubeconfig'),
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 20_000);
    const onData = (d: Buffer) => {
      output += d.toString();
      const m = /serving at (\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.once('exit', (code) => reject(new Error(`serve exited with ${code}:\n${output}`)));
  });
  return {
    url,
    origin: new URL(url).origin,
    token: TOKEN,
    dataDir,
    proc,
    async stop() {
      const exited = new Promise((r) => proc.once('exit', r));
      if (options.keyring) process.kill(-proc.pid!, 'SIGTERM');
      else proc.kill('SIGTERM');
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const test = base.extend<object, { serve: ServeInstance }>({
  serve: [
    async ({}, use) => {
      const s = await startServe();
      await use(s);
      await s.stop();
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
