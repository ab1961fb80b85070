import type { BillingImportProgress, BillingStatus } from '../../contract';
import type { EngineAlertSink } from '../../engines/engineAlerts';
import type { HandlersFor } from '../../host/dispatch';
import { costHandlers } from '../../host/handlers/cost';
import type { costChannels } from '../../contract/channels/cost';
import { OpsdeckError } from '../../contract/errors';
import type { Db } from '../../store/database';
import type { KeyValueStore } from '../../store/keyValue';
import { BillingEngine } from '../billing/billingEngine';
import { BudgetEngine } from './budgetEngine';
import { BudgetStore } from './budgetStore';

export interface CostBillingDeps {
  db: Db;
  kv: KeyValueStore;
  dataDir: string;
  alerts: EngineAlertSink;
  onStatus: (status: BillingStatus) => void;
  onProgress: (progress: BillingImportProgress) => void;
  log: (message: string) => void;
  /** How often the watched billing folder is looked at; tests shorten it. */
  watchPollMs?: number;
}

/** Every cost channel answering UNAVAILABLE with the reason, but the summary, which says it. */
function unavailable(reason: string): HandlersFor<keyof typeof costChannels> {
  const fail = () => {
    throw new OpsdeckError('UNAVAILABLE', reason);
  };
  return {
    'cost.status': fail,
    'cost.import': fail,
    'cost.imports.delete': fail,
    'cost.watchDir.set': fail,
    'cost.tagKeys': fail,
    'cost.breakdown': fail,
    'cost.trend': fail,
    'cost.period': fail,
    'cost.export': fail,
    'cost.budgets.list': fail,
    'cost.budgets.save': fail,
    'cost.budgets.delete': fail,
    'cost.summary': () => ({ connected: false, hint: reason, currency: 'USD', monthToDate: 0, previousPeriodToDate: 0, forecastMonthEnd: null, budgets: [] }),
  };
}

/**
 * Billing and budgets for the host: budgets are measured again whenever billing rows change. A billing
 * database that cannot be opened (another Opsdeck holds it) leaves the rest of the app running.
 */
export async function createCostBilling(deps: CostBillingDeps): Promise<{
  billing: BillingEngine | undefined;
  handlers: HandlersFor<keyof typeof costChannels>;
  start(): void;
  stop(): Promise<void>;
}> {
  let billing: BillingEngine;
  try {
    billing = await BillingEngine.open({
      dataDir: deps.dataDir,
      db: deps.db,
      kv: deps.kv,
      onChange: (status) => {
        deps.onStatus(status);
        budgets.evaluate().catch(() => undefined);
      },
      onProgress: deps.onProgress,
      log: deps.log,
      watchPollMs: deps.watchPollMs,
    });
  } catch (err) {
    const reason = `The billing database in ${deps.dataDir} cannot be opened: ${(err as Error).message}`;
    deps.log(reason);
    return { billing: undefined, handlers: unavailable(reason), start: () => undefined, stop: async () => undefined };
  }
  const budgets: BudgetEngine = new BudgetEngine({ store: new BudgetStore(deps.db), queries: billing.queries, alerts: deps.alerts, log: deps.log });
  return {
    billing,
    handlers: costHandlers(billing, budgets),
    start() {
      billing.start();
      budgets.evaluate().catch(() => undefined);
    },
    stop: () => billing.close(),
  };
}
