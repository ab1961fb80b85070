import { describe, expect, it } from 'vitest';
import { HostHealth } from '../../../src/monitoring/hostHealth';
import { sampleAt } from '../../helpers/sample';

const MIN = 60_000;

describe('host health checks', () => {
  it('holds memory pressure pending for two minutes, then fires, then resolves', () => {
    const health = new HostHealth();
    const t0 = 1_700_000_000_000;
    expect(health.evaluate(sampleAt(t0))).toBeNull();

    const pending = health.evaluate(sampleAt(t0 + 5000, { memUsedPct: 95 }));
    expect(pending?.pending.map((a) => a.rule)).toEqual(['HostMemoryPressure']);
    expect(pending?.firing).toEqual([]);

    // still pending and unchanged: no event
    expect(health.evaluate(sampleAt(t0 + MIN, { memUsedPct: 96 }))).toBeNull();

    const firing = health.evaluate(sampleAt(t0 + 5000 + 2 * MIN, { memUsedPct: 96 }));
    expect(firing?.firing).toHaveLength(1);
    expect(firing?.firing[0]).toMatchObject({
      id: 'HostMemoryPressure',
      severity: 'warning',
      state: 'firing',
      activeSince: t0 + 5000,
      value: 96,
      labels: { source: 'host' },
    });

    const resolved = health.evaluate(sampleAt(t0 + 3 * MIN, { memUsedPct: 40 }));
    expect(resolved).toMatchObject({ firing: [], pending: [] });
  });

  it('tracks each full disk as its own alert, labelled by mount', () => {
    const health = new HostHealth();
    const s = sampleAt(0, { diskUsedPct: 95 });
    s.disks.push({ ...s.disks[0]!, mount: '/data', device: '/dev/vdb', usedBytes: s.disks[0]!.totalBytes * 0.5 });
    health.evaluate(s);
    const later = health.evaluate({ ...s, ts: MIN });
    expect(later?.firing.map((a) => a.id)).toEqual(['HostDiskAlmostFull:mount=/']);
    expect(later?.firing[0]?.summary).toBe('Disk / 95% full');
  });
});
