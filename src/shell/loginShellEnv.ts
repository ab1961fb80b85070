import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import os from 'node:os';

/**
 * What Opsdeck takes from the user's login shell. A desktop launcher starts the app with
 * the session's bare environment, without what the shell profile adds, so kubectl exec
 * plugins (aws, gcloud, kubelogin, gke-gcloud-auth-plugin) and proxies would be missing.
 */
export const LOGIN_SHELL_VARS = ['PATH', 'KUBECONFIG', 'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'http_proxy', 'https_proxy', 'no_proxy'] as const;

export const LOGIN_SHELL_TIMEOUT_MS = 5000;
/** More than any environment: output past this is not an environment listing. */
const MAX_OUTPUT_CHARS = 4 * 1024 * 1024;

/**
 * The variables between the first two markers of `env -0` output framed by a marker on
 * each side (what a profile prints before or after is ignored); null when a marker is missing.
 */
export function parseEnvBlock(output: string, marker: string): Record<string, string> | null {
  const start = output.indexOf(marker);
  if (start === -1) return null;
  const end = output.indexOf(marker, start + marker.length);
  if (end === -1) return null;
  const env: Record<string, string> = {};
  for (const entry of output.slice(start + marker.length, end).split('\0')) {
    const eq = entry.indexOf('=');
    if (eq > 0) env[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return env;
}

/** PATH entries of the shell first, then those only the app had; no entry twice. */
export function mergePath(shellPath: string, currentPath: string | undefined): string {
  const entries = [...shellPath.split(':'), ...(currentPath ?? '').split(':')].filter((p) => p !== '');
  return [...new Set(entries)].join(':');
}

/** Sets the login-shell variables on `target`; returns the names that changed. */
export function mergeLoginShellEnv(target: NodeJS.ProcessEnv, shellEnv: Record<string, string>): string[] {
  const changed: string[] = [];
  for (const name of LOGIN_SHELL_VARS) {
    const value = shellEnv[name];
    if (!value) continue;
    const next = name === 'PATH' ? mergePath(value, target.PATH) : value;
    if (target[name] === next) continue;
    target[name] = next;
    changed.push(name);
  }
  return changed;
}

export function userShell(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SHELL) return env.SHELL;
  try {
    return os.userInfo().shell || '/bin/sh';
  } catch {
    return '/bin/sh';
  }
}

/** The shell and whatever its profile started: it runs in its own process group. */
function killGroup(child: ChildProcess): void {
  try {
    if (child.pid) process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

export interface ReadOptions {
  shell: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

/**
 * Runs `shell -l -i -c` (login and interactive, so both kinds of profile run) and reads
 * the environment it ends up with. The shell gets its own session, so an interactive
 * shell cannot take over the terminal Opsdeck was started from.
 */
export function readLoginShellEnv({ shell, env = process.env, timeoutMs = LOGIN_SHELL_TIMEOUT_MS }: ReadOptions): Promise<Record<string, string>> {
  // Printed as two arguments joined, so the marker itself never appears in the command line or $_.
  const token = randomUUID();
  const marker = `opsdeck-env-${token}`;
  const print = `printf '%s%s' opsdeck-env- ${token}`;
  return new Promise((resolve, reject) => {
    const child = spawn(shell, ['-l', '-i', '-c', `${print}; env -0; ${print}`], {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env,
    });
    let out = '';
    let err = '';
    let done = false;
    const finish = (failure: Error | null, result?: Record<string, string>) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      child.stdout?.destroy();
      child.stderr?.destroy();
      child.unref();
      if (failure) reject(failure);
      else resolve(result ?? {});
    };
    const timer = setTimeout(() => {
      killGroup(child);
      finish(new Error(`${shell} did not print its environment within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (data: string) => {
      out += data;
      const parsed = parseEnvBlock(out, marker);
      if (parsed) return finish(null, parsed);
      if (out.length > MAX_OUTPUT_CHARS) {
        killGroup(child);
        finish(new Error(`${shell} printed more than ${MAX_OUTPUT_CHARS} characters without its environment`));
      }
    });
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (data: string) => {
      err = (err + data).slice(-500);
    });
    child.on('error', (e) => finish(new Error(`${shell} could not be run: ${e.message}`)));
    child.on('close', (code, signal) => {
      const why = signal ? `was killed by ${signal}` : `exited with ${code}`;
      const said = err.trim().split('\n').at(-1);
      finish(new Error(`${shell} ${why} without printing its environment${said ? `: ${said}` : ''}`));
    });
  });
}

export interface AdoptOptions {
  log(message: string): void;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  shell?: string;
  timeoutMs?: number;
}

/**
 * Takes PATH, the proxy variables and KUBECONFIG from the user's login shell into `env`
 * (process.env by default) on macOS and Linux. Never fails: a shell that cannot be read is
 * logged and the environment stays as it was.
 */
export async function adoptLoginShellEnv({ log, env = process.env, platform = process.platform, shell, timeoutMs }: AdoptOptions): Promise<void> {
  if (platform === 'win32') return;
  const usedShell = shell ?? userShell(env);
  try {
    const changed = mergeLoginShellEnv(env, await readLoginShellEnv({ shell: usedShell, env, timeoutMs }));
    if (changed.length > 0) log(`took ${changed.join(', ')} from the login shell ${usedShell}`);
  } catch (err) {
    log(`could not read the login shell's environment: ${(err as Error).message}`);
  }
}
