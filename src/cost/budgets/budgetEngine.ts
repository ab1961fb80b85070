import type { BudgetDefinition, BudgetStatus } from '../../contract';
import { OpsdeckError } from '../../contract/errors';
import type { EngineAlertSink } from '../../engines/engineAlerts';
import type { BillingQueries } from '../billing/billingQueries';
import { daysInclusive } from '../billing/days';
import { runRateForecast } from '../billing/forecast';
import { periodOf } from './budgetPeriods';
import { describeScope, scopeFilter } from './budgetScope';
import type { BudgetStore, FiredThreshold } from './budgetStore';
import { crossingName, newCrossings } from './thresholdCrossings';

const ENGINE = 'cost';
export const BUDGET_ALERT = 'CostBudgetThreshold';

const money = (v: number, currency: string) => `${v.toLocaleString('en-US', { maximumFractionDigits: 2, minimumFractionDigits: 2 })} ${currency}`;

export interface BudgetEngineOptions {
  store: BudgetStore;
  queries: BillingQueries;
  alerts: EngineAlertSink;
  log: (message: string) => void;
}

/**
 * Budgets measured against billing: spend in the budget's period so far (the period that holds the
 * latest billing day) and its run-rate forecast to the period's end. Each threshold crossed fires an
 * alert once per period; alerts of a period that is over, or of a budget removed, are resolved.
 */
export class BudgetEngine {
  private evaluating: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: BudgetEngineOptions) {}

  async list(): Promise<BudgetStatus[]> {
    const asOf = (await this.options.queries.extent()).lastDay;
    const currency = (await this.options.queries.mainCurrency()) ?? 'USD';
    return Promise.all(this.options.store.list().map((b) => this.measure(b, asOf, currency)));
  }

  async save(budget: Omit<BudgetDefinition, 'id'> & { id?: string }): Promise<BudgetStatus[]> {
    if (budget.id && !this.options.store.exists(budget.id)) throw new OpsdeckError('NOT_FOUND', `No budget ${budget.id}`);
    this.options.store.save(budget);
    return this.evaluate();
  }

  async delete(id: string): Promise<BudgetStatus[]> {
    if (!this.options.store.exists(id)) throw new OpsdeckError('NOT_FOUND', `No budget ${id}`);
    for (const f of this.options.store.delete(id)) this.options.alerts.resolve(ENGINE, BUDGET_ALERT, this.labels(f));
    return this.list();
  }

  /** Measures every budget, fires the thresholds newly crossed and resolves those of past periods; one run at a time. */
  evaluate(): Promise<BudgetStatus[]> {
    const run = this.evaluating.then(() => this.evaluateNow());
    this.evaluating = run.catch((err: Error) => this.options.log(`budgets not evaluated: ${err.message}`));
    return run;
  }

  private async evaluateNow(): Promise<BudgetStatus[]> {
    const statuses = await this.list();
    const { store, alerts } = this.options;
    const current = new Set(statuses.map((s) => `${s.id}/${s.periodKey}`));
    for (const f of store.open()) {
      if (current.has(`${f.budgetId}/${f.periodKey}`)) continue;
      alerts.resolve(ENGINE, BUDGET_ALERT, this.labels(f));
      store.markResolved(f);
    }
    for (const s of statuses) {
      const fired = new Set(s.crossed);
      for (const c of newCrossings(s, s, fired)) {
        const f: FiredThreshold = { budgetId: s.id, periodKey: s.periodKey, kind: c.kind, threshold: c.threshold };
        if (!store.recordFired(f)) continue;
        s.crossed.push(crossingName(c.kind, c.threshold));
        const spent = c.kind === 'actual' ? s.actual : (s.forecast ?? 0);
        alerts.fire(ENGINE, {
          alertname: BUDGET_ALERT,
          labels: { ...this.labels(f), budget: s.name, severity: c.threshold >= 100 ? 'critical' : 'warning' },
          annotations: {
            summary: `Budget "${s.name}" ${c.kind === 'actual' ? 'spend' : 'forecast'} reached ${c.threshold}% of ${money(s.amount, s.currency)}`,
            description: `${c.kind === 'actual' ? 'Spent' : 'Forecast for the period'}: ${money(spent, s.currency)} (${c.percent.toFixed(1)}%) for ${describeScope(s.scope)}, period ${s.periodKey} (${s.periodStart} to ${s.periodEnd}).`,
          },
          value: c.percent,
        });
      }
    }
    return statuses;
  }

  private labels(f: FiredThreshold): Record<string, string> {
    return { budget_id: f.budgetId, period: f.periodKey, kind: f.kind, threshold: String(f.threshold) };
  }

  private async measure(budget: BudgetDefinition, asOf: string | null, currency: string): Promise<BudgetStatus> {
    const span = periodOf(budget.period, asOf ?? new Date().toISOString().slice(0, 10));
    const crossed = this.options.store.fired(budget.id, span.key).map((f) => crossingName(f.kind, f.threshold));
    const base = { ...budget, currency, periodKey: span.key, periodStart: span.start, periodEnd: span.end, crossed };
    if (!asOf) return { ...base, actual: 0, forecast: null };
    const daily = await this.options.queries.daily(span.start, asOf, 'effective', currency, scopeFilter(budget.scope));
    const actual = daily.reduce((s, d) => s + d.cost, 0);
    const first = (await this.options.queries.extent(currency)).firstDay ?? span.start;
    const observed = daily.filter((d) => d.day >= first).map((d) => d.cost);
    const forecast = runRateForecast(observed, daysInclusive(asOf, span.end) - 1);
    return { ...base, actual, forecast: forecast?.value ?? null };
  }
}
