import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Repository } from '../../src/recovery/repository';
import { tempDir } from '../helpers/tempDir';
import { seededBytes } from './backupFixtures';

const PASSWORD = 'integration-password';

/** Every file under the repository with its bytes' hash: proof that nothing was written. */
function fingerprint(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out[path.relative(root, file)] = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  }
  return out;
}

const packFiles = (root: string) =>
  fs
    .readdirSync(path.join(root, 'data'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));

describe('repository damage and wrong passwords', () => {
  it('names a flipped byte’s chunk, pack and snapshots; restore refuses it', async () => {
    const repo = await Repository.init(path.join(tempDir(), 'repo'), PASSWORD);
    const shared = tempDir();
    fs.writeFileSync(path.join(shared, 'data.bin'), seededBytes('shared', 2 * 1024 * 1024));
    const first = await repo.backup({ kind: 'files', root: shared }, { target: 'shared' });
    const packsOfFirst = packFiles(repo.root);
    fs.writeFileSync(path.join(shared, 'more.txt'), 'more');
    const second = await repo.backup({ kind: 'files', root: shared }, { target: 'shared' });
    const other = tempDir();
    fs.writeFileSync(path.join(other, 'other.bin'), seededBytes('other', 1024 * 1024));
    const unrelated = await repo.backup({ kind: 'files', root: other }, { target: 'other' });

    // The biggest pack of the first backup holds the shared file's chunks.
    const victim = packsOfFirst.sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0]!;
    const bytes = fs.readFileSync(victim);
    bytes[40] = bytes[40]! ^ 0x01;
    fs.writeFileSync(victim, bytes);

    // Structure alone cannot see a changed byte; reading the data does.
    expect((await repo.verify({ readData: false })).ok).toBe(true);
    const report = await repo.verify({ readData: true });
    expect(report.ok).toBe(false);
    expect(report.problems).toHaveLength(1);
    const problem = report.problems[0]!;
    expect(problem).toMatchObject({ kind: 'chunk-damaged', pack: path.basename(victim) });
    expect(problem.chunk).toMatch(/^[0-9a-f]{64}$/);
    expect(problem.message).toContain(problem.chunk);
    expect(problem.snapshots.sort()).toEqual([first.id, second.id].sort());

    const out = path.join(tempDir(), 'restored');
    await expect(repo.restore(second.id, { destination: out })).rejects.toThrow(
      new RegExp(`Restore refused: chunk ${problem.chunk} in pack ${path.basename(victim)} is damaged`),
    );
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(path.dirname(out))).toEqual([]);
    await expect(repo.restore(unrelated.id, { destination: out })).resolves.toMatchObject({ files: 1 });
  });

  it('refuses a wrong password clearly and writes nothing', async () => {
    const repo = await Repository.init(path.join(tempDir(), 'repo'), PASSWORD);
    const src = tempDir();
    fs.writeFileSync(path.join(src, 'a.txt'), 'a');
    await repo.backup({ kind: 'files', root: src }, { target: 'files' });
    const before = fingerprint(repo.root);
    await expect(Repository.open(repo.root, 'not the password')).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Wrong repository password: the repository key could not be opened.',
    });
    expect(fingerprint(repo.root)).toEqual(before);
    expect(fs.readdirSync(path.join(repo.root, 'locks'))).toEqual([]);
  });
});
