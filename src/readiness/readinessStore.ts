/** Per-namespace tuning and the last report of each context, in the store (migration 12). */
import type { ReadinessReport, ReadinessTuning, ReadinessTuningEntry } from '../contract/types';
import type { Db } from '../store/database';
import { withDefaults } from './tuning';

export class ReadinessStore {
  constructor(private readonly db: Db) {}

  tuning(context: string, namespace: string): ReadinessTuning {
    const row = this.db.prepare<[string, string], { tuning: string }>('SELECT tuning FROM readiness_tuning WHERE context = ? AND namespace = ?').get(context, namespace);
    return withDefaults(row ? (JSON.parse(row.tuning) as Partial<ReadinessTuning>) : undefined);
  }

  allTuning(context: string): ReadinessTuningEntry[] {
    const rows = this.db
      .prepare<[string], { namespace: string; tuning: string }>('SELECT namespace, tuning FROM readiness_tuning WHERE context = ? ORDER BY namespace')
      .all(context);
    return rows.map((r) => ({ context, namespace: r.namespace, tuning: withDefaults(JSON.parse(r.tuning) as Partial<ReadinessTuning>) }));
  }

  setTuning(context: string, namespace: string, tuning: ReadinessTuning, now: number): void {
    this.db
      .prepare(
        `INSERT INTO readiness_tuning (context, namespace, tuning, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (context, namespace) DO UPDATE SET tuning = excluded.tuning, updated_at = excluded.updated_at`,
      )
      .run(context, namespace, JSON.stringify(tuning), now);
  }

  resetTuning(context: string, namespace: string): void {
    this.db.prepare('DELETE FROM readiness_tuning WHERE context = ? AND namespace = ?').run(context, namespace);
  }

  saveReport(report: ReadinessReport): void {
    this.db
      .prepare(
        `INSERT INTO readiness_reports (context, checked_at, report) VALUES (?, ?, ?)
         ON CONFLICT (context) DO UPDATE SET checked_at = excluded.checked_at, report = excluded.report`,
      )
      .run(report.context, report.checkedAt, JSON.stringify(report));
  }

  report(context: string): ReadinessReport | null {
    const row = this.db.prepare<[string], { report: string }>('SELECT report FROM readiness_reports WHERE context = ?').get(context);
    return row ? (JSON.parse(row.report) as ReadinessReport) : null;
  }
}
