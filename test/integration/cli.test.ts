import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tempDir';

/** Runs `opsdeck` as a user would; resolves with its exit code and output once it exits or prints its URL. */
function run(args: string[], env: Record<string, string> = {}) {
  const proc = spawn(process.execPath, ['bin/opsdeck.js', ...args], {
    env: { ...process.env, OPSDECK_DATA_DIR: tempDir(), ...env },
  });
  let out = '';
  proc.stdout.on('data', (d) => (out += d));
  proc.stderr.on('data', (d) => (out += d));
  return new Promise<{ code: number | null; out: string; stop: () => Promise<number | null> }>((resolve) => {
    const stop = () =>
      new Promise<number | null>((r) => {
        proc.once('exit', (code) => r(code));
        proc.kill('SIGTERM');
      });
    proc.stdout.on('data', () => {
      if (/serving at/.test(out)) resolve({ code: null, out, stop });
    });
    proc.once('exit', (code) => resolve({ code, out, stop }));
  });
}

beforeAll(() => {
  if (!fs.existsSync('out/main/cli.js') || !fs.existsSync('out/renderer/index.html')) {
    throw new Error('Opsdeck is not built: run `npm run build` (npm test does) before the integration tests.');
  }
});

describe('opsdeck serve command', () => {
  it('prints its URL with a fresh token and stops cleanly on SIGTERM', async () => {
    const r = await run(['serve', '--port', '0']);
    expect(r.out).toMatch(/Opsdeck is serving at http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}\n/);
    expect(await r.stop()).toBe(0);
  });

  it('explains a port that is in use', async () => {
    const blocker = net.createServer().listen(0, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    const port = (blocker.address() as net.AddressInfo).port;
    const r = await run(['serve', '--port', String(port)]);
    blocker.close();
    expect(r.code).toBe(2);
    expect(r.out).toContain(`port ${port} on 127.0.0.1 is in use: choose another with --port`);
  });

  it('rejects bad arguments and environment with the reason', async () => {
    expect(await run(['serve', '--port', 'eighty'])).toMatchObject({ code: 2, out: expect.stringContaining('--port must be 0-65535') });
    expect(await run(['serve', '--bogus'])).toMatchObject({ code: 2, out: expect.stringContaining("Unknown option '--bogus'") });
    expect(await run(['launch'])).toMatchObject({ code: 2, out: expect.stringContaining('Usage: opsdeck serve') });
    expect(await run(['serve'], { OPSDECK_TOKEN: 'short' })).toMatchObject({
      code: 2,
      out: expect.stringContaining('OPSDECK_TOKEN must be at least 16 characters'),
    });
  });

  it('warns when listening beyond loopback', async () => {
    const r = await run(['serve', '--host', '0.0.0.0', '--port', '0']);
    expect(r.out).toMatch(/warning: listening on 0\.0\.0\.0, not loopback/);
    await r.stop();
  });
});
