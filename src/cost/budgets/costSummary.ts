import type { CostSummary } from '../../contract';
import type { BillingEngine } from '../billing/billingEngine';
import type { BudgetEngine } from './budgetEngine';

/** The Overview's cost tile: the month of the latest billing day, its forecast, and every budget. */
export async function costSummary(billing: BillingEngine, budgets: BudgetEngine, now = Date.now()): Promise<CostSummary> {
  const period = await billing.queries.period('effective');
  if (!period) {
    return {
      connected: false,
      hint: `Import a FOCUS billing export (CSV, CSV.gz or Parquet) in the Cost tab, or drop one into ${billing.watchDir}.`,
      currency: 'USD',
      monthToDate: 0,
      previousPeriodToDate: 0,
      forecastMonthEnd: null,
      budgets: [],
    };
  }
  const stale = period.asOf.slice(0, 7) !== new Date(now).toISOString().slice(0, 7);
  const f = period.forecast;
  return {
    connected: true,
    ...(stale ? { hint: `The latest billing data is for ${period.asOf}: figures are for that month. Import a newer export to bring them up to date.` } : {}),
    currency: period.currency,
    monthToDate: period.monthToDate,
    previousPeriodToDate: period.previousPeriodToDate,
    forecastMonthEnd: f ? { value: f.value, low: f.low, high: f.high } : null,
    budgets: (await budgets.list()).map((b) => ({ id: b.id, name: b.name, amount: b.amount, actual: b.actual, forecast: b.forecast })),
  };
}
