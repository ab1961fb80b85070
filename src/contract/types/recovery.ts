/** Disaster recovery: the backup repository, targets, snapshots, jobs, recovery plans and drills. */

export const RECOVERY_TARGET_KINDS = ['files', 'postgres', 'kubernetes', 'docker-volume'] as const;
export type RecoveryTargetKind = (typeof RECOVERY_TARGET_KINDS)[number];

/** Defaults from the recovery objectives: a snapshot at most 15 minutes old, a plan restored within an hour. */
export const DEFAULT_RPO_MS = 15 * 60_000;
export const DEFAULT_RTO_MS = 60 * 60_000;

/** What a target backs up. PostgreSQL passwords live in the keychain, never here. */
export type RecoveryTargetSpec =
  | { kind: 'files'; root: string; excludes: string[] }
  | { kind: 'postgres'; host: string; port: number; user: string; database: string; sslmode: 'disable' | 'prefer' | 'require' }
  | { kind: 'kubernetes'; context: string; namespaces: string[]; includeSecrets: boolean }
  | { kind: 'docker-volume'; engine: string; volume: string; helperImage: string };

/** Snapshots kept per time bucket, newest first (as restic's forget reads them). */
export interface RetentionPolicy {
  last?: number;
  hourly?: number;
  daily?: number;
  weekly?: number;
  monthly?: number;
  yearly?: number;
}

export interface RecoveryTarget {
  id: string;
  name: string;
  spec: RecoveryTargetSpec;
  /** A password is stored in the keychain for this target. */
  hasPassword: boolean;
  rpoObjectiveMs: number;
  /** Five-field cron expression, or null for manual backups only. */
  schedule: string | null;
  nextRunAt: number | null;
  retention: RetentionPolicy | null;
  /** End of the last backup that succeeded. */
  lastGoodAt: number | null;
  lastError: string | null;
  /** Null until a first backup succeeded. */
  rpoMet: boolean | null;
  createdAt: number;
}

export interface RepositoryStatus {
  configured: boolean;
  path: string | null;
  /** Why it is not usable now (password missing from the keychain, folder gone…). */
  problem: string | null;
  snapshotCount: number;
}

/** The S3-compatible bucket that keeps an off-site copy of the repository; the secret key never leaves the keychain. */
export interface OffsiteRemote {
  configured: boolean;
  endpoint: string | null;
  region: string | null;
  bucket: string | null;
  prefix: string;
  accessKeyId: string | null;
  hasSecret: boolean;
  lastCopy: { at: number; ok: boolean; message: string } | null;
}

export interface SnapshotRow {
  id: string;
  time: number;
  target: string;
  host: string;
  tags: string[];
  sizeBytes: number;
  addedBytes: number;
  fileCount: number;
  durationMs: number;
}

export interface SnapshotTreeEntry {
  name: string;
  path: string;
  type: 'file' | 'dir' | 'symlink';
  size: number;
  mode: number;
  mtimeMs: number;
}

export interface SnapshotDiff {
  added: string[];
  removed: string[];
  changed: string[];
}

export interface ForgetPreview {
  keep: { id: string; time: number; target: string; reasons: string[] }[];
  remove: { id: string; time: number; target: string }[];
}

export const RECOVERY_JOB_KINDS = ['backup', 'restore', 'verify', 'prune', 'plan', 'drill', 'offsite-push', 'offsite-pull'] as const;
export type RecoveryJobKind = (typeof RECOVERY_JOB_KINDS)[number];
export type RecoveryJobState = 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface JobProgress {
  phase: string;
  bytesDone: number;
  bytesTotal: number | null;
  filesDone: number;
  filesTotal: number | null;
  bytesPerSecond: number;
}

export type PlanStepState = 'pending' | 'running' | 'succeeded' | 'failed' | 'skipped' | 'rolled-back';

export interface PlanStepStatus {
  index: number;
  title: string;
  state: PlanStepState;
  message: string | null;
  startedAt: number | null;
  finishedAt: number | null;
}

/** A long operation: a backup, a restore, a verify, a prune, a plan run or a drill. */
export interface RecoveryJob {
  id: string;
  kind: RecoveryJobKind;
  /** What it works on, in words: the target, snapshot or plan. */
  subject: string;
  state: RecoveryJobState;
  startedAt: number;
  finishedAt: number | null;
  progress: JobProgress | null;
  steps: PlanStepStatus[] | null;
  message: string | null;
  /** Steps done by a failed plan run that can be undone. */
  canRollBack: boolean;
}

/** Where a restore writes, for each kind of target. */
export type RestoreInto =
  | { kind: 'files'; destination: string; include?: string[] }
  | { kind: 'postgres'; database: string }
  | { kind: 'kubernetes'; namespaces: Record<string, string> }
  | { kind: 'docker-volume'; volume: string };

export type PlanStep =
  | { kind: 'restore'; targetId: string; snapshotId: string | null; into: RestoreInto }
  | { kind: 'scale'; context: string; namespace: string; deployment: string; replicas: number }
  | { kind: 'wait-ready'; context: string; namespace: string; deployment: string; timeoutMs: number }
  | { kind: 'check-sql'; targetId: string; database: string; query: string; expect: string }
  | { kind: 'check-file'; path: string; sha256: string };

export interface RecoveryPlan {
  id: string;
  name: string;
  steps: PlanStep[];
  rtoObjectiveMs: number;
  createdAt: number;
}

export interface DrillResult {
  id: string;
  planId: string;
  planName: string;
  startedAt: number;
  durationMs: number;
  succeeded: boolean;
  rtoObjectiveMs: number;
  rtoMet: boolean;
  steps: PlanStepStatus[];
  message: string | null;
}

/** What the Overview shows of recovery: each target's RPO and each plan's RTO as last drilled. */
export interface RecoverySummary {
  targets: { id: string; name: string; kind: string; lastGoodAt: number | null; rpoObjectiveMs: number; rpoMet: boolean | null }[];
  plans: { id: string; name: string; rtoObjectiveMs: number; lastDrillAt: number | null; lastDrillMs: number | null; rtoMet: boolean | null }[];
}

/**
 * A restore destination written as one line, for the plan editor and runbook steps: a folder, a
 * database or a volume name, or `from=to` namespace pairs separated by commas (empty: same names).
 * Null when it cannot be one; the restore channel's schema checks the names themselves.
 */
export function parseRestoreInto(kind: RecoveryTargetKind, text: string): RestoreInto | null {
  const t = text.trim();
  switch (kind) {
    case 'files':
      return t ? { kind, destination: t } : null;
    case 'postgres':
      return t ? { kind, database: t } : null;
    case 'docker-volume':
      return t ? { kind, volume: t } : null;
    case 'kubernetes': {
      const pairs = t
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => p.split('=').map((x) => x.trim()));
      if (pairs.some((p) => p.length !== 2 || !p[0] || !p[1])) return null;
      return { kind, namespaces: Object.fromEntries(pairs) };
    }
  }
}

/** The one-line form parseRestoreInto reads. */
export function restoreIntoText(into: RestoreInto): string {
  switch (into.kind) {
    case 'files':
      return into.destination;
    case 'postgres':
      return into.database;
    case 'docker-volume':
      return into.volume;
    case 'kubernetes':
      return Object.entries(into.namespaces)
        .map(([a, b]) => `${a}=${b}`)
        .join(', ');
  }
}
