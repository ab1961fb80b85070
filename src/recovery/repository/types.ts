/** Shapes of the backup repository's public API (plain data; the engine maps them onto the contract). */
import type { RetentionPolicy } from '../../contract';

export interface Progress {
  phase: 'scan' | 'backup' | 'index' | 'restore' | 'commit' | 'verify' | 'prune' | 'upload' | 'download';
  bytesDone: number;
  bytesTotal?: number;
  filesDone: number;
  filesTotal?: number;
  bytesPerSecond: number;
}

export type ProgressListener = (progress: Progress) => void;

/** One stream or buffer stored as a file in a snapshot (a database dump, a YAML document…). */
export interface SourceEntry {
  /** Slash-separated path inside the snapshot, e.g. `db/orders.dump`. */
  path: string;
  mode?: number;
  mtimeMs?: number;
  data: Buffer | NodeJS.ReadableStream;
}

export type BackupSource =
  | { kind: 'files'; root: string; excludes?: string[] }
  | { kind: 'entries'; entries: AsyncIterable<SourceEntry> };

export interface BackupOptions {
  /** Which target this snapshot belongs to; retention and parent lookup group by it. */
  target: string;
  tags?: string[];
  host?: string;
  signal?: AbortSignal;
  onProgress?: ProgressListener;
}

export interface SnapshotSummary {
  /** Bytes of file content the snapshot holds. */
  sizeBytes: number;
  /** Bytes of content that were new to the repository (before compression). */
  dataAdded: number;
  /** What those new bytes took on disk (compressed and encrypted). */
  dataAddedStored: number;
  files: number;
  dirs: number;
  durationMs: number;
}

export interface SnapshotInfo {
  id: string;
  time: number;
  target: string;
  host: string;
  tags: string[];
  /** What was backed up: the folder for a files source, empty for entries. */
  paths: string[];
  parent: string | null;
  tree: string;
  summary: SnapshotSummary;
}

export type NodeType = 'file' | 'dir' | 'symlink';

export interface TreeEntry {
  name: string;
  /** Slash-separated path from the snapshot's root. */
  path: string;
  type: NodeType;
  size: number;
  mode: number;
  mtimeMs: number;
  linkTarget?: string;
}

export interface DiffEntry {
  path: string;
  type: NodeType;
  sizeBefore: number | null;
  sizeAfter: number | null;
}

export interface SnapshotDiff {
  added: DiffEntry[];
  removed: DiffEntry[];
  changed: DiffEntry[];
  bytesAdded: number;
  bytesRemoved: number;
}

export interface RestoreOptions {
  /** Folder the snapshot's root is restored into (created when missing). */
  destination: string;
  /** Slash-separated paths (files or folders) to restore; everything when absent. */
  include?: string[];
  signal?: AbortSignal;
  onProgress?: ProgressListener;
}

export interface RestoreResult {
  files: number;
  bytes: number;
  durationMs: number;
}

export interface VerifyOptions {
  /** Read and decrypt every chunk; otherwise check structure only. */
  readData: boolean;
  signal?: AbortSignal;
  onProgress?: ProgressListener;
}

export interface VerifyProblem {
  kind: 'pack-missing' | 'pack-damaged' | 'chunk-damaged' | 'chunk-missing' | 'tree-damaged' | 'snapshot-damaged';
  message: string;
  pack?: string;
  chunk?: string;
  /** Snapshots that reference the broken data. */
  snapshots: string[];
}

export interface VerifyReport {
  ok: boolean;
  readData: boolean;
  packs: number;
  chunks: number;
  snapshots: number;
  bytesRead: number;
  durationMs: number;
  problems: VerifyProblem[];
}

/** Which snapshots to keep: the retention buckets, optionally for one target. */
export interface ForgetPolicy extends RetentionPolicy {
  /** Only snapshots of this target; all targets (each grouped on its own) when absent. */
  target?: string;
}

export interface ForgetDecision {
  snapshot: SnapshotInfo;
  /** Why it is kept (e.g. `last 1`, `daily 2026-11-23`), empty when removed. */
  reasons: string[];
}

export interface ForgetResult {
  dryRun: boolean;
  keep: ForgetDecision[];
  remove: ForgetDecision[];
}

export interface PruneOptions {
  signal?: AbortSignal;
  onProgress?: ProgressListener;
}

export interface PruneResult {
  packsDeleted: number;
  packsRepacked: number;
  packsKept: number;
  chunksRemoved: number;
  bytesFreed: number;
  durationMs: number;
}
