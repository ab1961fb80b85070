import fsCallbacks from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { OpsdeckError } from '../../contract/errors';
import { BlobDamagedError } from './blob';
import { type RepoContext, readBlob, walkTree } from './context';
import { fsyncDir } from './durable';
import type { PackReader } from './packs';
import { ProgressMeter } from './progress';
import { type TreeNode, normalizePath } from './trees';
import type { RestoreOptions, RestoreResult, SnapshotInfo } from './types';

const FILES_AT_ONCE = 8;
const BLOBS_AHEAD = 4;
const SMALL_FILE = 64 * 1024;

interface Planned {
  path: string;
  node: TreeNode;
}

/**
 * Restores into a staging folder beside the destination, then moves the result into place: the
 * destination only ever sees complete files, and a failure (disk full, damaged chunk, cancel)
 * leaves it untouched.
 */
export async function restoreSnapshot(
  ctx: RepoContext,
  reader: PackReader,
  snapshot: SnapshotInfo,
  options: RestoreOptions,
): Promise<RestoreResult> {
  const started = performance.now();
  const meter = new ProgressMeter('restore', options.onProgress);
  const signal = options.signal;
  const includes = (options.include ?? []).map(normalizePath).filter((p) => p !== '');
  const selected = (p: string) => includes.length === 0 || includes.some((i) => p === i || p.startsWith(`${i}/`));
  const onTheWay = (p: string) => includes.some((i) => i.startsWith(`${p}/`));

  const chosen: Planned[] = [];
  let bytesTotal = 0;
  await walkTree(ctx, reader, snapshot.tree, (node, p) => {
    if (!selected(p) && !(node.type === 'dir' && onTheWay(p))) return;
    chosen.push({ path: p, node });
    if (node.type === 'file') bytesTotal += node.size;
  });
  if (includes.length > 0 && chosen.length === 0) {
    throw new OpsdeckError('NOT_FOUND', `Snapshot ${snapshot.id.slice(0, 8)} has nothing at ${includes.join(', ')}.`);
  }
  const files = chosen.filter((item) => item.node.type === 'file');
  meter.setTotals(bytesTotal, files.length);

  const destination = path.resolve(options.destination);
  const parent = path.dirname(destination);
  await fs.mkdir(parent, { recursive: true });
  const staging = await fs.mkdtemp(path.join(parent, `.${path.basename(destination)}.restore-`));
  try {
    await fs.chmod(staging, 0o755);
    for (const item of chosen) {
      if (item.node.type === 'dir') await fs.mkdir(path.join(staging, item.path), { recursive: true });
    }
    let next = 0;
    const worker = async () => {
      while (next < files.length) {
        const item = files[next++]!;
        signal?.throwIfAborted();
        await writeFile(ctx, reader, item, path.join(staging, item.path), meter, signal);
        meter.file();
      }
    };
    await Promise.all(Array.from({ length: FILES_AT_ONCE }, worker));
    for (const item of chosen) {
      if (item.node.type !== 'symlink') continue;
      const target = path.join(staging, item.path);
      await fs.symlink(item.node.linkTarget ?? '', target);
      await fs.lutimes(target, item.node.mtimeMs / 1000, item.node.mtimeMs / 1000);
    }
    // Folder times last (writing inside a folder changes its mtime), deepest first.
    for (const item of [...chosen].reverse()) {
      if (item.node.type !== 'dir') continue;
      const target = path.join(staging, item.path);
      await fs.chmod(target, item.node.mode);
      await fs.utimes(target, item.node.mtimeMs / 1000, item.node.mtimeMs / 1000);
    }
    signal?.throwIfAborted();
    meter.enter('commit');
    await moveIntoPlace(staging, destination);
  } catch (err) {
    await fs.rm(staging, { recursive: true, force: true });
    throw explain(err, destination);
  }
  await fs.rm(staging, { recursive: true, force: true });
  await fsyncDir(parent);
  meter.report(true);
  return { files: files.length, bytes: bytesTotal, durationMs: Math.round(performance.now() - started) };
}

const openFd = promisify(fsCallbacks.open);
const writeFd = promisify(fsCallbacks.write);
const fchmod = promisify(fsCallbacks.fchmod);
const futimes = promisify(fsCallbacks.futimes);
const closeFd = promisify(fsCallbacks.close);

/**
 * Writes one file into the staging folder. Files are not fsynced one by one (as restic does not):
 * the rename into place is what makes them appear whole.
 */
async function writeFile(
  ctx: RepoContext,
  reader: PackReader,
  item: Planned,
  target: string,
  meter: ProgressMeter,
  signal: AbortSignal | undefined,
): Promise<void> {
  const content = item.node.content ?? [];
  if (item.node.size < SMALL_FILE) {
    // Small files: read their chunks, then write in synchronous calls, cheaper than five round trips.
    const data = await Promise.all(content.map((id) => readBlob(ctx, reader, 'data', id)));
    signal?.throwIfAborted();
    const fd = fsCallbacks.openSync(target, 'wx', 0o600);
    try {
      for (const part of data) fsCallbacks.writeFileSync(fd, part);
      fsCallbacks.fchmodSync(fd, item.node.mode);
      fsCallbacks.futimesSync(fd, item.node.mtimeMs / 1000, item.node.mtimeMs / 1000);
    } finally {
      fsCallbacks.closeSync(fd);
    }
    meter.bytes(item.node.size);
    return;
  }
  const fd = await openFd(target, 'wx', 0o600);
  try {
    // Read a few chunks ahead so decryption and decompression overlap the writes.
    const ahead: Promise<Buffer>[] = [];
    let fetched = 0;
    for (let i = 0; i < content.length; i++) {
      while (fetched < content.length && fetched < i + BLOBS_AHEAD) {
        const read = readBlob(ctx, reader, 'data', content[fetched++]!);
        read.catch(() => undefined);
        ahead.push(read);
      }
      signal?.throwIfAborted();
      const data = await ahead.shift()!;
      for (let written = 0; written < data.length; ) {
        written += (await writeFd(fd, data, written, data.length - written)).bytesWritten;
      }
      meter.bytes(data.length);
    }
    await fchmod(fd, item.node.mode);
    await futimes(fd, item.node.mtimeMs / 1000, item.node.mtimeMs / 1000);
  } finally {
    await closeFd(fd);
  }
}

/** Renames staged entries into the destination; folders that exist already are merged into. */
async function moveIntoPlace(staged: string, destination: string): Promise<void> {
  const existing = await fs.lstat(destination).catch(() => null);
  if (!existing) {
    await fs.rename(staged, destination);
    return;
  }
  const stagedStat = await fs.lstat(staged);
  if (!existing.isDirectory() || !stagedStat.isDirectory()) {
    if (existing.isDirectory()) await fs.rm(destination, { recursive: true });
    await fs.rename(staged, destination);
    return;
  }
  // Folders that exist keep their own mode and times; what is inside them is replaced.
  for (const name of await fs.readdir(staged)) {
    await moveIntoPlace(path.join(staged, name), path.join(destination, name));
  }
}

function explain(err: unknown, destination: string): unknown {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new OpsdeckError(
      'UNAVAILABLE',
      `Restore stopped: the disk holding ${destination} is full. Nothing was changed at the destination.`,
    );
  }
  if (err instanceof BlobDamagedError) {
    return new OpsdeckError(
      'UNAVAILABLE',
      `Restore refused: ${err.message}. Nothing was changed at the destination; run verify to see what else it touches.`,
    );
  }
  return err;
}
