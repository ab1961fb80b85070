import type { BillingImport, BudgetStatus, CostBreakdown, CostTrend, CsvExport } from '../../contract';
import { describeScope } from '../budgets/budgetScope';
import { csvText } from '../../util/csvText';

const dimensionName = (d: { dimension: string; tagKey: string | null }) => (d.dimension === 'tag' ? `tag ${d.tagKey}` : d.dimension);
const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '-');

export function breakdownCsv(b: CostBreakdown): CsvExport {
  return {
    fileName: `cost-by-${safe(dimensionName(b))}-${b.from}-${b.to}.csv`,
    csv: csvText(
      [dimensionName(b), `cost (${b.currency})`, `previous (${b.previousFrom} to ${b.previousTo})`, 'change', 'rows'],
      b.rows.map((r) => [r.key, r.cost, r.previous, r.cost - r.previous, r.rows]),
    ),
  };
}

export function trendCsv(t: CostTrend): CsvExport {
  const first = t.days[0]?.day ?? '';
  const last = t.days.at(-1)?.day ?? '';
  return {
    fileName: `daily-cost-by-${safe(dimensionName(t))}-${first}-${last}.csv`,
    csv: csvText(
      ['day', ...t.keys, `total (${t.currency})`],
      t.days.map((d) => [d.day, ...t.keys.map((k) => d.values[k] ?? 0), d.total]),
    ),
  };
}

export function budgetsCsv(budgets: BudgetStatus[]): CsvExport {
  return {
    fileName: 'budgets.csv',
    csv: csvText(
      ['name', 'period', 'period start', 'period end', 'scope', 'amount', 'actual', 'forecast', 'currency', 'crossed'],
      budgets.map((b) => [
        b.name,
        b.period,
        b.periodStart,
        b.periodEnd,
        describeScope(b.scope),
        b.amount,
        b.actual,
        b.forecast,
        b.currency,
        b.crossed.join('; '),
      ]),
    ),
  };
}

export function importsCsv(imports: BillingImport[]): CsvExport {
  return {
    fileName: 'billing-imports.csv',
    csv: csvText(
      ['path', 'format', 'status', 'rows', 'first day', 'last day', 'origin', 'started', 'duration ms', 'sha256', 'error'],
      imports.map((i) => [i.path, i.format, i.status, i.rows, i.firstDay, i.lastDay, i.origin, new Date(i.startedAt).toISOString(), i.durationMs, i.sha256, i.error]),
    ),
  };
}
