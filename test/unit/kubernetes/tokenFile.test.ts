import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { separateTokenFiles, TokenFile } from '../../../src/kubernetes/tokenFile';
import { tempDir } from '../../helpers/tempDir';

describe('TokenFile', () => {
  it('reads the file again once a minute has passed, or after the token was refused', async () => {
    const file = path.join(tempDir(), 'token');
    fs.writeFileSync(file, ' first\n');
    let now = 1_000_000;
    const t = new TokenFile(file, () => now);
    expect(await t.read()).toBe('first');
    fs.writeFileSync(file, 'second\n');
    now += 59_000;
    expect(await t.read()).toBe('first');
    now += 1_000;
    expect(await t.read()).toBe('second');
    fs.writeFileSync(file, 'third');
    t.stale();
    expect(await t.read()).toBe('third');
  });

  it('refuses an empty file', async () => {
    const file = path.join(tempDir(), 'token');
    fs.writeFileSync(file, '\n');
    await expect(new TokenFile(file).read()).rejects.toThrow(`The token file ${file} is empty`);
  });
});

describe('separateTokenFiles', () => {
  it('takes token files out, resolved against the kubeconfig folder, unless a token is beside them', async () => {
    const text = ['users:', '- name: a', '  user: { token-file: tok/a }', '- name: b', '  user: { token: x, token-file: /b }', '- name: c', '  user: { username: u }'].join('\n');
    const { text: rest, tokenFiles } = await separateTokenFiles(text, '/home/u/.kube');
    expect([...tokenFiles]).toEqual([['a', '/home/u/.kube/tok/a']]);
    expect(rest).not.toContain('token-file');
    expect(rest).toContain('token: x');
  });

  it('leaves a kubeconfig without token files as it was', async () => {
    const text = 'users:\n- name: a\n  user:\n    token: x # a comment\n';
    expect(await separateTokenFiles(text, '/k')).toEqual({ text, tokenFiles: new Map() });
  });
});
