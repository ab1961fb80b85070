import { randomUUID } from 'node:crypto';
import type { DrillResult, PlanStep, PlanStepStatus, RecoveryJob, RecoveryPlan, RecoveryTarget, RecoveryTargetSpec, RetentionPolicy } from '../contract';
import type { Db } from '../store/database';

/** A target as stored; its RPO status and next run are computed by the engine. */
export type TargetRecord = Omit<RecoveryTarget, 'nextRunAt' | 'rpoMet'>;

interface TargetRow {
  id: string;
  name: string;
  spec: string;
  has_password: number;
  rpo_ms: number;
  schedule: string | null;
  retention: string | null;
  last_good_at: number | null;
  last_error: string | null;
  created_at: number;
}

interface DrillRow {
  id: string;
  plan_id: string;
  plan_name: string;
  started_at: number;
  duration_ms: number;
  succeeded: number;
  rto_ms: number;
  steps: string;
  message: string | null;
}

const JOB_HISTORY = 200;

export const newId = () => randomUUID().replace(/-/g, '').slice(0, 16);

const target = (r: TargetRow): TargetRecord => ({
  id: r.id,
  name: r.name,
  spec: JSON.parse(r.spec) as RecoveryTargetSpec,
  hasPassword: r.has_password === 1,
  rpoObjectiveMs: r.rpo_ms,
  schedule: r.schedule,
  retention: r.retention ? (JSON.parse(r.retention) as RetentionPolicy) : null,
  lastGoodAt: r.last_good_at,
  lastError: r.last_error,
  createdAt: r.created_at,
});

const drill = (r: DrillRow): DrillResult => ({
  id: r.id,
  planId: r.plan_id,
  planName: r.plan_name,
  startedAt: r.started_at,
  durationMs: r.duration_ms,
  succeeded: r.succeeded === 1,
  rtoObjectiveMs: r.rto_ms,
  rtoMet: r.succeeded === 1 && r.duration_ms <= r.rto_ms,
  steps: JSON.parse(r.steps) as PlanStepStatus[],
  message: r.message,
});

/** Targets, plans, finished jobs and drill results in SQLite (migration 9). */
export class RecoveryStore {
  constructor(private readonly db: Db) {}

  targets(): TargetRecord[] {
    return this.db.prepare<[], TargetRow>('SELECT * FROM recovery_targets ORDER BY name').all().map(target);
  }

  target(id: string): TargetRecord | null {
    const row = this.db.prepare<[string], TargetRow>('SELECT * FROM recovery_targets WHERE id = ?').get(id);
    return row ? target(row) : null;
  }

  saveTarget(t: TargetRecord): void {
    this.db
      .prepare(
        `INSERT INTO recovery_targets (id, name, spec, has_password, rpo_ms, schedule, retention, last_good_at, last_error, created_at)
         VALUES (@id, @name, @spec, @hasPassword, @rpo, @schedule, @retention, @lastGoodAt, @lastError, @createdAt)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, spec = excluded.spec, has_password = excluded.has_password,
           rpo_ms = excluded.rpo_ms, schedule = excluded.schedule, retention = excluded.retention`,
      )
      .run({
        id: t.id,
        name: t.name,
        spec: JSON.stringify(t.spec),
        hasPassword: t.hasPassword ? 1 : 0,
        rpo: t.rpoObjectiveMs,
        schedule: t.schedule,
        retention: t.retention ? JSON.stringify(t.retention) : null,
        lastGoodAt: t.lastGoodAt,
        lastError: t.lastError,
        createdAt: t.createdAt,
      });
  }

  recordBackup(id: string, outcome: { ok: true; at: number } | { ok: false; error: string }): void {
    if (outcome.ok) this.db.prepare('UPDATE recovery_targets SET last_good_at = ?, last_error = NULL WHERE id = ?').run(outcome.at, id);
    else this.db.prepare('UPDATE recovery_targets SET last_error = ? WHERE id = ?').run(outcome.error, id);
  }

  deleteTarget(id: string): boolean {
    return this.db.prepare('DELETE FROM recovery_targets WHERE id = ?').run(id).changes > 0;
  }

  plans(): RecoveryPlan[] {
    return this.db
      .prepare<[], { id: string; name: string; steps: string; rto_ms: number; created_at: number }>('SELECT * FROM recovery_plans ORDER BY name')
      .all()
      .map((r) => ({ id: r.id, name: r.name, steps: JSON.parse(r.steps) as PlanStep[], rtoObjectiveMs: r.rto_ms, createdAt: r.created_at }));
  }

  plan(id: string): RecoveryPlan | null {
    return this.plans().find((p) => p.id === id) ?? null;
  }

  savePlan(p: RecoveryPlan): void {
    this.db
      .prepare(
        `INSERT INTO recovery_plans (id, name, steps, rto_ms, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, steps = excluded.steps, rto_ms = excluded.rto_ms`,
      )
      .run(p.id, p.name, JSON.stringify(p.steps), p.rtoObjectiveMs, p.createdAt);
  }

  deletePlan(id: string): boolean {
    return this.db.prepare('DELETE FROM recovery_plans WHERE id = ?').run(id).changes > 0;
  }

  recordJob(job: RecoveryJob): void {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO recovery_jobs (id, kind, subject, state, started_at, finished_at, progress, steps, message)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(job.id, job.kind, job.subject, job.state, job.startedAt, job.finishedAt ?? Date.now(), job.progress && JSON.stringify(job.progress), job.steps && JSON.stringify(job.steps), job.message);
    this.db.prepare('DELETE FROM recovery_jobs WHERE id NOT IN (SELECT id FROM recovery_jobs ORDER BY started_at DESC LIMIT ?)').run(JOB_HISTORY);
  }

  jobs(): RecoveryJob[] {
    return this.db
      .prepare<[number], { id: string; kind: RecoveryJob['kind']; subject: string; state: RecoveryJob['state']; started_at: number; finished_at: number; progress: string | null; steps: string | null; message: string | null }>(
        'SELECT * FROM recovery_jobs ORDER BY started_at DESC LIMIT ?',
      )
      .all(JOB_HISTORY)
      .map((r) => ({
        id: r.id,
        kind: r.kind,
        subject: r.subject,
        state: r.state,
        startedAt: r.started_at,
        finishedAt: r.finished_at,
        progress: r.progress ? JSON.parse(r.progress) : null,
        steps: r.steps ? JSON.parse(r.steps) : null,
        message: r.message,
        canRollBack: false,
      }));
  }

  recordDrill(d: Omit<DrillResult, 'rtoMet'>): void {
    this.db
      .prepare('INSERT INTO recovery_drills (id, plan_id, plan_name, started_at, duration_ms, succeeded, rto_ms, steps, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(d.id, d.planId, d.planName, d.startedAt, d.durationMs, d.succeeded ? 1 : 0, d.rtoObjectiveMs, JSON.stringify(d.steps), d.message);
  }

  drills(planId?: string): DrillResult[] {
    const rows = planId
      ? this.db.prepare<[string], DrillRow>('SELECT * FROM recovery_drills WHERE plan_id = ? ORDER BY started_at DESC LIMIT 200').all(planId)
      : this.db.prepare<[], DrillRow>('SELECT * FROM recovery_drills ORDER BY started_at DESC LIMIT 200').all();
    return rows.map(drill);
  }
}
