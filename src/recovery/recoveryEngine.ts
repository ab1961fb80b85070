import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  DEFAULT_RPO_MS,
  DEFAULT_RTO_MS,
  OpsdeckError,
  type DrillResult,
  type ForgetPreview,
  type ParsedInput,
  type PlanStep,
  type RecoveryJob,
  type RecoveryPlan,
  type RecoverySummary,
  type RecoveryTarget,
  type RestoreInto,
  type RetentionPolicy,
  type SnapshotDiff,
  type SnapshotRow,
  type SnapshotTreeEntry,
} from '../contract';
import type { EngineAlertSink } from '../engines/engineAlerts';
import type { CheckProvider, RecommendationProvider } from '../engines/providers';
import type { SecretStore } from '../secrets/secretStore';
import type { Db } from '../store/database';
import type { KeyValueStore } from '../store/keyValue';
import { scratchPlan } from './drills/scratch';
import { JobRunner, type JobContext } from './jobs';
import { recoverySummary, rpoMet } from './objectives/objectives';
import { recoveryCheck, recoveryRecommendations } from './objectives/providers';
import { rollBack, runPlan, type PlanEnvironment } from './plans/planRunner';
import { stepTitle } from './plans/stepText';
import { RecoveryAlerts } from './recoveryAlerts';
import { pullRepository, pushRepository } from './remote/offsiteCopy';
import { OffsiteRemote, type RemoteInput } from './remote/offsiteRemote';
import { newId, RecoveryStore, type TargetRecord } from './recoveryStore';
import type { Repository } from './repository/repository';
import type { SnapshotInfo } from './repository/types';
import { RepositoryAccess } from './repositoryAccess';
import { CronError, parseCron } from './schedule/cron';
import { BackupScheduler } from './schedule/scheduler';
import { SnapshotReader } from './snapshotReader';
import { psql } from './targets/postgresTools';
import { backupSource, checkTarget, restoreTarget, targetPasswordAccount, type TargetClients } from './targets/targetOperations';

export interface RecoveryEngineOptions {
  db: Db;
  kv: KeyValueStore;
  secrets: SecretStore;
  dataDir: string;
  clients: Omit<TargetClients, 'secrets'>;
  alerts: EngineAlertSink;
  onJob(job: RecoveryJob): void;
  onChanged(what: 'repository' | 'targets' | 'snapshots' | 'plans' | 'drills'): void;
  log(message: string): void;
  /** How often schedules and RPOs are looked at; 30 s unless a test asks otherwise. */
  tickMs?: number;
  now?: () => number;
}

export type SaveTargetInput = ParsedInput<'recovery.targets.save'>;
export type SavePlanInput = ParsedInput<'recovery.plans.save'>;

const DEFAULT_TICK_MS = 30_000;

/** Backups, restores, verification, retention, recovery plans and drills over one repository. */
export class RecoveryEngine {
  private readonly store: RecoveryStore;
  private readonly access: RepositoryAccess;
  private readonly remote: OffsiteRemote;
  private readonly jobs: JobRunner;
  private readonly alerts: RecoveryAlerts;
  private readonly scheduler = new BackupScheduler();
  private readonly clients: TargetClients;
  private readonly now: () => number;
  /** Backups and prunes write the repository one at a time. */
  private writing: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: RecoveryEngineOptions) {
    this.store = new RecoveryStore(options.db);
    this.access = new RepositoryAccess(options.kv, options.secrets, options.dataDir);
    this.remote = new OffsiteRemote(options.kv, options.secrets);
    this.jobs = new JobRunner(this.store, options.onJob, options.log);
    this.alerts = new RecoveryAlerts(options.alerts);
    this.clients = { ...options.clients, secrets: options.secrets };
    this.now = options.now ?? Date.now;
  }

  start(): void {
    this.checkNow();
    this.timer = setInterval(() => this.checkNow(), this.options.tickMs ?? DEFAULT_TICK_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.jobs.stop();
  }

  /** Starts due scheduled backups and raises or resolves RPO alerts (every tick, and on demand). */
  checkNow(): void {
    const now = this.now();
    const targets = this.store.targets();
    try {
      this.scheduler.sync(targets, now);
    } catch (err) {
      this.options.log(`recovery: a schedule does not parse: ${(err as Error).message}`);
    }
    for (const id of this.scheduler.due(now)) {
      try {
        this.backup(id, true);
      } catch (err) {
        this.options.log(`recovery: scheduled backup of ${id} not started: ${(err as Error).message}`);
      }
    }
    for (const t of targets) this.alerts.rpo(t.name, t.lastGoodAt === null ? null : now - t.lastGoodAt, t.rpoObjectiveMs);
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.writing.then(work, work);
    this.writing = run.catch(() => undefined);
    return run;
  }

  // Repository

  repositoryStatus() {
    return this.access.status();
  }

  async createRepository(where: string | undefined, password: string) {
    await this.access.create(where, password);
    this.options.onChanged('repository');
    return this.access.status();
  }

  async connectRepository(where: string, password: string) {
    await this.access.connect(where, password);
    this.options.onChanged('repository');
    return this.access.status();
  }

  private repo(): Promise<Repository> {
    return this.access.repository();
  }

  // Off-site copy

  offsiteRemote() {
    return this.remote.view();
  }

  setOffsiteRemote(input: RemoteInput) {
    return this.remote.set(input);
  }

  /** Copies the repository to the bucket; runs between backups and prunes so it sees a settled repository. */
  pushOffsite(): RecoveryJob {
    const where = this.remote.where();
    return this.jobs.start('offsite-push', where, (ctx) =>
      this.exclusive(async () => {
        try {
          const [repo, { client, prefix }] = [await this.repo(), await this.remote.client()];
          const r = await pushRepository(repo.root, client, prefix, { signal: ctx.signal, onProgress: ctx.progress });
          const message = `${r.filesCopied} files (${r.bytesCopied} bytes) copied, ${r.filesDeleted} removed.`;
          this.remote.recordCopy({ at: this.now(), ok: true, message });
          this.alerts.offsite(where, null);
          return { message };
        } catch (err) {
          const message = ctx.signal.aborted ? 'Cancelled.' : (err as Error).message;
          this.remote.recordCopy({ at: this.now(), ok: false, message });
          if (!ctx.signal.aborted) this.alerts.offsite(where, message);
          throw err;
        }
      }),
    );
  }

  /** Copies the repository from the bucket into an empty folder, which can then be connected. */
  pullOffsite(into: string): RecoveryJob {
    this.remote.where();
    return this.jobs.start('offsite-pull', into, async (ctx) => {
      const { client, prefix } = await this.remote.client();
      const r = await pullRepository(client, prefix, into, { signal: ctx.signal, onProgress: ctx.progress });
      return { message: `${r.filesCopied} files (${r.bytesCopied} bytes) copied into ${into}: connect it with the repository password.` };
    });
  }

  // Targets

  private view(t: TargetRecord): RecoveryTarget {
    return { ...t, nextRunAt: this.scheduler.nextAt(t.id), rpoMet: rpoMet(t, this.now()) };
  }

  targets(): RecoveryTarget[] {
    this.scheduler.sync(this.store.targets(), this.now());
    return this.store.targets().map((t) => this.view(t));
  }

  private target(id: string): TargetRecord {
    const t = this.store.target(id);
    if (!t) throw new OpsdeckError('NOT_FOUND', `No recovery target ${id}.`);
    return t;
  }

  targetNamed(name: string): TargetRecord {
    const t = this.store.targets().find((x) => x.name === name);
    if (!t) throw new OpsdeckError('NOT_FOUND', `No recovery target named ${name}.`);
    return t;
  }

  async saveTarget(input: SaveTargetInput): Promise<RecoveryTarget> {
    if (input.schedule) {
      try {
        parseCron(input.schedule);
      } catch (err) {
        if (err instanceof CronError) throw new OpsdeckError('BAD_REQUEST', `schedule: ${err.message}`);
        throw err;
      }
    }
    const existing = input.id ? this.target(input.id) : null;
    if (this.store.targets().some((t) => t.name === input.name && t.id !== input.id)) throw new OpsdeckError('BAD_REQUEST', `A target named ${input.name} exists already.`);
    if (existing && existing.spec.kind !== input.spec.kind) throw new OpsdeckError('BAD_REQUEST', 'A target keeps its kind: create a new target instead.');
    const id = existing?.id ?? newId();
    const keepPassword = input.spec.kind === 'postgres' && input.password === undefined && existing?.hasPassword === true;
    const password = input.password ?? (keepPassword ? await this.options.secrets.get(targetPasswordAccount(id)) : null);
    await checkTarget(this.clients, input.spec, password).catch((err: Error) => {
      throw err instanceof OpsdeckError ? err : new OpsdeckError('UNAVAILABLE', err.message);
    });
    const hasPassword = input.spec.kind === 'postgres' && password !== null;
    if (input.password !== undefined && hasPassword) await this.options.secrets.set(targetPasswordAccount(id), input.password);
    else if (!hasPassword && existing?.hasPassword) await this.options.secrets.delete(targetPasswordAccount(id));
    const record: TargetRecord = {
      id,
      name: input.name,
      spec: input.spec,
      hasPassword,
      rpoObjectiveMs: input.rpoObjectiveMs ?? existing?.rpoObjectiveMs ?? DEFAULT_RPO_MS,
      schedule: input.schedule || null,
      retention: input.retention,
      lastGoodAt: existing?.lastGoodAt ?? null,
      lastError: existing?.lastError ?? null,
      createdAt: existing?.createdAt ?? this.now(),
    };
    this.store.saveTarget(record);
    this.scheduler.sync(this.store.targets(), this.now());
    this.options.onChanged('targets');
    return this.view(record);
  }

  async deleteTarget(id: string): Promise<RecoveryTarget[]> {
    const t = this.target(id);
    this.store.deleteTarget(id);
    if (t.hasPassword) await this.options.secrets.delete(targetPasswordAccount(id)).catch(() => false);
    this.alerts.backup(t.name, null);
    this.alerts.rpo(t.name, null, t.rpoObjectiveMs);
    this.options.onChanged('targets');
    return this.targets();
  }

  // Snapshots

  async snapshots(targetId?: string): Promise<SnapshotRow[]> {
    const all = await (await this.repo()).snapshots();
    return all
      .filter((s) => !targetId || s.target === targetId)
      .map((s) => ({ id: s.id, time: s.time, target: s.target, host: s.host, tags: s.tags, sizeBytes: s.summary.sizeBytes, addedBytes: s.summary.dataAdded, fileCount: s.summary.files, durationMs: s.summary.durationMs }))
      .sort((a, b) => b.time - a.time);
  }

  private async snapshot(id: string): Promise<SnapshotInfo> {
    return (await this.repo()).snapshot(id);
  }

  private async latest(targetId: string): Promise<SnapshotInfo> {
    const all = (await (await this.repo()).snapshots()).filter((s) => s.target === targetId);
    if (all.length === 0) throw new OpsdeckError('NOT_FOUND', `${this.target(targetId).name} has no snapshot yet.`);
    return all.reduce((a, b) => (b.time > a.time ? b : a));
  }

  async latestSnapshotId(targetId: string): Promise<string> {
    return (await this.latest(targetId)).id;
  }

  async tree(snapshotId: string, dir: string): Promise<SnapshotTreeEntry[]> {
    const s = await this.snapshot(snapshotId);
    return (await (await this.repo()).tree(s.id, dir)).map((e) => ({ name: e.name, path: e.path, type: e.type, size: e.size, mode: e.mode, mtimeMs: e.mtimeMs }));
  }

  async diff(a: string, b: string): Promise<SnapshotDiff> {
    const [sa, sb] = [await this.snapshot(a), await this.snapshot(b)];
    const d = await (await this.repo()).diff(sa.id, sb.id);
    const paths = (list: { path: string }[]) => list.map((e) => e.path);
    return { added: paths(d.added), removed: paths(d.removed), changed: paths(d.changed) };
  }

  // Operations

  /** Starts a backup of the target; a scheduled one also applies the target's retention afterwards. */
  backup(targetId: string, scheduled = false): RecoveryJob {
    const t = this.target(targetId);
    return this.jobs.start('backup', t.name, (ctx) =>
      this.exclusive(async () => {
        try {
          const repo = await this.repo();
          const source = await backupSource(this.clients, t, ctx.signal);
          const snap = await repo.backup(source, { target: t.id, tags: [t.spec.kind, ...(scheduled ? ['scheduled'] : [])], host: os.hostname(), signal: ctx.signal, onProgress: ctx.progress });
          this.store.recordBackup(t.id, { ok: true, at: this.now() });
          this.alerts.backup(t.name, null);
          this.alerts.rpo(t.name, 0, t.rpoObjectiveMs);
          if (scheduled && t.retention) await this.applyRetention(repo, t.id, t.retention, ctx);
          return { message: `Snapshot ${snap.id.slice(0, 8)}: ${snap.summary.files} files, ${snap.summary.sizeBytes} bytes, ${snap.summary.dataAdded} new.` };
        } catch (err) {
          const message = ctx.signal.aborted ? 'Cancelled.' : (err as Error).message;
          this.store.recordBackup(t.id, { ok: false, error: message });
          if (!ctx.signal.aborted) this.alerts.backup(t.name, message);
          throw err;
        } finally {
          this.options.onChanged('snapshots');
          this.options.onChanged('targets');
        }
      }),
    );
  }

  private async applyRetention(repo: Repository, targetId: string, policy: RetentionPolicy, ctx: JobContext): Promise<void> {
    const result = await repo.forget({ ...policy, target: targetId }, { dryRun: false });
    if (result.remove.length > 0) await repo.prune({ signal: ctx.signal, onProgress: ctx.progress });
  }

  restore(snapshotId: string, into: RestoreInto): RecoveryJob {
    return this.jobs.start('restore', `snapshot ${snapshotId.slice(0, 8)}`, async (ctx) => {
      const s = await this.snapshot(snapshotId);
      const t = this.target(s.target);
      await restoreTarget(this.clients, t, new SnapshotReader(await this.repo(), s.id), into, ctx.signal, ctx.progress);
      return { message: `Restored ${t.name} from ${s.id.slice(0, 8)}.` };
    });
  }

  verify(readData: boolean): RecoveryJob {
    const where = this.access.path() ?? 'repository';
    return this.jobs.start('verify', where, async (ctx) => {
      const report = await (await this.repo()).verify({ readData, signal: ctx.signal, onProgress: ctx.progress });
      const problem = report.ok ? null : `${report.problems.length} problem(s): ${report.problems.map((p) => p.message).slice(0, 5).join('; ')}`;
      this.alerts.verify(where, problem);
      if (problem) throw new OpsdeckError('UNAVAILABLE', problem);
      return { message: `${report.snapshots} snapshots, ${report.packs} packs, ${report.chunks} chunks${readData ? `, ${report.bytesRead} bytes read` : ''}: no problems.` };
    });
  }

  /** The structure check run by "Run all checks"; null without a repository. */
  private async verifyNow(signal: AbortSignal) {
    if (!this.access.path()) return null;
    const report = await (await this.repo()).verify({ readData: false, signal });
    this.alerts.verify(this.access.path() ?? 'repository', report.ok ? null : report.problems.map((p) => p.message).join('; '));
    return report;
  }

  async forgetPreview(targetId: string, policy: RetentionPolicy): Promise<ForgetPreview> {
    this.target(targetId);
    const r = await (await this.repo()).forget({ ...policy, target: targetId }, { dryRun: true });
    return {
      keep: r.keep.map((d) => ({ id: d.snapshot.id, time: d.snapshot.time, target: d.snapshot.target, reasons: d.reasons })),
      remove: r.remove.map((d) => ({ id: d.snapshot.id, time: d.snapshot.time, target: d.snapshot.target })),
    };
  }

  prune(targetId: string, policy: RetentionPolicy): RecoveryJob {
    const t = this.target(targetId);
    return this.jobs.start('prune', t.name, (ctx) =>
      this.exclusive(async () => {
        const repo = await this.repo();
        const forgotten = await repo.forget({ ...policy, target: targetId }, { dryRun: false });
        const pruned = await repo.prune({ signal: ctx.signal, onProgress: ctx.progress });
        this.options.onChanged('snapshots');
        return { message: `${forgotten.remove.length} snapshot(s) forgotten, ${pruned.bytesFreed} bytes freed.` };
      }),
    );
  }

  listJobs(): RecoveryJob[] {
    return this.jobs.list();
  }

  cancelJob(id: string): RecoveryJob {
    return this.jobs.cancel(id);
  }

  rollbackJob(id: string): Promise<RecoveryJob> {
    return this.jobs.rollback(id);
  }

  /** Resolves once the job ended. */
  finished(id: string): Promise<RecoveryJob> {
    return this.jobs.finished(id);
  }

  // Plans and drills

  plans(): RecoveryPlan[] {
    return this.store.plans();
  }

  private plan(id: string): RecoveryPlan {
    const p = this.store.plan(id);
    if (!p) throw new OpsdeckError('NOT_FOUND', `No recovery plan ${id}.`);
    return p;
  }

  savePlan(input: SavePlanInput): RecoveryPlan {
    const existing = input.id ? this.plan(input.id) : null;
    if (this.store.plans().some((p) => p.name === input.name && p.id !== input.id)) throw new OpsdeckError('BAD_REQUEST', `A plan named ${input.name} exists already.`);
    for (const [i, step] of input.steps.entries()) {
      if (step.kind === 'restore' || step.kind === 'check-sql') {
        const t = this.store.target(step.targetId);
        if (!t) throw new OpsdeckError('BAD_REQUEST', `Step ${i + 1}: no target ${step.targetId}.`);
        if (step.kind === 'restore' && t.spec.kind !== step.into.kind) throw new OpsdeckError('BAD_REQUEST', `Step ${i + 1}: ${t.name} is a ${t.spec.kind} target, it cannot restore as ${step.into.kind}.`);
        if (step.kind === 'check-sql' && t.spec.kind !== 'postgres') throw new OpsdeckError('BAD_REQUEST', `Step ${i + 1}: SQL checks need a PostgreSQL target.`);
      }
    }
    const plan: RecoveryPlan = { id: existing?.id ?? newId(), name: input.name, steps: input.steps as PlanStep[], rtoObjectiveMs: input.rtoObjectiveMs ?? existing?.rtoObjectiveMs ?? DEFAULT_RTO_MS, createdAt: existing?.createdAt ?? this.now() };
    this.store.savePlan(plan);
    this.options.onChanged('plans');
    return plan;
  }

  deletePlan(id: string): RecoveryPlan[] {
    this.plan(id);
    this.store.deletePlan(id);
    this.options.onChanged('plans');
    return this.plans();
  }

  private environment(): PlanEnvironment {
    return {
      restore: async (step, signal) => {
        const t = this.target(step.targetId);
        const snap = step.snapshotId ? await this.snapshot(step.snapshotId) : await this.latest(t.id);
        return restoreTarget(this.clients, t, new SnapshotReader(await this.repo(), snap.id), step.into, signal);
      },
      kube: (context) => this.clients.kube(context),
      sql: async (targetId, database, query, signal) => {
        const t = this.target(targetId);
        if (t.spec.kind !== 'postgres') throw new OpsdeckError('BAD_REQUEST', `${t.name} is not a PostgreSQL target.`);
        const pass = t.hasPassword ? await this.options.secrets.get(targetPasswordAccount(t.id)) : null;
        return psql(t.spec, pass, database, query, signal);
      },
    };
  }

  private titles(steps: PlanStep[]): string[] {
    return steps.map((s) => stepTitle(s, (id) => this.store.target(id)?.name ?? id));
  }

  /** Runs the plan for real; a failed run offers to roll back what it did. */
  runPlan(id: string): RecoveryJob {
    const plan = this.plan(id);
    let done: Awaited<ReturnType<typeof runPlan>> | null = null;
    return this.jobs.start(
      'plan',
      plan.name,
      async (ctx) => {
        done = await runPlan(plan.steps, this.titles(plan.steps), this.environment(), ctx.signal, ctx.steps);
        if (!done.ok) throw new OpsdeckError('UNAVAILABLE', done.error ?? 'A step failed.');
        return { message: `All ${plan.steps.length} steps succeeded.` };
      },
      {
        onRollback: () => {
          const run = done;
          return run && run.undos.length > 0 ? () => rollBack(run) : null;
        },
      },
    );
  }

  /**
   * Runs the plan against scratch targets, measures how long it takes to restore and pass its
   * checks (the RTO), records the result, then removes the scratch targets.
   */
  drill(planId: string): RecoveryJob {
    const plan = this.plan(planId);
    return this.jobs.start('drill', plan.name, async (ctx) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdeck-drill-'));
      const tag = this.now().toString(36).slice(-6);
      const steps = scratchPlan(plan.steps, (id) => this.store.target(id)?.spec ?? null, { tag, dir });
      const startedAt = this.now();
      const run = await runPlan(steps, this.titles(steps), this.environment(), ctx.signal, ctx.steps);
      const durationMs = this.now() - startedAt;
      const cleaned = await rollBack(run);
      fs.rmSync(dir, { recursive: true, force: true });
      if (ctx.signal.aborted) throw new OpsdeckError('UNAVAILABLE', 'Cancelled.');
      const statuses = run.statuses.map((s, i) => ({ ...s, message: cleaned[i]?.message ?? s.message }));
      this.store.recordDrill({ id: newId(), planId: plan.id, planName: plan.name, startedAt, durationMs, succeeded: run.ok, rtoObjectiveMs: plan.rtoObjectiveMs, steps: statuses, message: run.error });
      this.options.onChanged('drills');
      if (!run.ok) throw new OpsdeckError('UNAVAILABLE', run.error ?? 'A step failed.');
      const met = durationMs <= plan.rtoObjectiveMs;
      return { message: `Restored and checked in ${Math.round(durationMs / 1000)} s: RTO ${met ? 'met' : 'missed'}.` };
    });
  }

  drills(planId?: string): DrillResult[] {
    return this.store.drills(planId);
  }

  summary(): RecoverySummary {
    return recoverySummary(this.store.targets(), this.store.plans(), this.store.drills(), this.now());
  }

  recommendationProvider(): RecommendationProvider {
    return recoveryRecommendations(() => this.summary(), this.now);
  }

  checkProvider(): CheckProvider {
    return recoveryCheck({ verify: (signal) => this.verifyNow(signal), summary: () => this.summary() });
  }
}
