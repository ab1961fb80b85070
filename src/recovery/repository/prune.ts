import fs from 'node:fs/promises';
import path from 'node:path';
import { OpsdeckError } from '../../contract/errors';
import { BlobIndex, writeIndexFile } from './blobIndex';
import { type RepoContext, loadTree } from './context';
import { TEMP_SUFFIX, removeDurably } from './durable';
import { PACK_TARGET_SIZE, PackBuilder, type PackReader, type PackedBlob, packPath } from './packs';
import { ProgressMeter } from './progress';
import type { PruneOptions, PruneResult, SnapshotInfo } from './types';

/**
 * Deletes chunks no snapshot references. Crash-safe order: repacked packs are written first, then
 * one index naming everything that stays, then the old index files go, then the old packs. A
 * crash at any step leaves every snapshot readable; what is left over goes on the next prune.
 */
export async function pruneRepository(
  ctx: RepoContext,
  reader: PackReader,
  snapshots: SnapshotInfo[],
  options: PruneOptions,
): Promise<{ result: PruneResult; index: BlobIndex }> {
  const started = performance.now();
  const meter = new ProgressMeter('prune', options.onProgress);
  const used = { data: new Set<string>(), tree: new Set<string>() };
  const walk = async (treeId: string): Promise<void> => {
    if (used.tree.has(treeId)) return;
    used.tree.add(treeId);
    let nodes;
    try {
      nodes = (await loadTree(ctx, reader, treeId)).nodes;
    } catch (err) {
      throw new OpsdeckError('UNAVAILABLE', `Prune refused: ${(err as Error).message}. Run verify first.`);
    }
    for (const node of nodes) {
      for (const id of node.content ?? []) used.data.add(id);
      if (node.subtree) await walk(node.subtree);
    }
  };
  for (const snapshot of snapshots) {
    options.signal?.throwIfAborted();
    await walk(snapshot.tree);
  }

  const kept = { data: new Set<string>(), tree: new Set<string>() };
  const keepPacks = new Map<string, PackedBlob[]>();
  const dropPacks: string[] = [];
  const repack: { pack: string; blobs: PackedBlob[] }[] = [];
  let chunksRemoved = 0;
  let bytesFreed = 0;
  for (const [packId, blobs] of ctx.index.packs) {
    const wanted = blobs.filter((b) => used[b.type].has(b.id) && !kept[b.type].has(b.id));
    for (const b of wanted) kept[b.type].add(b.id);
    const unwanted = blobs.length - wanted.length;
    chunksRemoved += unwanted;
    if (unwanted === 0) keepPacks.set(packId, blobs);
    else {
      dropPacks.push(packId);
      if (wanted.length > 0) repack.push({ pack: packId, blobs: wanted });
    }
  }
  meter.setTotals(undefined, repack.length + dropPacks.length);

  // 1. Copy the chunks still in use out of partly used packs (sealed bytes move as they are).
  const builders = { data: new PackBuilder(), tree: new PackBuilder() };
  const written = new Map<string, PackedBlob[]>();
  const flush = async (type: 'data' | 'tree') => {
    const builder = builders[type];
    if (builder.blobs.length === 0) return;
    builders[type] = new PackBuilder();
    written.set(await builder.write(ctx.root, ctx.keys.data), builder.blobs);
  };
  for (const { pack, blobs } of repack) {
    options.signal?.throwIfAborted();
    for (const b of blobs) {
      const sealed = await reader.read(pack, b.offset, b.length);
      builders[b.type].add(b.type, b.id, sealed, b.rawLength, b.compressed);
      if (builders[b.type].size >= PACK_TARGET_SIZE) await flush(b.type);
      meter.bytes(b.length);
    }
    meter.file();
  }
  await flush('data');
  await flush('tree');

  // 2. One index for everything that stays, 3. then the old index files, 4. then the old packs.
  const next = new Map([...keepPacks, ...written]);
  const oldIndexFiles = [...ctx.index.files];
  const newName = await writeIndexFile(ctx.root, ctx.keys.data, next);
  for (const name of oldIndexFiles) if (name !== newName) await removeDurably(path.join(ctx.root, 'index', name));
  await reader.close();
  for (const packId of dropPacks) {
    bytesFreed += await sizeOf(packPath(ctx.root, packId));
    await fs.rm(packPath(ctx.root, packId), { force: true });
    meter.file();
  }
  for (const id of written.keys()) bytesFreed -= await sizeOf(packPath(ctx.root, id));
  bytesFreed += await removeLeftovers(ctx.root, new Set(next.keys()));

  const index = new BlobIndex();
  for (const [packId, blobs] of next) index.addPack(packId, blobs);
  index.files.add(newName);
  meter.report(true);
  return {
    index,
    result: {
      packsDeleted: dropPacks.length - repack.length,
      packsRepacked: repack.length,
      packsKept: keepPacks.size,
      chunksRemoved,
      bytesFreed,
      durationMs: Math.round(performance.now() - started),
    },
  };
}

const sizeOf = (file: string) => fs.stat(file).then((st) => st.size, () => 0);

/** Packs no index names (a killed backup's) and temp files of interrupted writes. */
async function removeLeftovers(root: string, indexed: Set<string>): Promise<number> {
  let freed = 0;
  const dataDir = path.join(root, 'data');
  for (const sub of await fs.readdir(dataDir)) {
    for (const name of await fs.readdir(path.join(dataDir, sub))) {
      if (indexed.has(name)) continue;
      const file = path.join(dataDir, sub, name);
      freed += await sizeOf(file);
      await fs.rm(file, { force: true });
    }
  }
  for (const dir of ['index', 'snapshots']) {
    for (const name of await fs.readdir(path.join(root, dir))) {
      if (name.endsWith(TEMP_SUFFIX)) await fs.rm(path.join(root, dir, name), { force: true });
    }
  }
  return freed;
}
