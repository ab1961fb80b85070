import { OpsdeckError, type RunActionResult, type RunStatus, type RunSummary } from '../../contract';
import type { Db } from '../../store/database';
import type { ActionBinding } from '../actions/binding';

interface RunRow {
  id: number;
  runbook_id: string;
  runbook_title: string;
  status: RunStatus;
  started_at: number;
  started_by: string;
  updated_at: number;
  ended_at: number | null;
  alert_id: number | null;
  incident_id: number | null;
  alert_labels: string;
  steps_done: number;
  steps_total: number;
}

interface StepRow {
  step: number;
  title: string;
  action: string | null;
  done: number;
  done_at: number | null;
  done_by: string | null;
  note: string;
}

interface ResultRow {
  step: number;
  kind: string;
  params: string;
  ok: number;
  message: string;
  audit_id: number | null;
  by: string;
  at: number;
}

export interface StoredRun extends RunSummary {
  alertLabels: Record<string, string>;
}

export interface StoredStep {
  index: number;
  title: string;
  binding: ActionBinding | null;
  done: boolean;
  doneAt: number | null;
  doneBy: string | null;
  note: string;
}

const RUN_SELECT = `
  SELECT r.*,
    (SELECT COUNT(*) FROM runbook_run_steps s WHERE s.run_id = r.id AND s.done = 1) AS steps_done,
    (SELECT COUNT(*) FROM runbook_run_steps s WHERE s.run_id = r.id) AS steps_total
  FROM runbook_runs r`;

const runOf = (r: RunRow): StoredRun => ({
  id: r.id,
  runbookId: r.runbook_id,
  runbookTitle: r.runbook_title,
  status: r.status,
  startedAt: r.started_at,
  startedBy: r.started_by,
  updatedAt: r.updated_at,
  endedAt: r.ended_at,
  alertId: r.alert_id,
  incidentId: r.incident_id,
  stepsDone: r.steps_done,
  stepsTotal: r.steps_total,
  alertLabels: JSON.parse(r.alert_labels) as Record<string, string>,
});

/** Guided runs in SQLite: the run, its steps as they were at the start, action results and status changes. */
export class RunStore {
  constructor(private readonly db: Db) {}

  create(run: {
    runbookId: string;
    runbookTitle: string;
    by: string;
    at: number;
    alertId: number | null;
    incidentId: number | null;
    alertLabels: Record<string, string>;
    steps: { index: number; title: string; binding: ActionBinding | null }[];
  }): number {
    return this.db.transaction(() => {
      const info = this.db
        .prepare(
          `INSERT INTO runbook_runs (runbook_id, runbook_title, status, started_at, started_by, updated_at, alert_id, incident_id, alert_labels)
           VALUES (?, ?, 'active', ?, ?, ?, ?, ?, ?)`,
        )
        .run(run.runbookId, run.runbookTitle, run.at, run.by, run.at, run.alertId, run.incidentId, JSON.stringify(run.alertLabels));
      const id = Number(info.lastInsertRowid);
      const step = this.db.prepare('INSERT INTO runbook_run_steps (run_id, step, title, action) VALUES (?, ?, ?, ?)');
      for (const s of run.steps) step.run(id, s.index, s.title, s.binding ? JSON.stringify(s.binding) : null);
      this.db.prepare('INSERT INTO runbook_run_events (run_id, at, by, status) VALUES (?, ?, ?, ?)').run(id, run.at, run.by, 'active');
      return id;
    })();
  }

  get(id: number): StoredRun {
    const row = this.db.prepare<[number], RunRow>(`${RUN_SELECT} WHERE r.id = ?`).get(id);
    if (!row) throw new OpsdeckError('NOT_FOUND', `No runbook run with id ${id}.`);
    return runOf(row);
  }

  /** Newest activity first. */
  list(query: { runbookId?: string; limit: number }): RunSummary[] {
    const rows = query.runbookId
      ? this.db.prepare<[string, number], RunRow>(`${RUN_SELECT} WHERE r.runbook_id = ? ORDER BY r.updated_at DESC, r.id DESC LIMIT ?`).all(query.runbookId, query.limit)
      : this.db.prepare<[number], RunRow>(`${RUN_SELECT} ORDER BY r.updated_at DESC, r.id DESC LIMIT ?`).all(query.limit);
    return rows.map((r) => {
      const { alertLabels: _, ...summary } = runOf(r);
      return summary;
    });
  }

  steps(runId: number): StoredStep[] {
    return this.db
      .prepare<[number], StepRow>('SELECT * FROM runbook_run_steps WHERE run_id = ? ORDER BY step')
      .all(runId)
      .map((s) => ({
        index: s.step,
        title: s.title,
        binding: s.action ? (JSON.parse(s.action) as ActionBinding) : null,
        done: s.done === 1,
        doneAt: s.done_at,
        doneBy: s.done_by,
        note: s.note,
      }));
  }

  results(runId: number): (RunActionResult & { step: number })[] {
    return this.db
      .prepare<[number], ResultRow>('SELECT * FROM runbook_run_results WHERE run_id = ? ORDER BY step, id')
      .all(runId)
      .map((r) => ({
        step: r.step,
        kind: r.kind,
        params: JSON.parse(r.params) as Record<string, string | number>,
        ok: r.ok === 1,
        message: r.message,
        auditId: r.audit_id,
        by: r.by,
        at: r.at,
      }));
  }

  history(runId: number): { at: number; by: string; status: RunStatus }[] {
    return this.db.prepare<[number], { at: number; by: string; status: RunStatus }>('SELECT at, by, status FROM runbook_run_events WHERE run_id = ? ORDER BY id').all(runId);
  }

  setStep(runId: number, step: number, change: { done: boolean; note: string; by: string; at: number }): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `UPDATE runbook_run_steps SET
             done_at = CASE WHEN ? = 1 THEN CASE WHEN done = 1 THEN done_at ELSE ? END ELSE NULL END,
             done_by = CASE WHEN ? = 1 THEN CASE WHEN done = 1 THEN done_by ELSE ? END ELSE NULL END,
             done = ?, note = ?
           WHERE run_id = ? AND step = ?`,
        )
        .run(change.done ? 1 : 0, change.at, change.done ? 1 : 0, change.by, change.done ? 1 : 0, change.note, runId, step);
      this.touch(runId, change.at);
    })();
  }

  addResult(runId: number, step: number, result: RunActionResult): void {
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO runbook_run_results (run_id, step, kind, params, ok, message, audit_id, by, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(runId, step, result.kind, JSON.stringify(result.params), result.ok ? 1 : 0, result.message, result.auditId, result.by, result.at);
      if (result.ok) {
        this.db
          .prepare('UPDATE runbook_run_steps SET done = 1, done_at = COALESCE(done_at, ?), done_by = COALESCE(done_by, ?) WHERE run_id = ? AND step = ?')
          .run(result.at, result.by, runId, step);
      }
      this.touch(runId, result.at);
    })();
  }

  setStatus(runId: number, status: RunStatus, by: string, at: number): void {
    this.db.transaction(() => {
      const ended = status === 'completed' || status === 'abandoned' ? at : null;
      this.db.prepare('UPDATE runbook_runs SET status = ?, ended_at = ?, updated_at = ? WHERE id = ?').run(status, ended, at, runId);
      this.db.prepare('INSERT INTO runbook_run_events (run_id, at, by, status) VALUES (?, ?, ?, ?)').run(runId, at, by, status);
    })();
  }

  private touch(runId: number, at: number): void {
    this.db.prepare('UPDATE runbook_runs SET updated_at = ? WHERE id = ?').run(at, runId);
  }
}
