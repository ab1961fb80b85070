import { describe, expect, it, vi } from 'vitest';
import { RuleAlerts } from '../../../../src/monitoring/rules/alertState';
import { AlertStore } from '../../../../src/monitoring/rules/alertStore';
import { storeEvaluation } from '../../../../src/monitoring/rules/ruleEngine';
import { parseRuleFile, type AlertingRule } from '../../../../src/monitoring/rules/ruleFile';
import { openDatabase } from '../../../../src/store/database';
import { tempDir } from '../../../helpers/tempDir';

function rule(fields: string[]): AlertingRule {
  const parsed = parseRuleFile('t.yml', ['groups:', '  - name: g', '    rules:', '      - alert: High', ...fields.map((f) => `        ${f}`)].join('\n'));
  expect(parsed.problems).toEqual([]);
  return parsed.groups[0]!.rules[0]!;
}

/** Counts each template's renders. */
function counted(r: AlertingRule) {
  const renders = vi.fn();
  for (const [, template] of [...r.templates.labels, ...r.templates.annotations]) {
    const render = template.render.bind(template);
    template.render = (data) => (renders(), render(data));
  }
  return renders;
}

// A fresh object each time, as a query's parsed answer is.
const series = (instance: string, value: number) => ({ metric: { __name__: 'v', instance, job: 'node' }, value });
const ref = { file: 't.yml', group: 'g', alertname: 'High' };

describe('incremental rule evaluation', () => {
  it('renders a series once while its value stays, and reports only alerts that changed', () => {
    const r = rule(['expr: v > 1', 'labels: { team: "{{ $labels.job }}" }', 'annotations: { summary: "{{ $labels.instance }} is {{ $value }}" }']);
    const renders = counted(r);
    const alerts = new RuleAlerts();
    expect(alerts.evaluate(r, [series('a', 5), series('b', 7)], 1000).updated).toHaveLength(2);
    expect(renders).toHaveBeenCalledTimes(4);

    renders.mockClear();
    const same = alerts.evaluate(r, [series('a', 5), series('b', 7)], 2000);
    expect(same).toEqual({ updated: [], dropped: [], transitions: false });
    expect(renders).not.toHaveBeenCalled();
    // An unchanged alert keeps the time it was last written; the store shows the rule's evaluation.
    expect([...alerts.values()].map((a) => a.lastEvalAt)).toEqual([1000, 1000]);

    // Another order, as another answer may have it: still no render.
    expect(alerts.evaluate(r, [series('b', 7), series('a', 5)], 3000).updated).toEqual([]);
    expect(renders).not.toHaveBeenCalled();

    const changed = alerts.evaluate(r, [series('a', 5), series('b', 8)], 4000);
    expect(renders).toHaveBeenCalledTimes(2);
    expect(changed.updated).toEqual([expect.objectContaining({ value: 8, annotations: { summary: 'b is 8' }, labels: { alertname: 'High', instance: 'b', job: 'node', team: 'node' } })]);
    expect(changed.transitions).toBe(false);
  });

  it('keeps what templates without $value rendered when the value moves, and still reports the new value', () => {
    const r = rule(['expr: v > 1', 'annotations: { summary: "{{ $labels.instance }} is high" }']);
    const renders = counted(r);
    const alerts = new RuleAlerts();
    alerts.evaluate(r, [series('a', 5)], 1000);
    renders.mockClear();
    expect(alerts.evaluate(r, [series('a', 6)], 2000).updated).toEqual([expect.objectContaining({ value: 6, annotations: { summary: 'a is high' } })]);
    expect(renders).not.toHaveBeenCalled();
  });

  it('re-renders everything for a reloaded rule', () => {
    const alerts = new RuleAlerts();
    alerts.evaluate(rule(['expr: v > 1', 'annotations: { summary: "old {{ $value }}" }']), [series('a', 5)], 1000);
    const reloaded = rule(['expr: v > 1', 'annotations: { summary: "new {{ $value }}" }']);
    expect(alerts.evaluate(reloaded, [series('a', 5)], 2000).updated).toEqual([expect.objectContaining({ annotations: { summary: 'new 5' } })]);
  });

  it('refuses the same series twice, and two new series that become one alert, leaving the alerts as they were', () => {
    const r = rule(['expr: v > 1', 'labels: { instance: fixed }']);
    const alerts = new RuleAlerts();
    alerts.evaluate(r, [series('a', 2)], 1000);
    expect(() => alerts.evaluate(r, [series('a', 2), series('a', 3)], 2000)).toThrow('vector contains metrics with the same labelset after applying alert labels');
    expect(() => alerts.evaluate(r, [series('b', 2), series('c', 3)], 2000)).toThrow('same labelset');
    expect([...alerts.values()]).toMatchObject([{ value: 2, lastEvalAt: 1000 }]);
    expect(alerts.evaluate(r, [series('b', 2)], 3000).updated).toEqual([]);
  });
});

describe('storing evaluations', () => {
  /** One rule evaluated and stored as the rule engine does it for a group. */
  function engine(dir: string, fields: string[]) {
    const db = openDatabase(dir);
    const store = new AlertStore(db);
    const r = rule(fields);
    const rules = [{ ref, active: new RuleAlerts() }];
    const evaluate = (ts: number, ...samples: ReturnType<typeof series>[]) => {
      rules[0]!.active.evaluate(r, samples, ts);
      storeEvaluation(store, rules, rules, ts);
    };
    return { db, store, r, rules, evaluate };
  }

  it('writes only changed alerts, shows the last evaluation of unchanged ones, and restores them after a restart', () => {
    const dir = tempDir();
    const { db, store, r, evaluate } = engine(dir, ['expr: v > 1', 'for: 10s', 'annotations: { summary: "{{ $labels.instance }} is {{ $value }}" }']);
    const row = (id: number) => db.prepare('SELECT state, value, last_eval_at AS lastEvalAt FROM alert_instances WHERE id = ?').get(id);

    evaluate(1000, series('a', 5), series('b', 7));
    const [a, b] = store.current().sort((x, y) => x.id - y.id);
    expect(row(a!.id)).toEqual({ state: 'pending', value: 5, lastEvalAt: 1000 });

    evaluate(2000, series('a', 5), series('b', 8));
    expect(row(a!.id)).toEqual({ state: 'pending', value: 5, lastEvalAt: 1000 });
    expect(row(b!.id)).toEqual({ state: 'pending', value: 8, lastEvalAt: 2000 });
    // The row waits; what the channels show does not.
    expect(store.get(a!.id)).toMatchObject({ lastEvalAt: 2000, annotations: { summary: 'a is 5' } });

    evaluate(11_000, series('a', 5), series('b', 8));
    expect(row(a!.id)).toEqual({ state: 'firing', value: 5, lastEvalAt: 11_000 });
    evaluate(12_000, series('a', 5), series('b', 8));
    expect(row(a!.id)).toMatchObject({ lastEvalAt: 11_000 });
    store.persistEvaluations();
    expect(row(a!.id)).toMatchObject({ lastEvalAt: 12_000 });
    db.close();

    const reopened = openDatabase(dir);
    const restoredStore = new AlertStore(reopened);
    const restored = new RuleAlerts(restoredStore.open().map((s) => s.alert));
    expect([...restored.values()]).toMatchObject([
      { id: a!.id, state: 'firing', activeAt: 1000, firedAt: 11_000, lastEvalAt: 12_000 },
      { id: b!.id, state: 'firing', activeAt: 1000, firedAt: 11_000, lastEvalAt: 12_000 },
    ]);
    // The same series after the restart are the same alerts: nothing new, nothing to write but what moved.
    const after = restored.evaluate(r, [series('a', 5), series('b', 9)], 13_000);
    expect(after.transitions).toBe(false);
    expect(after.updated.map((x) => [x.id, x.value])).toEqual([[b!.id, 9]]);
    reopened.close();
  });

  it('keeps changes the store could not take and writes them with the next evaluation', () => {
    const { db, store, r, rules, evaluate } = engine(tempDir(), ['expr: v > 1']);
    rules[0]!.active.evaluate(r, [series('a', 5)], 1000);
    const saveAll = vi.spyOn(store, 'saveAll').mockImplementationOnce(() => {
      throw new Error('disk full');
    });
    expect(() => storeEvaluation(store, rules, rules, 1000)).toThrow('disk full');
    expect(store.current()).toEqual([]);

    evaluate(2000, series('a', 5));
    expect(saveAll).toHaveBeenCalledTimes(2);
    expect(store.current()).toMatchObject([{ state: 'firing', firedAt: 1000, lastEvalAt: 2000 }]);
    db.close();
  });

  it('writes nothing when no alert changed', () => {
    const { db, evaluate } = engine(tempDir(), ['expr: v > 1']);
    evaluate(1000, series('a', 5));
    const changes = () => (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    const before = changes();
    evaluate(2000, series('a', 5));
    expect(changes()).toBe(before);
    db.close();
  });
});
