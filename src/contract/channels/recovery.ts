import { z } from 'zod';
import type {
  DrillResult,
  ForgetPreview,
  OffsiteRemote,
  RecoveryJob,
  RecoveryPlan,
  RecoverySummary,
  RecoveryTarget,
  RepositoryStatus,
  SnapshotDiff,
  SnapshotRow,
  SnapshotTreeEntry,
} from '../types';
import { empty, returns } from './schema';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an id');
const snapshotId = z.string().regex(/^[0-9a-f]{6,64}$/, 'must be a snapshot id (hex)');
const absolutePath = z.string().min(1).max(4096).refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p), 'must be an absolute path');
const name = z.string().trim().min(1).max(100);
/** PostgreSQL identifiers as Opsdeck creates them: no quoting games. */
const database = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,62}$/, 'must be a database name (letters, digits, _)');
/** A DNS-1123 label, as Kubernetes namespaces and Docker volume names both accept. */
const dnsLabel = z.string().regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, 'must be lowercase letters, digits and "-"');
const volumeName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/, 'must be a Docker volume name');
const password = z.string().min(1).max(1024);
const durationMs = z.number().int().min(60_000).max(365 * 86_400_000);
const count = z.number().int().min(0).max(10_000);

const targetSpec = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('files'), root: absolutePath, excludes: z.array(z.string().min(1).max(1024)).max(200).default([]) }).strict(),
  z
    .object({
      kind: z.literal('postgres'),
      host: z.string().trim().min(1).max(255).regex(/^[A-Za-z0-9_.:/-]+$/, 'must be a host name, address or socket folder'),
      port: z.number().int().min(1).max(65_535).default(5432),
      user: z.string().trim().min(1).max(63).regex(/^[A-Za-z0-9_.-]+$/, 'must be a role name'),
      database,
      sslmode: z.enum(['disable', 'prefer', 'require']).default('prefer'),
    })
    .strict(),
  z.object({ kind: z.literal('kubernetes'), context: z.string().min(1).max(253), namespaces: z.array(dnsLabel).min(1).max(100), includeSecrets: z.boolean().default(false) }).strict(),
  z
    .object({
      kind: z.literal('docker-volume'),
      engine: z.string().min(1).max(100),
      volume: volumeName,
      helperImage: z.string().trim().min(1).max(255).regex(/^[A-Za-z0-9][A-Za-z0-9_.:/@-]*$/, 'must be an image reference').default('busybox:stable'),
    })
    .strict(),
]);

const retention = z
  .object({ last: count.optional(), hourly: count.optional(), daily: count.optional(), weekly: count.optional(), monthly: count.optional(), yearly: count.optional() })
  .strict()
  .refine((p) => Object.values(p).some((n) => n !== undefined && n > 0), 'keeps nothing: set at least one count above 0');

const restoreInto = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('files'), destination: absolutePath, include: z.array(z.string().min(1).max(4096)).max(1000).optional() }).strict(),
  z.object({ kind: z.literal('postgres'), database }).strict(),
  z.object({ kind: z.literal('kubernetes'), namespaces: z.record(dnsLabel, dnsLabel) }).strict(),
  z.object({ kind: z.literal('docker-volume'), volume: volumeName }).strict(),
]);

const planStep = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('restore'), targetId: id, snapshotId: snapshotId.nullable().default(null), into: restoreInto }).strict(),
  z.object({ kind: z.literal('scale'), context: z.string().min(1).max(253), namespace: dnsLabel, deployment: dnsLabel, replicas: z.number().int().min(0).max(1000) }).strict(),
  z
    .object({ kind: z.literal('wait-ready'), context: z.string().min(1).max(253), namespace: dnsLabel, deployment: dnsLabel, timeoutMs: z.number().int().min(1000).max(3_600_000).default(300_000) })
    .strict(),
  z.object({ kind: z.literal('check-sql'), targetId: id, database, query: z.string().trim().min(1).max(10_000), expect: z.string().max(10_000) }).strict(),
  z.object({ kind: z.literal('check-file'), path: absolutePath, sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex') }).strict(),
]);

export const recoveryChannels = {
  /** Whether a repository is set up, where, and what keeps it from being used. */
  'recovery.repository.status': { input: empty, output: returns<RepositoryStatus>() },
  /** Creates a repository in a folder (default under the data directory) and keeps its password in the keychain. */
  'recovery.repository.create': { input: z.object({ path: absolutePath.optional(), password }).strict(), output: returns<RepositoryStatus>() },
  /** Connects an existing repository; a wrong password is refused and nothing is stored. */
  'recovery.repository.open': { input: z.object({ path: absolutePath, password }).strict(), output: returns<RepositoryStatus>() },

  'recovery.targets.list': { input: empty, output: returns<RecoveryTarget[]>() },
  /** Creates (no id) or updates a target; its connection is checked first, a password goes to the keychain. */
  'recovery.targets.save': {
    input: z
      .object({
        id: id.optional(),
        name,
        spec: targetSpec,
        password: password.optional(),
        rpoObjectiveMs: durationMs.optional(),
        schedule: z.string().trim().max(200).nullable().default(null),
        retention: retention.nullable().default(null),
      })
      .strict(),
    output: returns<RecoveryTarget>(),
  },
  'recovery.targets.delete': { input: z.object({ id }).strict(), output: returns<RecoveryTarget[]>() },

  'recovery.snapshots': { input: z.object({ targetId: id.optional() }).strict(), output: returns<SnapshotRow[]>() },
  'recovery.snapshot.tree': { input: z.object({ snapshotId, dir: z.string().max(4096).default('/') }).strict(), output: returns<SnapshotTreeEntry[]>() },
  'recovery.snapshot.diff': { input: z.object({ a: snapshotId, b: snapshotId }).strict(), output: returns<SnapshotDiff>() },

  /** Starts a backup of the target now; progress arrives as recovery.job events. */
  'recovery.backup': { input: z.object({ targetId: id }).strict(), output: returns<RecoveryJob>() },
  'recovery.restore': { input: z.object({ snapshotId, into: restoreInto }).strict(), output: returns<RecoveryJob>() },
  /** Checks the repository's structure, and with readData reads and decrypts every chunk. */
  'recovery.verify': { input: z.object({ readData: z.boolean().default(false) }).strict(), output: returns<RecoveryJob>() },
  /** The snapshots a retention policy would keep and remove, without removing anything. */
  'recovery.forget.preview': { input: z.object({ targetId: id, policy: retention }).strict(), output: returns<ForgetPreview>() },
  /** Forgets the snapshots the policy removes, then deletes the data no snapshot references. */
  'recovery.prune': { input: z.object({ targetId: id, policy: retention }).strict(), output: returns<RecoveryJob>() },

  'recovery.jobs.list': { input: empty, output: returns<RecoveryJob[]>() },
  'recovery.jobs.cancel': { input: z.object({ id }).strict(), output: returns<RecoveryJob>() },
  /** Undoes what a failed plan run did, newest step first. */
  'recovery.jobs.rollback': { input: z.object({ id }).strict(), output: returns<RecoveryJob>() },

  'recovery.plans.list': { input: empty, output: returns<RecoveryPlan[]>() },
  'recovery.plans.save': {
    input: z.object({ id: id.optional(), name, steps: z.array(planStep).min(1).max(50), rtoObjectiveMs: durationMs.optional() }).strict(),
    output: returns<RecoveryPlan>(),
  },
  'recovery.plans.delete': { input: z.object({ id }).strict(), output: returns<RecoveryPlan[]>() },
  /** Runs the plan for real, step by step; stops at the first failure. */
  'recovery.plans.run': { input: z.object({ id }).strict(), output: returns<RecoveryJob>() },
  /** Runs the plan against scratch targets, checks the result, measures and records the time, cleans up. */
  'recovery.drills.run': { input: z.object({ planId: id }).strict(), output: returns<RecoveryJob>() },
  'recovery.drills.list': { input: z.object({ planId: id.optional() }).strict(), output: returns<DrillResult[]>() },

  /** Where off-site copies go (S3-compatible bucket) and how the last one went. */
  'recovery.remote.get': { input: empty, output: returns<OffsiteRemote>() },
  /** Sets the bucket after checking the credentials with one listing; the secret goes to the keychain (absent keeps the stored one). */
  'recovery.remote.set': {
    input: z
      .object({
        endpoint: z.string().trim().url().max(2048).refine((u) => /^https?:\/\//.test(u), 'must be an http(s) URL'),
        region: z.string().trim().min(1).max(64).regex(/^[a-z0-9-]+$/, 'must be a region name'),
        bucket: z.string().trim().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a bucket name'),
        prefix: z.string().trim().max(512).regex(/^[A-Za-z0-9_./-]*$/, 'must be letters, digits and _ . / -').default(''),
        accessKeyId: z.string().trim().min(1).max(128),
        secretAccessKey: z.string().min(1).max(1024).optional(),
      })
      .strict(),
    output: returns<OffsiteRemote>(),
  },
  /** Copies the repository to the bucket: new packs, then index, config, snapshots; then removes what was pruned. */
  'recovery.remote.push': { input: empty, output: returns<RecoveryJob>() },
  /** Copies the repository from the bucket into an empty folder, to be connected with its password. */
  'recovery.remote.pull': { input: z.object({ path: absolutePath }).strict(), output: returns<RecoveryJob>() },

  /** Each target's RPO and each plan's RTO, for the Overview. */
  'recovery.summary': { input: empty, output: returns<RecoverySummary>() },
} as const;

export const recoveryEvents = {
  /** A job started, moved on or ended. */
  'recovery.job': returns<RecoveryJob>(),
  /** Targets, snapshots, plans or drills changed: lists should be read again. */
  'recovery.changed': returns<{ what: 'repository' | 'targets' | 'snapshots' | 'plans' | 'drills' }>(),
} as const;
