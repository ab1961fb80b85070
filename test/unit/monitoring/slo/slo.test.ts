import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SloDefinition } from '../../../../src/contract';
import { parseRuleFile } from '../../../../src/monitoring/rules/ruleFile';
import { SloFile } from '../../../../src/monitoring/slo/sloFile';
import { budgetOf, burningAlerts, burnRate, stateOf, windowMs } from '../../../../src/monitoring/slo/sloMath';
import { allowedFraction, burnRateQuery, quantileQuery, sliQuery, sloExpressions } from '../../../../src/monitoring/slo/sloQueries';
import { sloRuleFile } from '../../../../src/monitoring/slo/sloRules';
import { tempDir } from '../../../helpers/tempDir';

const DAY = 86_400_000;

const ratio: SloDefinition = {
  name: 'checkout',
  source: 1,
  spec: { type: 'ratio', good: 'sum(rate(http_requests_total{code!~"5.."}[$window]))', total: 'sum(rate(http_requests_total[$window]))' },
  target: 99.9,
  window: '30d',
  description: '',
};
const latency: SloDefinition = {
  ...ratio,
  name: 'api-latency',
  spec: { type: 'latency', metric: 'http_request_duration_seconds', selector: 'job="api"', thresholdSeconds: 0.3 },
};

describe('SLO queries', () => {
  it('writes the window into ratio expressions', () => {
    expect(sloExpressions(ratio.spec, '1h')).toEqual({
      good: 'sum(rate(http_requests_total{code!~"5.."}[1h]))',
      total: 'sum(rate(http_requests_total[1h]))',
    });
    expect(sliQuery(ratio.spec, '5m')).toBe('(sum(rate(http_requests_total{code!~"5.."}[5m]))) / (sum(rate(http_requests_total[5m])))');
  });

  it('reads a latency SLO from the histogram bucket at the threshold and the count', () => {
    expect(sloExpressions(latency.spec, '30d')).toEqual({
      good: 'sum(rate(http_request_duration_seconds_bucket{job="api", le="0.3"}[30d]))',
      total: 'sum(rate(http_request_duration_seconds_count{job="api"}[30d]))',
    });
    expect(sloExpressions({ ...latency.spec, selector: '' } as SloDefinition['spec'], '1h').good).toBe('sum(rate(http_request_duration_seconds_bucket{le="0.3"}[1h]))');
    if (latency.spec.type !== 'latency') throw new Error('latency');
    expect(quantileQuery(latency.spec, 0.99, '300s')).toBe('histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{job="api"}[300s])))');
  });

  it('computes the allowed fraction without float noise, and the burn rate query from it', () => {
    expect(allowedFraction(99.9)).toBe(0.001);
    expect(allowedFraction(99.99)).toBe(0.0001);
    expect(allowedFraction(95)).toBe(0.05);
    expect(burnRateQuery(ratio, '1h')).toBe(`(1 - ${sliQuery(ratio.spec, '1h')}) / 0.001`);
  });
});

describe('budget and burn rate', () => {
  it('spends the budget in proportion to the error rate', () => {
    // SLI 99.95% against 99.9%: half the allowed errors, half the budget left; 30 d · 0.001 = 43.2 min of budget.
    expect(burnRate(0.9995, 0.001)).toBeCloseTo(0.5, 12);
    const budget = budgetOf(0.9995, 0.001, 30 * DAY);
    expect(budget.allowedFraction).toBe(0.001);
    expect(budget.totalMs).toBeCloseTo(2_592_000, 6);
    expect(budget.remainingFraction).toBeCloseTo(0.5, 12);
    expect(budget.remainingMs).toBeCloseTo(1_296_000, 3);
    expect(budgetOf(0.998, 0.001, 30 * DAY).remainingFraction).toBeCloseTo(-1, 12);
    expect(budgetOf(null, 0.001, DAY)).toEqual({ allowedFraction: 0.001, totalMs: 86_400, remainingFraction: null, remainingMs: null });
  });

  it('raises an alert only when both of its windows burn faster than its factor', () => {
    const rates = { '5m': 20, '30m': 7, '1h': 15, '6h': 5, '3d': 0.5 };
    expect(burningAlerts(rates).map((a) => a.alert)).toEqual(['SloBurnRate1h5m']);
    expect(burningAlerts({ ...rates, '5m': 10 })).toEqual([]);
    expect(burningAlerts({ '5m': 1.5, '30m': 1.5, '1h': 1.5, '6h': 1.5, '3d': 1.5 }).map((a) => [a.alert, a.severity])).toEqual([['SloBurnRate3d6h', 'ticket']]);
    expect(burningAlerts({ '5m': null, '30m': 7, '1h': 15, '6h': 7, '3d': null }).map((a) => a.alert)).toEqual(['SloBurnRate6h30m']);
  });

  it('is breached once the budget is overspent, warning while an alert holds, unknown without data', () => {
    const [page] = burningAlerts({ '5m': 20, '30m': 0, '1h': 20, '6h': 0, '3d': 0 });
    expect(stateOf(0.5, [])).toBe('ok');
    expect(stateOf(0, [])).toBe('ok');
    expect(stateOf(0.5, [page!])).toBe('warning');
    expect(stateOf(-0.1, [page!])).toBe('breached');
    expect(stateOf(null, [])).toBe('unknown');
  });

  it('accepts windows from 1h to 90d', () => {
    expect(windowMs('30d')).toBe(30 * DAY);
    expect(windowMs('1h')).toBe(3_600_000);
    expect(windowMs('12w')).toBe(84 * DAY);
    expect(() => windowMs('59m')).toThrow('window: 59m is outside 1h..90d.');
    expect(() => windowMs('91d')).toThrow('outside 1h..90d');
    expect(() => windowMs('month')).toThrow('not a Prometheus duration');
  });
});

describe('generated alert rules', () => {
  it('passes the rule parser with the three burn-rate alerts, labelled by severity and SLO', () => {
    const parsed = parseRuleFile('generated/slo-checkout.yml', sloRuleFile(ratio));
    expect(parsed.problems).toEqual([]);
    expect(parsed.groups.map((g) => [g.name, g.source])).toEqual([['slo:checkout', 'prometheus']]);
    const rules = parsed.groups[0]!.rules;
    expect(rules.map((r) => [r.alert, r.labels])).toEqual([
      ['SloBurnRate1h5m', { severity: 'page', slo: 'checkout', long_window: '1h', short_window: '5m' }],
      ['SloBurnRate6h30m', { severity: 'page', slo: 'checkout', long_window: '6h', short_window: '30m' }],
      ['SloBurnRate3d6h', { severity: 'ticket', slo: 'checkout', long_window: '3d', short_window: '6h' }],
    ]);
    expect(rules[0]!.expr).toBe(`(${burnRateQuery(ratio, '1h')}) > 14.4\nand\n(${burnRateQuery(ratio, '5m')}) > 14.4`);
    expect(rules[2]!.expr).toBe(`(${burnRateQuery(ratio, '3d')}) > 1\nand\n(${burnRateQuery(ratio, '6h')}) > 1`);
    expect(rules.every((r) => r.forMs === 0 && r.annotations.summary!.includes('SLO checkout'))).toBe(true);
  });
});

describe('the definitions file', () => {
  it('round-trips the definitions and refuses a file it cannot read', () => {
    const dir = tempDir();
    const file = new SloFile(dir);
    expect(file.read()).toEqual([]);
    file.write([ratio, latency]);
    expect(file.read()).toEqual([ratio, latency]);
    expect(fs.readdirSync(dir)).toEqual(['slos.json']);
    fs.writeFileSync(path.join(dir, 'slos.json'), '{"slos": [{"name": "x"}]}');
    expect(() => file.read()).toThrow(/slos\.json: SLO #1: source: /);
    fs.writeFileSync(path.join(dir, 'slos.json'), '{');
    expect(() => file.read()).toThrow(/slos\.json is not JSON/);
  });
});
