import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertInstance, AnomalyReport, Forecast, HostEvent, InsightsList, PromSources, RulesList, SloDetail, SloList, SloStatus } from '../../src/contract';
import { PROM_INSIGHT_QUERIES } from '../../src/contract';
import { createHost, type Host } from '../../src/host/createHost';
import { HostSampleStore } from '../../src/monitoring/hostSampleStore';
import { openDatabase } from '../../src/store/database';
import { eventually } from '../helpers/eventually';
import { call, failure } from '../helpers/hostCall';
import { sampleAt } from '../helpers/sample';
import { tempDir } from '../helpers/tempDir';
import { startPrometheusStack, type PrometheusStack } from '../prometheus';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const PROMTOOL = '/usr/bin/promtool';

let stack: PrometheusStack;
beforeAll(async () => {
  stack = await startPrometheusStack();
});
afterAll(async () => {
  await stack?.stop();
});

async function openHost(dataDir: string, sampleIntervalMs: number) {
  const host = await createHost({
    dataDir,
    mode: 'serve',
    sampleIntervalMs,
    insightsIntervalMs: 500,
    kubeconfigPaths: [],
    dockerHosts: [],
    rules: { defaultsDir: null },
    prometheusMonitor: { recheckMs: 1000, timeoutMs: 5000, backoff: { initialMs: 100, maxMs: 1000 } },
    log: () => undefined,
  });
  const events: HostEvent[] = [];
  host.subscribe((e) => events.push(e));
  return { host, events };
}

async function promValue(query: string): Promise<string | undefined> {
  const answer = (await (await fetch(`${stack.prometheusUrl}/api/v1/query?query=${encodeURIComponent(query)}`)).json()) as { data: { result: { value: [number, string] }[] } };
  return answer.data.result[0]?.value[1];
}

/**
 * Counters pushed twice: every series grows by a known amount between the pushes, 995 of 1000
 * requests succeeding. The SLO reads each increase as max - min over the window, which is exact
 * whatever the scrape timing; rate() would extrapolate.
 */
function requests(step: 0 | 1): string {
  const at = (increase: number) => 100_000 + step * increase;
  return ['# TYPE opsdeck_slo_requests_total counter', `opsdeck_slo_requests_total{code="200"} ${at(995)}`, `opsdeck_slo_requests_total{code="500"} ${at(5)}`].join('\n');
}

/** A histogram without traffic: its rate is 0, so the latency SLO has no value (0 / 0). */
const IDLE_HISTOGRAM = [
  '# TYPE opsdeck_slo_latency_seconds histogram',
  'opsdeck_slo_latency_seconds_bucket{le="0.3"} 900',
  'opsdeck_slo_latency_seconds_bucket{le="+Inf"} 1000',
  'opsdeck_slo_latency_seconds_sum 150',
  'opsdeck_slo_latency_seconds_count 1000',
].join('\n');

const increase = (selector: string) => `sum(max_over_time(${selector}[$window]) - min_over_time(${selector}[$window]))`;

const checkoutSpec = {
  type: 'ratio',
  good: increase('opsdeck_slo_requests_total{code!~"5.."}'),
  total: increase('opsdeck_slo_requests_total'),
};

describe('SLOs on a real Prometheus', () => {
  let host: Host;
  let source: number;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdeck-slo-'));

  beforeAll(async () => {
    host = (await openHost(dataDir, 60_000)).host;
    await call(host, 'prom.addSource', { name: 'local', url: stack.prometheusUrl, auth: { kind: 'none' } });
    source = await eventually(async () => {
      const [s] = (await call<PromSources>(host, 'prom.sources', {})).sources;
      expect(s!.state).toBe('connected');
      return s!.id;
    });
    await stack.push('opsdeck_slo_latency', IDLE_HISTOGRAM);
    await stack.push('opsdeck_slo', requests(0));
    await eventually(async () => expect(await promValue('opsdeck_slo_requests_total{code="200"}')).toBe('100000'));
    await stack.push('opsdeck_slo', requests(1));
    await eventually(async () => expect(await promValue('opsdeck_slo_requests_total{code="200"}')).toBe('100995'));
    await eventually(async () => expect(await promValue('count(opsdeck_slo_latency_seconds_count)')).toBe('1'));
  });
  afterAll(async () => {
    await host?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const slo = (list: SloList, name: string): SloStatus => list.slos.find((s) => s.definition.name === name)!;

  it('computes SLI, error budget, burn rates and state from the real numbers', async () => {
    await call(host, 'slo.save', { name: 'checkout', source, spec: checkoutSpec, target: 99, window: '30d' });
    await call(host, 'slo.save', { name: 'checkout-strict', source, spec: checkoutSpec, target: 99.9, window: '30d' });
    const list = await call<SloList>(host, 'slo.save', {
      name: 'latency',
      source,
      spec: { type: 'latency', metric: 'opsdeck_slo_latency_seconds', selector: 'job="opsdeck_slo_latency"', thresholdSeconds: 0.3 },
      target: 95,
      window: '7d',
    });
    expect(list.slos.map((s) => s.definition.name)).toEqual(['checkout', 'checkout-strict', 'latency']);
    expect(list).toMatchObject({ path: path.join(dataDir, 'slos.json'), hint: null });

    const checkout = slo(list, 'checkout');
    expect(checkout).toMatchObject({ sourceName: 'local', state: 'ok', error: null, burning: [], alerting: { ruleFile: 'generated/slo-checkout.yml', note: null } });
    expect(checkout.sli).toBe(995 / 1000);
    // 1% allowed over 30 d: 7.2 h of budget; half of it spent.
    expect(checkout.budget.allowedFraction).toBe(0.01);
    expect(checkout.budget.totalMs).toBeCloseTo(0.01 * 30 * DAY, 6);
    expect(checkout.budget.remainingFraction).toBeCloseTo(0.5, 10);
    expect(checkout.budget.remainingMs).toBeCloseTo(0.5 * 0.01 * 30 * DAY, 2);
    for (const rate of Object.values(checkout.burnRates)) expect(rate).toBeCloseTo(0.5, 10);

    const strict = slo(list, 'checkout-strict');
    expect(strict.state).toBe('breached');
    for (const rate of Object.values(strict.burnRates)) expect(rate).toBeCloseTo(5, 9);
    expect(strict.budget.remainingFraction).toBeCloseTo(-4, 9);
    expect(strict.burning.map((b) => [b.alert, b.severity])).toEqual([['SloBurnRate3d6h', 'ticket']]);

    const latency = slo(list, 'latency');
    expect(latency).toMatchObject({
      sli: null,
      state: 'unknown',
      burning: [],
      budget: { allowedFraction: 0.05, remainingFraction: null, remainingMs: null },
      error: expect.stringMatching(/^No data: \(sum\(rate\(opsdeck_slo_latency_seconds_bucket\{job="opsdeck_slo_latency", le="0.3"\}\[7d\]\)\)\) \/ /),
    });
    expect(latency.budget.totalMs).toBeCloseTo(0.05 * 7 * DAY, 6);
    expect(Object.values(latency.burnRates)).toEqual([null, null, null, null, null]);
  });

  it('draws burn rate, SLI and latency quantiles over a range', async () => {
    const end = Date.now();
    const detail = await call<SloDetail>(host, 'slo.get', { name: 'checkout', start: end - HOUR, end, burnWindow: '5m' });
    expect(detail).toMatchObject({ range: { start: end - HOUR, end, stepMs: 60_000 }, burnWindow: '5m', latency: { p95: [], p99: [] } });
    // Prometheus leaves out steps without data (before the pushes); the last step holds both pushes.
    expect(detail.sliSeries.every((p) => (p.ts - detail.range.start) % 60_000 === 0)).toBe(true);
    expect(detail.sliSeries.at(-1)!.ts).toBe(end);
    expect(detail.sliSeries.at(-1)!.value).toBe(995 / 1000);
    expect(detail.burnRate.at(-1)!.value).toBeCloseTo(0.5, 12);
    expect(detail.queries.burnRate).toBe(`(1 - (${increase('opsdeck_slo_requests_total{code!~"5.."}').replaceAll('$window', '5m')}) / (${increase('opsdeck_slo_requests_total').replaceAll('$window', '5m')})) / 0.01`);

    const latency = await call<SloDetail>(host, 'slo.get', { name: 'latency', start: end - HOUR, end });
    expect(latency.queries).toMatchObject({
      good: 'sum(rate(opsdeck_slo_latency_seconds_bucket{job="opsdeck_slo_latency", le="0.3"}[7d]))',
      total: 'sum(rate(opsdeck_slo_latency_seconds_count{job="opsdeck_slo_latency"}[7d]))',
      p95: 'histogram_quantile(0.95, sum by (le) (rate(opsdeck_slo_latency_seconds_bucket{job="opsdeck_slo_latency"}[300s])))',
    });
    // Without traffic every quantile is NaN: gaps, not numbers.
    expect(latency.latency.p95.length).toBeGreaterThan(0);
    expect(latency.latency.p95.every((p) => p.value === null)).toBe(true);
  });

  it('generates burn-rate rules that promtool accepts and the rule engine fires', async () => {
    const file = path.join(dataDir, 'rules-generated', 'slo-checkout-strict.yml');
    expect(fs.existsSync(PROMTOOL)).toBe(true);
    const check = spawnSync(PROMTOOL, ['check', 'rules', file], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.stdout).toContain('SUCCESS: 3 rules found');
    expect(check.status).toBe(0);

    const rules = await call<RulesList>(host, 'rules.list', {});
    expect(rules.groups.filter((g) => g.file.startsWith('generated/')).map((g) => [g.file, g.name, g.readOnly])).toEqual([
      ['generated/slo-checkout-strict.yml', 'slo:checkout-strict', true],
      ['generated/slo-checkout.yml', 'slo:checkout', true],
      ['generated/slo-latency.yml', 'slo:latency', true],
    ]);
    const alerts = await eventually(async () => {
      const firing = (await call<AlertInstance[]>(host, 'alerts.list', {})).filter((a) => a.state === 'firing');
      expect(firing.length).toBeGreaterThanOrEqual(1);
      return firing;
    });
    expect(alerts.map((a) => [a.labels.alertname, a.labels.slo, a.labels.severity])).toEqual([['SloBurnRate3d6h', 'checkout-strict', 'ticket']]);
    expect(alerts[0]!.value).toBeCloseTo(5, 9);
  });

  it('refuses what Prometheus refuses, expressions with many series, and windows and targets out of range', async () => {
    const save = (over: object) => failure(host, 'slo.save', { name: 'bad', source, spec: checkoutSpec, target: 99, window: '30d', ...over });
    const broken = 'sum(rate(opsdeck_slo_requests_total[$window])';
    expect(await save({ spec: { ...checkoutSpec, good: broken } })).toMatch(/^BAD_REQUEST bad_data: .*unclosed left parenthesis/);
    expect(await save({ spec: { type: 'ratio', good: 'rate(opsdeck_slo_requests_total[$window])', total: 'rate(opsdeck_slo_requests_total[$window])' } })).toMatch(
      /returns 2 series; an SLO needs one: aggregate with sum\(\.\.\.\)\.$/,
    );
    const latencySpec = { type: 'latency', metric: 'opsdeck_slo_latency_seconds', selector: 'job="opsdeck_slo_latency"', thresholdSeconds: 0.25 };
    expect(await save({ spec: latencySpec })).toBe('BAD_REQUEST thresholdSeconds: opsdeck_slo_latency_seconds has no bucket le="0.25"; its bounds are 0.3, +Inf.');
    expect(await save({ window: '100d' })).toBe('BAD_REQUEST window: 100d is outside 1h..90d.');
    expect(await save({ target: 100 })).toMatch(/^BAD_REQUEST Invalid payload for slo.save: target: /);
    expect(await save({ spec: { ...checkoutSpec, good: 'sum(opsdeck_slo_requests_total)' } })).toMatch(/spec.good: must contain \$window/);
    expect(await save({ source: 999 })).toBe('NOT_FOUND No Prometheus source with id 999.');
    expect((await call<SloList>(host, 'slo.list', {})).slos.map((s) => s.definition.name)).not.toContain('bad');
  });

  it('forecasts and scans Prometheus series once a source is connected', async () => {
    const forecastStartedAt = Date.now();
    const ref = { kind: 'prometheus', source, query: 'opsdeck_slo_requests_total', labels: { code: '500' } };
    const forecast = await call<Forecast>(host, 'insights.forecast', { ref, lookbackMs: 15 * 60_000, threshold: 200_000 });
    expect(forecast.label).toBe('opsdeck_slo_requests_total{code="500", job="opsdeck_slo"}');
    expect(forecast.points.length).toBeGreaterThan(0);
    expect(forecast.points.every((p) => p.value === 100_000 || p.value === 100_005)).toBe(true);
    expect(await failure(host, 'insights.forecast', { ref: { ...ref, labels: { code: '404' } } })).toBe(
      'NOT_FOUND opsdeck_slo_requests_total has no series with {code="404"} in the last 24 h.',
    );
    expect(await failure(host, 'insights.anomalies', { ref: { ...ref, query: 'rate(' } })).toMatch(/^BAD_REQUEST bad_data: /);
    const disk = await call<Forecast>(host, 'insights.forecast', { ref: { kind: 'prometheus', source, query: PROM_INSIGHT_QUERIES.filesystemUsedPct }, lookbackMs: 15 * 60_000 });
    expect(disk.label).toMatch(/mountpoint="/);
    expect(disk.points.length).toBeGreaterThan(0);
    expect(disk.points.every((p) => p.value >= 0 && p.value <= 100)).toBe(true);
    // The node exporter's filesystems, memory and CPU are read without errors on every recomputation.
    await eventually(async () => {
      const list = await call<InsightsList>(host, 'insights.list', {});
      expect(list.errors).toEqual([]);
      expect(list.computedAt).toBeGreaterThan(forecastStartedAt);
    });
  });

  it('deletes an SLO with its rules, and keeps the others across a restart', async () => {
    const list = await call<SloList>(host, 'slo.delete', { name: 'checkout-strict' });
    expect(list.slos.map((s) => s.definition.name)).toEqual(['checkout', 'latency']);
    expect(fs.readdirSync(path.join(dataDir, 'rules-generated')).sort()).toEqual(['slo-checkout.yml', 'slo-latency.yml']);
    expect((await call<RulesList>(host, 'rules.list', {})).groups.map((g) => g.name)).not.toContain('slo:checkout-strict');
    expect(await failure(host, 'slo.delete', { name: 'checkout-strict' })).toBe('NOT_FOUND No SLO named "checkout-strict".');
    await host.stop();

    host = (await openHost(dataDir, 60_000)).host;
    const again = await eventually(async () => {
      const l = await call<SloList>(host, 'slo.list', {});
      expect(slo(l, 'checkout').error).toBeNull();
      return l;
    });
    expect(again.slos.map((s) => [s.definition.name, s.definition.target, s.definition.window])).toEqual([
      ['checkout', 99, '30d'],
      ['latency', 95, '7d'],
    ]);
    expect(slo(again, 'checkout').sli).toBe(995 / 1000);
  });
});

describe('Forecasts and anomalies of host series', () => {
  const STEP = 5 * 60_000;
  const COUNT = 73;

  it('forecasts when a disk fills, marks a CPU spike, and lists both as insights', async () => {
    const dataDir = tempDir('opsdeck-insights-');
    const last = Date.now() - 60_000;
    const db = openDatabase(dataDir);
    const store = new HostSampleStore(db, STEP);
    // Six hours of samples: the disk grows from 40% by 5% an hour; the CPU idles at 10-11% and jumps to 95% at the end.
    for (let i = 0; i < COUNT; i++) {
      const hours = (i * STEP) / HOUR;
      store.insert(sampleAt(last - (COUNT - 1 - i) * STEP, { diskUsedPct: 40 + 5 * hours, cpuPct: i === COUNT - 1 ? 95 : 10 + (i % 2) }));
    }
    db.close();

    // No sample of the real host arrives within the test: the first comes one interval after start.
    const { host, events } = await openHost(dataDir, STEP);
    try {
      const forecast = await call<Forecast>(host, 'insights.forecast', { ref: { kind: 'host', metric: 'diskUsedPct', mount: '/' }, threshold: 100 });
      expect(forecast).toMatchObject({ label: 'Disk / used', unit: '%', threshold: 100, horizonMs: 7 * DAY });
      expect(forecast.points).toHaveLength(COUNT);
      if (forecast.linear?.model.kind !== 'linear') throw new Error('expected a linear fit');
      expect(forecast.linear.model.slopePerHour).toBeCloseTo(5, 6);
      expect(forecast.linear.model.intercept).toBeCloseTo(70, 6);
      expect(forecast.linear.model.r2).toBeCloseTo(1, 9);
      // 70% + 5%/h reaches 100% six hours after the last sample.
      expect(Math.abs(forecast.linear.crossing!.at - (last + 6 * HOUR))).toBeLessThanOrEqual(2000);
      expect(forecast.holt!.crossing!.at - (last + 6 * HOUR)).toBeLessThanOrEqual(2000);

      const anomalies = await call<AnomalyReport>(host, 'insights.anomalies', { ref: { kind: 'host', metric: 'cpuPct' }, lookbackMs: 6 * HOUR + STEP });
      // Host series are averaged in steps that start at multiples of the step.
      expect(anomalies.anomalies.map((a) => [a.ts, a.value, a.median, a.methods])).toEqual([[last - (last % STEP), 95, 10.5, ['mad', 'ewma']]]);

      const insights = await call<InsightsList>(host, 'insights.list', {});
      expect(insights.errors).toEqual([]);
      expect(insights.insights.map((i) => [i.kind, i.text])).toEqual([
        ['forecast', 'Disk / full in 6 h (±1 min)'],
        ['anomaly', 'CPU spike to 95 % (usually 10.5 %)'],
      ]);
      expect(insights.insights[0]!.confidence).toBeCloseTo(1, 6);
      // 1 - 3.5 / (0.6745 · 84.5 / 0.5)
      expect(insights.insights[1]!.confidence).toBeCloseTo(1 - 3.5 / ((0.6745 * 84.5) / 0.5), 12);
      const announced = events.filter((e) => e.name === 'insights.changed').map((e) => (e.data as InsightsList).insights);
      expect(announced.at(-1)).toEqual(insights.insights);
    } finally {
      await host.stop();
    }
  });
});

describe('Latency SLO with live traffic', () => {
  const METRIC = 'opsdeck_slo_live_seconds';
  const BOUNDS = ['0.1', '0.3', '0.5', '1', '+Inf'];
  /**
   * Between two pushes each cumulative bucket grows by a known count: 1000 requests, 500 under
   * 0.1 s, 900 under 0.3 s, 980 under 0.5 s, all under 1 s. What Prometheus stores of the two
   * pushes depends on when it scrapes, so the engine's figures are checked against Prometheus's own.
   */
  const GROWTH = [500, 900, 980, 1000, 1000];
  const histogram = (step: 0 | 1) =>
    [
      `# TYPE ${METRIC} histogram`,
      ...BOUNDS.map((le, i) => `${METRIC}_bucket{le="${le}"} ${10_000 + step * GROWTH[i]!}`),
      `${METRIC}_sum ${2000 + step * 300}`,
      `${METRIC}_count ${10_000 + step * 1000}`,
    ].join('\n');

  it("gives P95 and P99 as Prometheus's histogram_quantile does, and the SLI from the buckets", async () => {
    const dataDir = tempDir('opsdeck-slo-live-');
    const { host } = await openHost(dataDir, 60_000);
    try {
      await call(host, 'prom.addSource', { name: 'local', url: stack.prometheusUrl, auth: { kind: 'none' } });
      const source = await eventually(async () => {
        const [s] = (await call<PromSources>(host, 'prom.sources', {})).sources;
        expect(s!.state).toBe('connected');
        return s!.id;
      });
      await stack.push('opsdeck_slo_live', histogram(0));
      await eventually(async () => expect(await promValue(`${METRIC}_count`)).toBe('10000'));
      await stack.push('opsdeck_slo_live', histogram(1));
      await eventually(async () => expect(await promValue(`${METRIC}_count`)).toBe('11000'));

      const spec = { type: 'latency', metric: METRIC, selector: 'job="opsdeck_slo_live"', thresholdSeconds: 0.3 };
      const list = await call<SloList>(host, 'slo.save', { name: 'live-latency', source, spec, target: 95, window: '1h' });
      const status = list.slos.find((s) => s.definition.name === 'live-latency')!;
      expect(status.error).toBeNull();

      const end = Date.now();
      const detail = await call<SloDetail>(host, 'slo.get', { name: 'live-latency', start: end - HOUR, end });
      const last = (points: SloDetail['latency']['p95']) => points.at(-1)!;
      expect(last(detail.latency.p95).ts).toBe(end);
      expect(last(detail.latency.p99).ts).toBe(end);
      // Prometheus's own answer for the same expression at the same time.
      const prometheusSays = async (query: string) => {
        const params = new URLSearchParams({ query, time: String(end / 1000) });
        const answer = (await (await fetch(`${stack.prometheusUrl}/api/v1/query?${params}`)).json()) as { data: { result: { value: [number, string] }[] } };
        return Number(answer.data.result[0]!.value[1]);
      };
      expect(last(detail.latency.p95).value).toBe(await prometheusSays(detail.queries.p95!));
      expect(last(detail.latency.p99).value).toBe(await prometheusSays(detail.queries.p99!));
      // Both series are scraped at the same times, so their ratio does not move with the evaluation
      // time: Prometheus's answer now is the one the engine got when it saved the SLO.
      const sli = await prometheusSays(`sum(rate(${METRIC}_bucket{job="opsdeck_slo_live",le="0.3"}[1h])) / sum(rate(${METRIC}_count{job="opsdeck_slo_live"}[1h]))`);
      expect(status.sli).toBeCloseTo(sli, 9);
      expect(status.state).toBe(sli < 0.95 ? 'breached' : 'ok');
      expect(last(detail.latency.p95).value).toBeGreaterThan(0);
      expect(last(detail.latency.p99).value).toBeGreaterThanOrEqual(last(detail.latency.p95).value!);
    } finally {
      await host.stop();
    }
  });
});
