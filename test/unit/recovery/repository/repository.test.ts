import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Repository } from '../../../../src/recovery/repository';
import { tempDir } from '../../../helpers/tempDir';
import { seededBytes as seeded } from './seededBytes';

const PASSWORD = 'correct horse battery staple';

function sourceTree(): string {
  const root = tempDir('opsdeck-repo-src-');
  fs.mkdirSync(path.join(root, 'docs/deep'), { recursive: true });
  fs.writeFileSync(path.join(root, 'docs/readme.md'), 'hello\n'.repeat(1000));
  fs.writeFileSync(path.join(root, 'docs/deep/data.bin'), seeded('data', 3 * 1024 * 1024));
  fs.writeFileSync(path.join(root, 'skip.tmp'), 'excluded');
  fs.writeFileSync(path.join(root, 'empty'), '');
  return root;
}

const readAll = async (stream: Readable) => {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
};

describe('backup repository', () => {
  it('backs up a folder, lists and diffs snapshots, deduplicates unchanged data', async () => {
    const src = sourceTree();
    const repo = await Repository.init(path.join(tempDir(), 'repo'), PASSWORD);
    const progress: string[] = [];
    const first = await repo.backup(
      { kind: 'files', root: src, excludes: ['*.tmp'] },
      { target: 'docs', tags: ['nightly'], onProgress: (p) => progress.push(p.phase) },
    );
    expect(first.summary).toMatchObject({ files: 3, sizeBytes: 6000 + 3 * 1024 * 1024, dataAdded: 6000 + 3 * 1024 * 1024 });
    expect(first).toMatchObject({ target: 'docs', tags: ['nightly'], host: os.hostname(), paths: [src], parent: null });
    expect(progress).toContain('backup');

    const again = await repo.backup({ kind: 'files', root: src, excludes: ['*.tmp'] }, { target: 'docs' });
    expect(again.summary.dataAdded).toBe(0);
    expect(again.parent).toBe(first.id);

    fs.appendFileSync(path.join(src, 'docs/readme.md'), 'more\n');
    fs.writeFileSync(path.join(src, 'new.txt'), 'new');
    fs.rmSync(path.join(src, 'empty'));
    const third = await repo.backup({ kind: 'files', root: src, excludes: ['*.tmp'] }, { target: 'docs' });
    // The 3 MiB file did not change: only the edited and the new file are new data.
    expect(third.summary.dataAdded).toBe(6005 + 3);

    expect((await repo.snapshots()).map((s) => s.id)).toEqual([first.id, again.id, third.id]);
    expect((await repo.tree(third.id)).map((e) => [e.name, e.type])).toEqual([
      ['docs', 'dir'],
      ['new.txt', 'file'],
    ]);
    expect((await repo.tree(third.id.slice(0, 8), 'docs/deep'))[0]).toMatchObject({ path: 'docs/deep/data.bin', size: 3 * 1024 * 1024 });
    const diff = await repo.diff(first.id, third.id);
    expect(diff.added).toEqual([{ path: 'new.txt', type: 'file', sizeBefore: null, sizeAfter: 3 }]);
    expect(diff.removed).toEqual([{ path: 'empty', type: 'file', sizeBefore: 0, sizeAfter: null }]);
    expect(diff.changed).toEqual([{ path: 'docs/readme.md', type: 'file', sizeBefore: 6000, sizeAfter: 6005 }]);
    expect((await readAll(await repo.openFile(third.id, 'docs/deep/data.bin'))).equals(seeded('data', 3 * 1024 * 1024))).toBe(true);
  });

  it('stores streamed entries and deduplicates them against another target', async () => {
    const repo = await Repository.init(path.join(tempDir(), 'repo'), PASSWORD);
    const big = seeded('shared', 2 * 1024 * 1024);
    const files = tempDir();
    fs.writeFileSync(path.join(files, 'copy.bin'), big);
    await repo.backup({ kind: 'files', root: files }, { target: 'files' });
    async function* entries() {
      yield { path: 'db/dump.bin', data: Readable.from([big.subarray(0, 1000), big.subarray(1000)]) };
      yield { path: 'db/schema.sql', mode: 0o640, mtimeMs: 1_700_000_000_000, data: Buffer.from('create table t();') };
    }
    const snap = await repo.backup({ kind: 'entries', entries: entries() }, { target: 'postgres' });
    expect(snap.summary).toMatchObject({ files: 2, dataAdded: 17 });
    expect(await repo.tree(snap.id, 'db')).toEqual([
      { name: 'dump.bin', path: 'db/dump.bin', type: 'file', size: big.length, mode: 0o600, mtimeMs: expect.any(Number) },
      { name: 'schema.sql', path: 'db/schema.sql', type: 'file', size: 17, mode: 0o640, mtimeMs: 1_700_000_000_000 },
    ]);
    expect((await readAll(await repo.openFile(snap.id, 'db/dump.bin'))).equals(big)).toBe(true);
  });

  it('forgets by policy (dry run first) and prunes what no snapshot references', async () => {
    const src = sourceTree();
    const repo = await Repository.init(path.join(tempDir(), 'repo'), PASSWORD);
    const old = await repo.backup({ kind: 'files', root: src }, { target: 'docs' });
    fs.writeFileSync(path.join(src, 'docs/deep/data.bin'), seeded('replaced', 2 * 1024 * 1024));
    const current = await repo.backup({ kind: 'files', root: src }, { target: 'docs' });

    const preview = await repo.forget({ last: 1 }, { dryRun: true });
    expect(preview.remove.map((d) => d.snapshot.id)).toEqual([old.id]);
    expect(preview.keep).toEqual([{ snapshot: current, reasons: ['last 1'] }]);
    expect(await repo.snapshots()).toHaveLength(2);

    await repo.forget({ last: 1 }, { dryRun: false });
    expect((await repo.snapshots()).map((s) => s.id)).toEqual([current.id]);
    const pruned = await repo.prune();
    expect(pruned.chunksRemoved).toBeGreaterThan(0);
    expect(pruned.bytesFreed).toBeGreaterThan(2 * 1024 * 1024);
    const reopened = await Repository.open(path.join(repo.root), PASSWORD);
    expect(await reopened.verify({ readData: true })).toMatchObject({ ok: true, problems: [] });
    const out = path.join(tempDir(), 'out');
    await reopened.restore(current.id, { destination: out });
    expect(fs.readFileSync(path.join(out, 'docs/deep/data.bin')).equals(seeded('replaced', 2 * 1024 * 1024))).toBe(true);
  });

  it('lets one writer in at a time and takes over a lock whose process is gone', async () => {
    const repo = await Repository.init(path.join(tempDir(), 'repo'), PASSWORD);
    const lockFile = path.join(repo.root, 'locks', 'exclusive');
    const holder = { pid: process.pid, host: 'another-host', time: Date.now(), operation: 'backup of db' };
    fs.writeFileSync(lockFile, JSON.stringify(holder));
    await expect(repo.forget({ last: 1 }, { dryRun: false })).rejects.toThrow(/locked by backup of db \(process \d+ on another-host/);

    // A process that no longer exists on this host: stale.
    fs.writeFileSync(lockFile, JSON.stringify({ ...holder, host: os.hostname(), pid: 2 ** 22 + 1 }));
    await expect(repo.forget({ last: 1 }, { dryRun: false })).resolves.toMatchObject({ dryRun: false });
    expect(fs.existsSync(lockFile)).toBe(false);

    // Two writers in one process queue rather than fail.
    const src = sourceTree();
    const [a, b] = await Promise.all([
      repo.backup({ kind: 'files', root: src }, { target: 'a' }),
      repo.backup({ kind: 'files', root: src }, { target: 'b' }),
    ]);
    expect(a.summary.dataAdded + b.summary.dataAdded).toBe(a.summary.sizeBytes);
  });

  it('stops a backup when cancelled and leaves no snapshot', async () => {
    const repo = await Repository.init(path.join(tempDir(), 'repo'), PASSWORD);
    const controller = new AbortController();
    controller.abort();
    await expect(repo.backup({ kind: 'files', root: sourceTree() }, { target: 'x', signal: controller.signal })).rejects.toThrow(/abort/i);
    expect(await repo.snapshots()).toEqual([]);
    expect(fs.existsSync(path.join(repo.root, 'locks', 'exclusive'))).toBe(false);
  });

  it('refuses a folder that is not empty and a repository that is there already', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'file'), 'x');
    await expect(Repository.init(dir, PASSWORD)).rejects.toThrow(/not empty/);
    const repo = await Repository.init(path.join(dir, 'repo'), PASSWORD);
    await expect(Repository.init(repo.root, PASSWORD)).rejects.toThrow(/already/);
    await expect(Repository.open(path.join(dir, 'nothing'), PASSWORD)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
