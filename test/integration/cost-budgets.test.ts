import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BillingEngine } from '../../src/cost/billing/billingEngine';
import { BudgetEngine, BUDGET_ALERT } from '../../src/cost/budgets/budgetEngine';
import { BudgetStore } from '../../src/cost/budgets/budgetStore';
import { costSummary } from '../../src/cost/budgets/costSummary';
import type { EngineAlert, EngineAlertSink } from '../../src/engines/engineAlerts';
import { openDatabase } from '../../src/store/database';
import { KeyValueStore } from '../../src/store/keyValue';
import { tempDir } from '../helpers/tempDir';

const SAMPLE = path.resolve(__dirname, '../../../shared/data/focus/focus_sample.csv');

class RecordingSink implements EngineAlertSink {
  fired: { engine: string; alert: EngineAlert }[] = [];
  resolved: { engine: string; alertname: string; labels: Record<string, string> }[] = [];
  fire(engine: string, alert: EngineAlert) {
    this.fired.push({ engine, alert });
  }
  resolve(engine: string, alertname: string, labels: Record<string, string>) {
    this.resolved.push({ engine, alertname, labels });
  }
}

const closing: BillingEngine[] = [];
afterEach(async () => {
  for (const e of closing.splice(0)) await e.close();
});

async function setup() {
  const dataDir = tempDir();
  const db = openDatabase(dataDir);
  const billing = await BillingEngine.open({ dataDir, db, kv: new KeyValueStore(db), onChange: () => undefined, onProgress: () => undefined, log: () => undefined });
  closing.push(billing);
  const sink = new RecordingSink();
  const budgets = new BudgetEngine({ store: new BudgetStore(db), queries: billing.queries, alerts: sink, log: () => undefined });
  return { dataDir, billing, budgets, sink };
}

const thresholdsOf = (sink: RecordingSink) => sink.fired.map((f) => `${f.alert.labels.kind} ${f.alert.labels.threshold} ${f.alert.labels.period}`);

describe('budgets', () => {
  it('fires each threshold crossed once per period and resolves them when the period is over', async () => {
    const { dataDir, billing, budgets, sink } = await setup();
    await billing.import(SAMPLE);
    // September 2024 effective cost is 14.98 USD: 149.8 % of 10.
    const [status] = await budgets.save({ name: 'cloud', amount: 10, period: 'monthly', scope: { kind: 'all' }, actualThresholds: [50, 80, 100], forecastThresholds: [100] });
    expect(status).toMatchObject({ periodKey: '2024-09', periodStart: '2024-09-01', periodEnd: '2024-09-30', currency: 'USD' });
    expect(Math.round(status!.actual * 100)).toBe(1498);
    expect(thresholdsOf(sink).sort()).toEqual(['actual 100 2024-09', 'actual 50 2024-09', 'actual 80 2024-09', 'forecast 100 2024-09']);
    expect(sink.fired[0]).toMatchObject({ engine: 'cost', alert: { alertname: BUDGET_ALERT, labels: { budget: 'cloud' } } });

    await budgets.evaluate();
    await budgets.evaluate();
    expect(sink.fired).toHaveLength(4);

    // October data moves the budget to a new period: September's alerts resolve, October's spend is measured anew.
    const october = path.join(dataDir, 'october.csv');
    fs.writeFileSync(
      october,
      'ChargePeriodStart,ChargePeriodEnd,BilledCost,EffectiveCost,BillingCurrency,ChargeCategory,ProviderName,ServiceName\n' +
        '2024-10-01 00:00:00,2024-10-02 00:00:00,6,6,USD,Usage,AWS,Amazon EC2\n' +
        '2024-10-02 00:00:00,2024-10-03 00:00:00,0.5,0.5,USD,Usage,AWS,Amazon EC2\n',
    );
    await billing.import(october);
    const [next] = await budgets.evaluate();
    expect(next).toMatchObject({ periodKey: '2024-10', actual: 6.5 });
    expect(sink.resolved.map((r) => r.labels.period)).toEqual(['2024-09', '2024-09', '2024-09', '2024-09']);
    expect(thresholdsOf(sink).slice(4).sort()).toEqual(['actual 50 2024-10', 'forecast 100 2024-10']);
  });

  it('counts only the scope: a provider, a service, a tag', async () => {
    const { billing, budgets } = await setup();
    await billing.import(SAMPLE);
    const list = await budgets.save({ name: 'ms', amount: 100, period: 'yearly', scope: { kind: 'provider', value: 'Microsoft' }, actualThresholds: [], forecastThresholds: [] });
    expect(list[0]).toMatchObject({ periodKey: '2024' });
    expect(Math.round(list[0]!.actual * 100)).toBe(198);
    const tagged = await budgets.save({ name: 'dev', amount: 100, period: 'quarterly', scope: { kind: 'tag', key: 'environment', value: 'dev' }, actualThresholds: [], forecastThresholds: [] });
    const dev = tagged.find((b) => b.name === 'dev')!;
    expect(dev.periodKey).toBe('2024-Q3');
    const byEnvironment = await billing.queries.breakdown({ dimension: 'tag', tagKey: 'environment', from: '2024-07-01', to: '2024-09-30', metric: 'effective' });
    expect(dev.actual).toBeCloseTo(byEnvironment.rows.find((r) => r.key === 'dev')!.cost, 9);
    expect(dev.actual).not.toBeCloseTo(byEnvironment.total, 2);
  });

  it('sums up for the Overview: how to connect, then month to date, forecast and budgets', async () => {
    const { dataDir, billing, budgets } = await setup();
    const empty = await costSummary(billing, budgets);
    expect(empty).toMatchObject({ connected: false, monthToDate: 0, forecastMonthEnd: null, budgets: [] });
    expect(empty.hint).toContain(path.join(dataDir, 'billing'));

    await billing.import(SAMPLE);
    await budgets.save({ name: 'cloud', amount: 20, period: 'monthly', scope: { kind: 'all' }, actualThresholds: [], forecastThresholds: [] });
    const summary = await costSummary(billing, budgets, Date.parse('2026-11-23T12:00:00Z'));
    expect(summary).toMatchObject({ connected: true, currency: 'USD', previousPeriodToDate: 0, budgets: [{ name: 'cloud', amount: 20 }] });
    expect(summary.hint).toContain('2024-09-30');
    expect(Math.round(summary.monthToDate * 100)).toBe(1498);
    expect(Math.round(summary.forecastMonthEnd!.value * 100)).toBe(1498);
    expect(Math.round(summary.budgets[0]!.actual * 100)).toBe(1498);
  });
});
