import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BlobIndex } from '../../../../src/recovery/repository/blobIndex';
import type { PackedBlob } from '../../../../src/recovery/repository/packs';
import { type PlannedFile, planRestoreJobs } from '../../../../src/recovery/repository/restoreJobs';

const MiB = 1024 * 1024;

/** An index with one pack per letter; blob `p:n` is the n-th blob of pack p, each `size` bytes. */
function indexOf(packs: Record<string, number>, size: number): BlobIndex {
  const index = new BlobIndex();
  for (const [pack, count] of Object.entries(packs)) {
    const blobs: PackedBlob[] = Array.from({ length: count }, (_, n) => ({
      type: 'data',
      id: `${pack}:${n}`,
      offset: n * (size + 28),
      length: size + 28,
      rawLength: size,
      compressed: false,
    }));
    index.addPack(pack.padEnd(64, '0'), blobs);
  }
  return index;
}

const file = (p: string, content: string[], size: number): PlannedFile => ({
  path: p,
  node: { name: path.basename(p), type: 'file', mode: 0o640, mtimeMs: 1_700_000_000_000, size, content },
});

const limits = { batchBytes: 3 * MiB, batchFiles: 3, rangeBytes: 2 * MiB };

describe('restore jobs', () => {
  it('batches small files per folder and within the byte and file limits, reading a shared chunk once', () => {
    const index = indexOf({ a: 6 }, MiB);
    const files = [
      file('x/1', ['a:0'], MiB),
      file('x/2', ['a:0'], MiB), // same content as x/1
      file('x/3', ['a:1'], MiB),
      file('x/4', ['a:2'], MiB),
      file('y/5', ['a:3'], MiB),
    ];
    const { jobs, ranges } = planRestoreJobs('/repo', index, '/stage', files, limits);
    expect(ranges.size).toBe(0);
    const names = jobs.map((job) => job.pieces.map((p) => path.relative('/stage', p.file)));
    expect(names).toEqual([['x/1', 'x/2', 'x/3'], ['y/5'], ['x/4']]);
    const first = jobs[0]!;
    expect(first.blobs.map((b) => b.id)).toEqual(['a:0', 'a:1']);
    expect(first.pieces.map((p) => p.blobs)).toEqual([[0], [0], [1]]);
    expect(first.pieces[0]!.whole).toEqual({ mode: 0o640, mtimeMs: 1_700_000_000_000 });
    expect(first.packs).toEqual([{ id: 'a'.padEnd(64, '0'), file: path.join('/repo', 'data', 'a0', 'a'.padEnd(64, '0')) }]);
  });

  it('splits big files into ranges at chunk boundaries, and alternates between files', () => {
    const index = indexOf({ b: 5, c: 3 }, MiB);
    const files = [file('big', ['b:0', 'b:1', 'b:2', 'b:3', 'b:4'], 5 * MiB), file('other', ['c:0', 'c:1', 'c:2'], 3 * MiB)];
    const { jobs, ranges } = planRestoreJobs('/repo', index, '/stage', files, limits);
    const pieces = jobs.map((job) => {
      const piece = job.pieces[0]!;
      return [path.basename(piece.file), piece.position / MiB, piece.blobs.map((slot) => job.blobs[slot]!.id)];
    });
    expect(pieces).toEqual([
      ['big', 0, ['b:0', 'b:1']],
      ['other', 0, ['c:0', 'c:1']],
      ['big', 2, ['b:2', 'b:3']],
      ['other', 2, ['c:2']],
      ['big', 4, ['b:4']],
    ]);
    expect(jobs.every((job) => job.pieces.every((p) => p.whole === undefined))).toBe(true);
    expect(ranges.get('/stage/big')?.count).toBe(3);
    expect(ranges.get('/stage/other')?.count).toBe(2);
  });

  it('names a chunk the index lacks', () => {
    const index = indexOf({ a: 1 }, 10);
    expect(() => planRestoreJobs('/repo', index, '/stage', [file('f', ['missing'], 10)], limits)).toThrow(
      'The repository has no data chunk missing: run verify.',
    );
  });
});
