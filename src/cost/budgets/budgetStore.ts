import { randomUUID } from 'node:crypto';
import type { BudgetDefinition } from '../../contract';
import type { Db } from '../../store/database';
import type { ThresholdKind } from './thresholdCrossings';

interface BudgetRow {
  id: string;
  name: string;
  amount: number;
  period: BudgetDefinition['period'];
  scope: string;
  actual_thresholds: string;
  forecast_thresholds: string;
}

export interface FiredThreshold {
  budgetId: string;
  periodKey: string;
  kind: ThresholdKind;
  threshold: number;
}

/** Budgets and the thresholds each has fired, per period, in the app store. */
export class BudgetStore {
  constructor(private readonly db: Db) {}

  list(): BudgetDefinition[] {
    const rows = this.db.prepare('SELECT * FROM cost_budgets ORDER BY name, id').all() as BudgetRow[];
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      amount: r.amount,
      period: r.period,
      scope: JSON.parse(r.scope) as BudgetDefinition['scope'],
      actualThresholds: JSON.parse(r.actual_thresholds) as number[],
      forecastThresholds: JSON.parse(r.forecast_thresholds) as number[],
    }));
  }

  exists(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM cost_budgets WHERE id = ?').get(id) !== undefined;
  }

  save(budget: Omit<BudgetDefinition, 'id'> & { id?: string }): string {
    const id = budget.id ?? randomUUID();
    this.db
      .prepare(
        `INSERT INTO cost_budgets (id, name, amount, period, scope, actual_thresholds, forecast_thresholds, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, amount = excluded.amount, period = excluded.period,
           scope = excluded.scope, actual_thresholds = excluded.actual_thresholds, forecast_thresholds = excluded.forecast_thresholds`,
      )
      .run(
        id,
        budget.name,
        budget.amount,
        budget.period,
        JSON.stringify(budget.scope),
        JSON.stringify(budget.actualThresholds),
        JSON.stringify(budget.forecastThresholds),
        Date.now(),
      );
    return id;
  }

  /** Removes the budget; returns the thresholds it still had firing. */
  delete(id: string): FiredThreshold[] {
    return this.db.transaction(() => {
      const open = this.open().filter((f) => f.budgetId === id);
      this.db.prepare('DELETE FROM cost_budget_alerts WHERE budget_id = ?').run(id);
      this.db.prepare('DELETE FROM cost_budgets WHERE id = ?').run(id);
      return open;
    })();
  }

  fired(budgetId: string, periodKey: string): FiredThreshold[] {
    const rows = this.db
      .prepare('SELECT kind, threshold FROM cost_budget_alerts WHERE budget_id = ? AND period_key = ?')
      .all(budgetId, periodKey) as { kind: ThresholdKind; threshold: number }[];
    return rows.map((r) => ({ budgetId, periodKey, ...r }));
  }

  /** Records a threshold as fired; false when it had fired already this period. */
  recordFired(f: FiredThreshold): boolean {
    const info = this.db
      .prepare('INSERT OR IGNORE INTO cost_budget_alerts (budget_id, period_key, kind, threshold, fired_at) VALUES (?, ?, ?, ?, ?)')
      .run(f.budgetId, f.periodKey, f.kind, f.threshold, Date.now());
    return info.changes > 0;
  }

  /** Fired thresholds not yet resolved. */
  open(): FiredThreshold[] {
    const rows = this.db
      .prepare('SELECT budget_id, period_key, kind, threshold FROM cost_budget_alerts WHERE resolved_at IS NULL')
      .all() as { budget_id: string; period_key: string; kind: ThresholdKind; threshold: number }[];
    return rows.map((r) => ({ budgetId: r.budget_id, periodKey: r.period_key, kind: r.kind, threshold: r.threshold }));
  }

  markResolved(f: FiredThreshold): void {
    this.db
      .prepare('UPDATE cost_budget_alerts SET resolved_at = ? WHERE budget_id = ? AND period_key = ? AND kind = ? AND threshold = ?')
      .run(Date.now(), f.budgetId, f.periodKey, f.kind, f.threshold);
  }
}
