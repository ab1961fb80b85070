import { describe, expect, it } from 'vitest';
import { mergeLoginShellEnv, mergePath, parseEnvBlock } from '../../../src/shell/loginShellEnv';

const M = 'opsdeck-env-1234';

describe('parseEnvBlock', () => {
  it('reads NUL-separated variables between the markers, ignoring what the profile printed around them', () => {
    const out = `Welcome back!\n${M}PATH=/a:/b\0GREETING=line one\nline two\0EMPTY=\0EQUALS=a=b\0${M}bye\n`;
    expect(parseEnvBlock(out, M)).toEqual({ PATH: '/a:/b', GREETING: 'line one\nline two', EMPTY: '', EQUALS: 'a=b' });
  });

  it('is not fooled by a multi-line value that looks like another variable', () => {
    const out = `${M}BASH_FUNC_x%%=() { echo\nPATH=/evil\n}\0PATH=/good\0${M}`;
    expect(parseEnvBlock(out, M)?.PATH).toBe('/good');
  });

  it('is null until both markers have arrived', () => {
    expect(parseEnvBlock('no markers', M)).toBeNull();
    expect(parseEnvBlock(`${M}PATH=/a\0`, M)).toBeNull();
  });
});

describe('mergeLoginShellEnv', () => {
  it('puts the shell PATH first, keeps entries only the app had, and takes proxies and KUBECONFIG', () => {
    const env: NodeJS.ProcessEnv = { PATH: '/usr/bin:/opt/app/bin', HTTPS_PROXY: 'http://old:1', HOME: '/home/u' };
    const changed = mergeLoginShellEnv(env, {
      PATH: '/home/u/.local/bin:/usr/bin',
      HTTPS_PROXY: 'http://proxy:3128',
      no_proxy: '.internal',
      KUBECONFIG: '/home/u/.kube/a:/home/u/.kube/b',
      HOME: '/elsewhere',
      AWS_PROFILE: 'prod',
    });
    expect(env).toEqual({
      PATH: '/home/u/.local/bin:/usr/bin:/opt/app/bin',
      HTTPS_PROXY: 'http://proxy:3128',
      no_proxy: '.internal',
      KUBECONFIG: '/home/u/.kube/a:/home/u/.kube/b',
      HOME: '/home/u',
    });
    expect(changed).toEqual(['PATH', 'KUBECONFIG', 'HTTPS_PROXY', 'no_proxy']);
  });

  it('changes nothing the shell does not set, or sets to the same value', () => {
    const env: NodeJS.ProcessEnv = { PATH: '/usr/bin', HTTP_PROXY: 'http://p:1' };
    expect(mergeLoginShellEnv(env, { PATH: '/usr/bin', HTTP_PROXY: '' })).toEqual([]);
    expect(env).toEqual({ PATH: '/usr/bin', HTTP_PROXY: 'http://p:1' });
  });

  it('merges PATH without empty or repeated entries', () => {
    expect(mergePath('/a::/b:/a', '/b:/c:')).toBe('/a:/b:/c');
    expect(mergePath('/a', undefined)).toBe('/a');
  });
});
