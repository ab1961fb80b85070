import fs from 'node:fs/promises';
import path from 'node:path';
import { OpsdeckError } from '../../contract/errors';
import { BlobDamagedError } from './blob';
import { type RepoContext, walkTree } from './context';
import { fsyncDir } from './durable';
import type { PackReader } from './packs';
import { type PlannedFile, planRestoreJobs } from './restoreJobs';
import { RestoreWorkerPool, restoreWorkerCount } from './restoreWorkers';
import { ProgressMeter } from './progress';
import { normalizePath } from './trees';
import type { RestoreOptions, RestoreResult, SnapshotInfo } from './types';

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

  const chosen: PlannedFile[] = [];
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
    await writeFiles(ctx, files, staging, meter, signal);
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

/**
 * Writes the files' content on worker threads, a few megabytes per job, several jobs in flight.
 * Files are not fsynced one by one (as restic does not): the rename into place is what makes them
 * appear whole. Big files come in ranges and get their mode and time once the last range is in.
 */
async function writeFiles(ctx: RepoContext, files: PlannedFile[], staging: string, meter: ProgressMeter, signal: AbortSignal | undefined) {
  const { jobs, ranges } = planRestoreJobs(ctx.root, ctx.index, staging, files);
  const pool = new RestoreWorkerPool(ctx.keys.data);
  let next = 0;
  let failed = false;
  const lane = async () => {
    while (next < jobs.length && !failed) {
      signal?.throwIfAborted();
      const job = jobs[next++]!;
      const done = await pool.run(job);
      meter.bytes(done.bytes);
      for (let i = 0; i < done.files; i++) meter.file();
      for (const piece of job.pieces) {
        const big = piece.whole ? undefined : ranges.get(piece.file);
        if (!big || --big.count > 0) continue;
        await fs.chmod(piece.file, big.node.mode);
        await fs.utimes(piece.file, big.node.mtimeMs / 1000, big.node.mtimeMs / 1000);
        meter.file();
      }
    }
  };
  try {
    // Two jobs per worker in flight: each has the next one queued when it finishes.
    await Promise.all(
      Array.from({ length: restoreWorkerCount() * 2 }, () =>
        lane().catch((err: unknown) => {
          failed = true;
          throw err;
        }),
      ),
    );
  } finally {
    await pool.close();
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
