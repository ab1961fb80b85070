import fs from 'node:fs/promises';
import { type BlobType, BlobDamagedError, decodeBlob } from './blob';
import { type RepoContext, loadTree } from './context';
import { type PackReader, type PackedBlob, packPath, parsePackHeader } from './packs';
import { ProgressMeter } from './progress';
import type { SnapshotInfo, VerifyOptions, VerifyProblem, VerifyReport } from './types';

/**
 * Structure: every indexed pack exists and is long enough, every snapshot's trees open and every
 * chunk they name is indexed. With `readData`: every pack is read whole, every chunk in it
 * decrypted and checked against its SHA-256, and the pack's own (sealed) list compared with the index.
 */
export async function verifyRepository(
  ctx: RepoContext,
  reader: PackReader,
  snapshots: SnapshotInfo[],
  damagedSnapshots: string[],
  options: VerifyOptions,
): Promise<VerifyReport> {
  const started = performance.now();
  const meter = new ProgressMeter('verify', options.onProgress);
  const problems: VerifyProblem[] = damagedSnapshots.map((id) => ({
    kind: 'snapshot-damaged',
    message: `snapshot file ${id} does not open: it was changed or truncated`,
    snapshots: [id],
  }));
  const users = new Map<string, Set<string>>(); // `${type}:${id}` → snapshots that reference it
  const use = (type: BlobType, id: string, snapshot: string) => {
    const key = `${type}:${id}`;
    let set = users.get(key);
    if (!set) users.set(key, (set = new Set()));
    set.add(snapshot);
  };
  const usersOf = (type: BlobType, id: string) => [...(users.get(`${type}:${id}`) ?? [])];

  const brokenTrees = new Map<string, string>();
  for (const snapshot of snapshots) {
    options.signal?.throwIfAborted();
    const walked = new Set<string>();
    const walk = async (treeId: string): Promise<void> => {
      use('tree', treeId, snapshot.id);
      if (walked.has(treeId) || brokenTrees.has(treeId)) return;
      walked.add(treeId);
      let nodes;
      try {
        nodes = (await loadTree(ctx, reader, treeId)).nodes;
      } catch (err) {
        brokenTrees.set(treeId, (err as Error).message);
        return;
      }
      for (const node of nodes) {
        for (const id of node.content ?? []) use('data', id, snapshot.id);
        if (node.subtree) await walk(node.subtree);
      }
    };
    await walk(snapshot.tree);
  }
  for (const [treeId, message] of brokenTrees) {
    const at = ctx.index.get('tree', treeId);
    problems.push({ kind: 'tree-damaged', message, chunk: treeId, pack: at?.pack, snapshots: usersOf('tree', treeId) });
  }
  for (const key of users.keys()) {
    const [type, id] = key.split(':') as [BlobType, string];
    if (!ctx.index.has(type, id)) {
      problems.push({
        kind: 'chunk-missing',
        message: `${type} chunk ${id} is referenced but no pack holds it`,
        chunk: id,
        snapshots: usersOf(type, id),
      });
    }
  }

  const packs = [...ctx.index.packs];
  let bytesTotal = 0;
  for (const [, blobs] of packs) for (const b of blobs) bytesTotal += b.length;
  meter.setTotals(options.readData ? bytesTotal : undefined, packs.length);
  let chunks = 0;
  let bytesRead = 0;
  for (const [packId, blobs] of packs) {
    options.signal?.throwIfAborted();
    const file = packPath(ctx.root, packId);
    const snapshotsOf = () => [...new Set(blobs.flatMap((b) => usersOf(b.type, b.id)))];
    const size = await fs.stat(file).then((st) => st.size, () => null);
    if (size === null) {
      problems.push({ kind: 'pack-missing', message: `pack ${packId} is missing`, pack: packId, snapshots: snapshotsOf() });
      continue;
    }
    const end = Math.max(0, ...blobs.map((b) => b.offset + b.length));
    if (size < end) {
      problems.push({ kind: 'pack-damaged', message: `pack ${packId} is truncated`, pack: packId, snapshots: snapshotsOf() });
      continue;
    }
    chunks += blobs.length;
    if (!options.readData) {
      meter.file();
      continue;
    }
    const bytes = await fs.readFile(file);
    bytesRead += bytes.length;
    let chunkProblems = 0;
    for (const blob of blobs) {
      try {
        await decodeBlob(ctx.keys, bytes.subarray(blob.offset, blob.offset + blob.length), {
          id: blob.id,
          pack: packId,
          compressed: blob.compressed,
        });
      } catch (err) {
        if (!(err instanceof BlobDamagedError)) throw err;
        chunkProblems++;
        problems.push({
          kind: 'chunk-damaged',
          message: err.message,
          pack: packId,
          chunk: blob.id,
          snapshots: usersOf(blob.type, blob.id),
        });
      }
      meter.bytes(blob.length);
    }
    if (chunkProblems === 0) {
      const problem = headerProblem(ctx.keys.data, bytes, blobs);
      if (problem) problems.push({ kind: 'pack-damaged', message: `pack ${packId}: ${problem}`, pack: packId, snapshots: [] });
    }
    meter.file();
  }
  meter.report(true);
  return {
    ok: problems.length === 0,
    readData: options.readData,
    packs: packs.length,
    chunks,
    snapshots: snapshots.length,
    bytesRead,
    durationMs: Math.round(performance.now() - started),
    problems,
  };
}

/** Why a pack's own list of blobs does not open or disagrees with the index, or null. */
function headerProblem(key: Buffer, bytes: Buffer, indexed: PackedBlob[]): string | null {
  let own: PackedBlob[];
  try {
    own = parsePackHeader(key, bytes);
  } catch (err) {
    return `its list of chunks is damaged (${(err as Error).message})`;
  }
  const place = (b: PackedBlob) => `${b.type}:${b.id}:${b.offset}:${b.length}`;
  const listed = new Set(own.map(place));
  return indexed.every((b) => listed.has(place(b))) ? null : 'its list of chunks disagrees with the index';
}
