import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { adoptLoginShellEnv, readLoginShellEnv } from '../../src/shell/loginShellEnv';
import { eventually } from '../helpers/eventually';
import { tempDir } from '../helpers/tempDir';

/** A home directory whose profile file says `profile`. */
function home(file: string, profile: string): string {
  const dir = tempDir('opsdeck-home-');
  fs.writeFileSync(path.join(dir, file), profile);
  return dir;
}

const running = (pattern: string): boolean => {
  try {
    execFileSync('pgrep', ['-f', pattern]);
    return true;
  } catch {
    return false;
  }
};

describe.skipIf(process.platform === 'win32')('the login shell environment', () => {
  it("takes PATH and proxies from bash's .bash_profile into the environment it is given", async () => {
    const dir = home('.bash_profile', 'export PATH="$HOME/tools/bin:$PATH"\nexport HTTPS_PROXY=http://proxy.test:3128\nexport no_proxy=.internal\necho "profile says hello"\n');
    const env: NodeJS.ProcessEnv = { HOME: dir, SHELL: '/bin/bash', PATH: '/opt/launcher/bin:/usr/bin:/bin', TERM: 'dumb' };
    const logged: string[] = [];
    await adoptLoginShellEnv({ log: (m) => logged.push(m), env, platform: 'linux' });
    expect(env.PATH!.split(':')[0]).toBe(path.join(dir, 'tools/bin'));
    expect(env.PATH!.split(':')).toContain('/opt/launcher/bin');
    expect(env.HTTPS_PROXY).toBe('http://proxy.test:3128');
    expect(env.no_proxy).toBe('.internal');
    expect(logged).toEqual(['took PATH, HTTPS_PROXY, no_proxy from the login shell /bin/bash']);
  });

  it("reads a POSIX shell's .profile", async () => {
    const dir = home('.profile', 'PATH="$HOME/bin:$PATH"; export PATH\nKUBECONFIG="$HOME/kube/one"; export KUBECONFIG\n');
    const env = await readLoginShellEnv({ shell: '/bin/sh', env: { HOME: dir, PATH: '/usr/bin:/bin' } });
    expect(env.PATH!.split(':')[0]).toBe(path.join(dir, 'bin'));
    expect(env.KUBECONFIG).toBe(path.join(dir, 'kube/one'));
  });

  it('gives up on a shell that hangs, and ends what it started', async () => {
    const dir = home('.bash_profile', 'sleep 47.25\n');
    await expect(readLoginShellEnv({ shell: '/bin/bash', env: { HOME: dir, PATH: '/usr/bin:/bin' }, timeoutMs: 500 })).rejects.toThrow(
      '/bin/bash did not print its environment within 0.5 s',
    );
    await eventually(() => expect(running('sleep 47.25')).toBe(false));
  });

  it('says why when the shell exits early, and leaves the environment alone', async () => {
    const dir = home('.bash_profile', 'echo "broken profile" >&2\nexit 3\n');
    const env: NodeJS.ProcessEnv = { HOME: dir, SHELL: '/bin/bash', PATH: '/usr/bin:/bin' };
    const logged: string[] = [];
    await adoptLoginShellEnv({ log: (m) => logged.push(m), env, platform: 'linux' });
    expect(logged).toEqual(["could not read the login shell's environment: /bin/bash exited with 3 without printing its environment: broken profile"]);
    expect(env).toEqual({ HOME: dir, SHELL: '/bin/bash', PATH: '/usr/bin:/bin' });
  });

  it('does nothing on Windows', async () => {
    const env: NodeJS.ProcessEnv = { SHELL: '/bin/false', PATH: 'C:\\Windows' };
    const logged: string[] = [];
    await adoptLoginShellEnv({ log: (m) => logged.push(m), env, platform: 'win32' });
    expect(env).toEqual({ SHELL: '/bin/false', PATH: 'C:\\Windows' });
    expect(logged).toEqual([]);
  });
});
