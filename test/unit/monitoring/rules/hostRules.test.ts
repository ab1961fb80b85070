import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RuleAlerts } from '../../../../src/monitoring/rules/alertState';
import { parseThreshold, thresholdSamples } from '../../../../src/monitoring/rules/hostThreshold';
import { parseRuleFile, type AlertingRule } from '../../../../src/monitoring/rules/ruleFile';
import { HOST_SIGNALS } from '../../../../src/monitoring/signals/hostSignals';
import { sampleAt } from '../../../helpers/sample';

const MIN = 60_000;

/** The host rules shipped with Opsdeck. */
function shippedHostRule(alert: string): AlertingRule {
  const name = 'opsdeck-host.yml';
  const parsed = parseRuleFile(name, fs.readFileSync(path.resolve(__dirname, '../../../../resources/rules', name), 'utf8'));
  expect(parsed.problems).toEqual([]);
  expect(parsed.groups.map((g) => g.source)).toEqual(['host']);
  return parsed.groups[0]!.rules.find((r) => r.alert === alert)!;
}

const evalAt = (rule: AlertingRule, active: RuleAlerts, sample: ReturnType<typeof sampleAt>) =>
  active.evaluate(rule, thresholdSamples(rule.threshold!, HOST_SIGNALS[rule.threshold!.metric]!(sample)), sample.ts);

describe('host threshold rules', () => {
  it('holds memory pressure pending for two minutes, then fires, then resolves', () => {
    const rule = shippedHostRule('HostMemoryPressure');
    const active = new RuleAlerts();
    const t0 = 1_700_000_000_000;
    expect(evalAt(rule, active, sampleAt(t0)).transitions).toBe(false);

    expect(evalAt(rule, active, sampleAt(t0 + 5000, { memUsedPct: 95 })).transitions).toBe(true);
    expect([...active.values()]).toMatchObject([{ state: 'pending', activeAt: t0 + 5000 }]);
    expect(evalAt(rule, active, sampleAt(t0 + MIN, { memUsedPct: 96 })).transitions).toBe(false);

    evalAt(rule, active, sampleAt(t0 + 5000 + 2 * MIN, { memUsedPct: 96 }));
    expect([...active.values()]).toMatchObject([
      {
        state: 'firing',
        activeAt: t0 + 5000,
        value: expect.closeTo(96, 5),
        labels: { alertname: 'HostMemoryPressure', severity: 'warning', source: 'host' },
        annotations: { summary: 'Memory 96% used' },
      },
    ]);

    const resolved = evalAt(rule, active, sampleAt(t0 + 3 * MIN, { memUsedPct: 40 }));
    expect(resolved.updated).toMatchObject([{ state: 'resolved', resolvedAt: t0 + 3 * MIN }]);
    expect(active.size).toBe(0);
  });

  it('tracks each full disk as its own alert, labelled by mount', () => {
    const rule = shippedHostRule('HostDiskAlmostFull');
    const active = new RuleAlerts();
    const s = sampleAt(0, { diskUsedPct: 95 });
    s.disks.push({ ...s.disks[0]!, mount: '/data', device: '/dev/vdb', usedBytes: s.disks[0]!.totalBytes * 0.5 });
    evalAt(rule, active, s);
    evalAt(rule, active, { ...s, ts: MIN });
    expect([...active.values()].map((a) => [a.state, a.labels, a.annotations.summary])).toEqual([
      ['firing', { alertname: 'HostDiskAlmostFull', device: '/dev/vda', fstype: 'ext4', mount: '/', severity: 'critical', source: 'host' }, 'Disk / 95% full'],
    ]);
  });

  it('reads a threshold and refuses anything else, naming the metrics', () => {
    expect(parseThreshold('opsdeck_host_load1 >= 4.5')).toEqual({ metric: 'opsdeck_host_load1', op: '>=', value: 4.5 });
    expect(() => parseThreshold('rate(x[5m]) > 1')).toThrow('host rules compare one metric with a number');
    expect(() => parseThreshold('node_load1 > 1')).toThrow('unknown host metric "node_load1": use one of opsdeck_host_cpu_used_percent');
  });
});
