import type { costChannels } from '../../contract/channels/cost';
import type { BillingEngine } from '../../cost/billing/billingEngine';
import { breakdownCsv, budgetsCsv, importsCsv, trendCsv } from '../../cost/billing/costExports';
import type { BudgetEngine } from '../../cost/budgets/budgetEngine';
import { costSummary } from '../../cost/budgets/costSummary';
import type { HandlersFor } from '../dispatch';

/** The cost channels: FOCUS billing imports and queries, budgets, exports and the Overview summary. */
export function costHandlers(billing: BillingEngine, budgets: BudgetEngine): HandlersFor<keyof typeof costChannels> {
  return {
    'cost.status': () => billing.status(),
    'cost.import': ({ path }) => billing.import(path),
    'cost.imports.delete': ({ id }) => billing.deleteImport(id),
    'cost.watchDir.set': ({ dir }) => billing.setWatchDir(dir),
    'cost.tagKeys': ({ from, to }) => billing.queries.tagKeys(from, to),
    'cost.breakdown': (q) => billing.queries.breakdown(q),
    'cost.trend': (q) => billing.queries.trend(q),
    'cost.period': ({ metric, currency }) => billing.queries.period(metric, currency),
    'cost.export': async (input) => {
      switch (input.table) {
        case 'breakdown':
          return breakdownCsv(await billing.queries.breakdown(input.query));
        case 'trend':
          return trendCsv(await billing.queries.trend(input.query));
        case 'budgets':
          return budgetsCsv(await budgets.list());
        case 'imports':
          return importsCsv(billing.imports());
      }
    },
    'cost.budgets.list': () => budgets.list(),
    'cost.budgets.save': (budget) => budgets.save(budget),
    'cost.budgets.delete': ({ id }) => budgets.delete(id),
    'cost.summary': () => costSummary(billing, budgets),
  };
}
