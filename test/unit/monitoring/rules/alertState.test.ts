import { describe, expect, it } from 'vitest';
import { RuleAlerts } from '../../../../src/monitoring/rules/alertState';
import { parseRuleFile, type AlertingRule } from '../../../../src/monitoring/rules/ruleFile';

function rule(fields: string[]): AlertingRule {
  const parsed = parseRuleFile('t.yml', ['groups:', '  - name: g', '    rules:', '      - alert: HighValue', ...fields.map((f) => `        ${f}`)].join('\n'));
  expect(parsed.problems).toEqual([]);
  return parsed.groups[0]!.rules[0]!;
}

const series = (value: number, labels: Record<string, string> = { instance: 'a' }) => ({ metric: { __name__: 'v', ...labels }, value });

/** A rule with its alerts and a clock that only moves when asked. */
function harness(r: AlertingRule) {
  const active = new RuleAlerts();
  let now = 1_000_000;
  return {
    active,
    at: (ms: number) => (now = 1_000_000 + ms),
    eval: (...samples: ReturnType<typeof series>[]) => active.evaluate(r, samples, now),
    only: () => [...active.values()][0],
  };
}

describe('alert state machine', () => {
  it('goes pending, fires after for, and resolves when the condition stops holding', () => {
    const h = harness(rule(['expr: v > 1', 'for: 10s', 'labels: { severity: critical }', 'annotations: { summary: "{{ $labels.instance }} is {{ $value }}" }']));
    h.at(0);
    const first = h.eval(series(5));
    expect(first.transitions).toBe(true);
    expect(h.only()).toMatchObject({
      state: 'pending',
      activeAt: 1_000_000,
      labels: { alertname: 'HighValue', instance: 'a', severity: 'critical' },
      annotations: { summary: 'a is 5' },
    });
    h.at(9_999);
    expect(h.eval(series(6)).transitions).toBe(false);
    expect(h.only()).toMatchObject({ state: 'pending', value: 6, annotations: { summary: 'a is 6' } });
    h.at(10_000);
    expect(h.eval(series(7)).transitions).toBe(true);
    expect(h.only()).toMatchObject({ state: 'firing', firedAt: 1_010_000, activeAt: 1_000_000 });
    h.at(20_000);
    const end = h.eval();
    expect(end.transitions).toBe(true);
    expect(end.updated).toEqual([expect.objectContaining({ state: 'resolved', resolvedAt: 1_020_000, firedAt: 1_010_000 })]);
    expect(h.active.size).toBe(0);
  });

  it('fires at once without for', () => {
    const h = harness(rule(['expr: v > 1']));
    h.eval(series(2));
    expect(h.only()).toMatchObject({ state: 'firing', firedAt: 1_000_000 });
  });

  it('drops a pending alert whose condition stops holding before it fires', () => {
    const h = harness(rule(['expr: v > 1', 'for: 1m']));
    h.eval(series(2));
    h.at(1000);
    const r = h.eval();
    expect(r.dropped).toEqual([expect.objectContaining({ state: 'pending' })]);
    expect(r.updated).toEqual([]);
    expect(h.active.size).toBe(0);
  });

  it('keeps firing for keep_firing_for after the condition stops, and starts over when it returns', () => {
    const h = harness(rule(['expr: v > 1', 'keep_firing_for: 30s']));
    h.eval(series(2));
    h.at(1000);
    h.eval();
    expect(h.only()).toMatchObject({ state: 'firing', keepFiringSince: 1_001_000 });
    h.at(2000);
    h.eval(series(3));
    expect(h.only()).toMatchObject({ state: 'firing', keepFiringSince: null, value: 3 });
    h.at(3000);
    h.eval();
    h.at(32_999);
    expect(h.eval().transitions).toBe(false);
    expect(h.only()).toMatchObject({ state: 'firing', keepFiringSince: 1_003_000 });
    h.at(33_000);
    const r = h.eval();
    expect(r.updated).toEqual([expect.objectContaining({ state: 'resolved', resolvedAt: 1_033_000 })]);
  });

  it('tracks each label set as its own alert', () => {
    const h = harness(rule(['expr: v > 1', 'for: 5s']));
    h.eval(series(2, { instance: 'a' }), series(3, { instance: 'b' }));
    expect(h.active.size).toBe(2);
    h.at(5000);
    h.eval(series(2, { instance: 'a' }));
    expect([...h.active.values()].map((a) => [a.labels.instance, a.state])).toEqual([['a', 'firing']]);
  });

  it('refuses two series that become the same alert, as Prometheus does', () => {
    const h = harness(rule(['expr: v > 1', 'labels: { instance: fixed }']));
    expect(() => h.eval(series(2, { instance: 'a' }), series(3, { instance: 'b' }))).toThrow('vector contains metrics with the same labelset after applying alert labels');
  });
});
