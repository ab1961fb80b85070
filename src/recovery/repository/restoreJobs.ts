import path from 'node:path';
import { OpsdeckError } from '../../contract/errors';
import type { BlobIndex } from './blobIndex';
import { packPath } from './packs';
import type { TreeNode } from './trees';

/** One blob a restore job reads: where it sits and whether it is compressed. */
export interface JobBlob {
  id: string;
  /** Index into the job's `packs`. */
  pack: number;
  offset: number;
  length: number;
  compressed: boolean;
}

/**
 * What a job writes into one file: a whole file (`whole` set: created, written, given its mode and
 * time, closed) or a range of a big file starting at `position` (the file is finished by the caller
 * once all its ranges are written).
 */
export interface JobPiece {
  /** Absolute path in the staging folder. */
  file: string;
  blobs: number[];
  position: number;
  whole?: { mode: number; mtimeMs: number };
}

/** A unit of restore work for one worker: a few megabytes, read from as few places as possible. */
export interface RestoreJob {
  packs: { id: string; file: string }[];
  blobs: JobBlob[];
  pieces: JobPiece[];
}

export interface PlannedFile {
  /** Path inside the snapshot. */
  path: string;
  node: TreeNode;
}

export interface RestorePlan {
  jobs: RestoreJob[];
  /** Big files written in ranges: how many ranges each has (by staging path), to finish them after the last. */
  ranges: Map<string, { count: number; node: TreeNode }>;
}

export interface JobLimits {
  /** Small files are batched until a job holds this many bytes or `batchFiles` files. */
  batchBytes: number;
  batchFiles: number;
  /** Files bigger than this are split into ranges of about this size. */
  rangeBytes: number;
}

export const DEFAULT_JOB_LIMITS: JobLimits = { batchBytes: 4 * 1024 * 1024, batchFiles: 512, rangeBytes: 8 * 1024 * 1024 };

/** Builds one job at a time, sharing each pack and blob it needs once. */
class JobBuilder {
  packs: RestoreJob['packs'] = [];
  blobs: JobBlob[] = [];
  pieces: JobPiece[] = [];
  bytes = 0;
  private packSlots = new Map<string, number>();
  private blobSlots = new Map<string, number>();

  constructor(
    private readonly root: string,
    private readonly index: BlobIndex,
  ) {}

  /** Adds a blob (once per job); returns its slot and plain size. */
  blob(id: string): { slot: number; rawLength: number } {
    const at = this.index.get('data', id);
    if (!at) throw new OpsdeckError('NOT_FOUND', `The repository has no data chunk ${id}: run verify.`);
    let slot = this.blobSlots.get(id);
    if (slot === undefined) {
      let pack = this.packSlots.get(at.pack);
      if (pack === undefined) {
        pack = this.packs.push({ id: at.pack, file: packPath(this.root, at.pack) }) - 1;
        this.packSlots.set(at.pack, pack);
      }
      slot = this.blobs.push({ id, pack, offset: at.offset, length: at.length, compressed: at.compressed }) - 1;
      this.blobSlots.set(id, slot);
    }
    this.bytes += at.rawLength;
    return { slot, rawLength: at.rawLength };
  }

  take(): RestoreJob {
    const job = { packs: this.packs, blobs: this.blobs, pieces: this.pieces };
    this.packs = [];
    this.blobs = [];
    this.pieces = [];
    this.bytes = 0;
    this.packSlots = new Map();
    this.blobSlots = new Map();
    return job;
  }
}

/**
 * Splits the files to restore into jobs. A job takes files in snapshot order (close to the order
 * their chunks were written in), so it reads a few neighbouring stretches of one or two packs.
 */
export function planRestoreJobs(
  root: string,
  index: BlobIndex,
  staging: string,
  files: PlannedFile[],
  limits: JobLimits = DEFAULT_JOB_LIMITS,
): RestorePlan {
  // Jobs that write into one file (the ranges of a big file) or one folder (batches of its small
  // files) form a stream. Writing a file takes its lock and creating one takes its folder's: two
  // workers on one stream at once mostly wait for each other, so streams take turns in the order.
  const streams = new Map<string, RestoreJob[]>();
  const add = (stream: string, job: RestoreJob) => {
    const list = streams.get(stream);
    if (list) list.push(job);
    else streams.set(stream, [job]);
  };
  const ranges: RestorePlan['ranges'] = new Map();
  const batch = new JobBuilder(root, index);
  let batchFolder = '';
  const flushBatch = () => {
    if (batch.pieces.length > 0) add(batchFolder, batch.take());
  };
  for (const { path: p, node } of files) {
    const file = path.join(staging, p);
    const content = node.content ?? [];
    if (node.size <= limits.rangeBytes) {
      if (path.dirname(file) !== batchFolder) flushBatch();
      batchFolder = path.dirname(file);
      const piece: JobPiece = { file, blobs: [], position: 0, whole: { mode: node.mode, mtimeMs: node.mtimeMs } };
      for (const id of content) piece.blobs.push(batch.blob(id).slot);
      batch.pieces.push(piece);
      if (batch.bytes >= limits.batchBytes || batch.pieces.length >= limits.batchFiles) flushBatch();
      continue;
    }
    const range = new JobBuilder(root, index);
    let count = 0;
    let position = 0;
    let piece: JobPiece | null = null;
    for (const id of content) {
      piece ??= { file, blobs: [], position };
      const { slot, rawLength } = range.blob(id);
      piece.blobs.push(slot);
      position += rawLength;
      if (range.bytes >= limits.rangeBytes) {
        range.pieces.push(piece);
        add(file, range.take());
        piece = null;
        count++;
      }
    }
    if (piece) {
      range.pieces.push(piece);
      add(file, range.take());
      count++;
    }
    ranges.set(file, { count, node });
  }
  flushBatch();
  const jobs: RestoreJob[] = [];
  const lists = [...streams.values()];
  const total = lists.reduce((n, list) => n + list.length, 0);
  for (let turn = 0; jobs.length < total; turn++) {
    for (const list of lists) if (turn < list.length) jobs.push(list[turn]!);
  }
  return { jobs, ranges };
}
