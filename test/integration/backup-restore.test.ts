import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Repository } from '../../src/recovery/repository';
import type { Progress } from '../../src/recovery/repository';
import { cleanupAfterEach } from '../helpers/cleanups';
import { tempDir } from '../helpers/tempDir';
import { describeTree, makeSourceTree, seededBytes } from './backupFixtures';

const PASSWORD = 'integration-password';
const cleanup = cleanupAfterEach();

async function backedUp(smallFiles: number, bigBytes: number) {
  const src = path.join(tempDir('opsdeck-backup-src-'), 'src');
  makeSourceTree(src, { smallFiles, bigBytes });
  const repo = await Repository.init(path.join(tempDir('opsdeck-backup-repo-'), 'repo'), PASSWORD);
  const snapshot = await repo.backup({ kind: 'files', root: src }, { target: 'files' });
  return { src, repo, snapshot };
}

describe('files target: backup and restore', () => {
  it('restores many small files, a big file, symlinks, modes and mtimes exactly', async () => {
    const { src, repo, snapshot } = await backedUp(800, 12 * 1024 * 1024);
    expect(snapshot.summary.files).toBe(800 + 4);
    const progress: Progress[] = [];
    const out = path.join(tempDir('opsdeck-restore-'), 'restored');
    const result = await repo.restore(snapshot.id, { destination: out, onProgress: (p) => progress.push(p) });
    expect(result.files).toBe(804);
    expect(describeTree(out)).toEqual(describeTree(src));
    const last = progress.at(-1)!;
    expect(last).toMatchObject({ bytesDone: result.bytes, bytesTotal: result.bytes, filesDone: 804, filesTotal: 804 });
    expect(last.bytesPerSecond).toBeGreaterThan(0);
    // Nothing but the destination is left beside it.
    expect(fs.readdirSync(path.dirname(out))).toEqual(['restored']);
  });

  it('restores a subset into an existing folder, replacing only what was chosen', async () => {
    const { src, repo, snapshot } = await backedUp(40, 1024 * 1024);
    const out = tempDir('opsdeck-restore-');
    fs.writeFileSync(path.join(out, 'mine.txt'), 'keep me');
    fs.mkdirSync(path.join(out, 'private'));
    fs.writeFileSync(path.join(out, 'private', 'notes.txt'), 'stale notes');
    fs.writeFileSync(path.join(out, 'private', 'other.txt'), 'other');
    await repo.restore(snapshot.id, { destination: out, include: ['private/notes.txt', 'small/d3'] });
    expect(fs.readFileSync(path.join(out, 'mine.txt'), 'utf8')).toBe('keep me');
    expect(fs.readFileSync(path.join(out, 'private', 'notes.txt'), 'utf8')).toBe('private notes');
    expect(fs.readFileSync(path.join(out, 'private', 'other.txt'), 'utf8')).toBe('other');
    expect(fs.existsSync(path.join(out, 'big.bin'))).toBe(false);
    const restoredSmall = describeTree(path.join(out, 'small'));
    const sourceSmall = Object.fromEntries(Object.entries(describeTree(path.join(src, 'small'))).filter(([p]) => p.startsWith('d3')));
    expect(restoredSmall).toEqual({ ...sourceSmall, d3: restoredSmall.d3 });
    await expect(repo.restore(snapshot.id, { destination: out, include: ['no/such/file'] })).rejects.toThrow(/has nothing at no\/such\/file/);
  });

  it('stops on cancel and leaves the destination untouched', async () => {
    const { repo, snapshot } = await backedUp(200, 4 * 1024 * 1024);
    const out = path.join(tempDir('opsdeck-restore-'), 'restored');
    const controller = new AbortController();
    const restoring = repo.restore(snapshot.id, { destination: out, signal: controller.signal });
    controller.abort();
    await expect(restoring).rejects.toThrow(/abort/i);
    expect(fs.readdirSync(path.dirname(out))).toEqual([]);
  });

  // A real full disk: an 8 MiB tmpfs (needs root, as the test suite runs in CI).
  const canMount = process.getuid?.() === 0;
  it.skipIf(!canMount)('reports a full disk clearly and leaves the destination untouched', async () => {
    const { repo, snapshot } = await backedUp(20, 12 * 1024 * 1024);
    const mount = tempDir('opsdeck-tmpfs-');
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mount]);
    cleanup(() => execFileSync('umount', [mount]));
    const out = path.join(mount, 'restored');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'big.bin'), seededBytes('old', 1024));
    const before = describeTree(out);
    await expect(repo.restore(snapshot.id, { destination: out })).rejects.toThrow(
      /the disk holding .*restored is full\. Nothing was changed at the destination/,
    );
    expect(describeTree(out)).toEqual(before);
    expect(fs.readdirSync(mount)).toEqual(['restored']);
  });
});
