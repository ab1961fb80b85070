import { describe, expect, it } from 'vitest';
import { HostSampleStore, MAX_POINTS } from '../../../src/monitoring/hostSampleStore';
import { openDatabase } from '../../../src/store/database';
import { sampleAt } from '../../helpers/sample';
import { tempDir } from '../../helpers/tempDir';

const SEC = 1000;
const HOUR = 3600 * SEC;
const now = Date.UTC(2026, 10, 23, 12, 0, 0);

function filled(spanMs: number, everyMs = 5 * SEC) {
  const db = openDatabase(tempDir());
  const store = new HostSampleStore(db, 5 * SEC);
  db.transaction(() => {
    for (let ts = now - spanMs + everyMs; ts <= now; ts += everyMs) {
      store.insert(sampleAt(ts, { cpuPct: (ts / everyMs) % 2 === 0 ? 20 : 40 }));
    }
  })();
  return { db, store };
}

describe('host sample store', () => {
  it('serves 15 minutes at full 5 s resolution', () => {
    const { store } = filled(HOUR);
    const s = store.series('15m', now);
    expect(s.stepMs).toBe(5 * SEC);
    expect(s.points).toHaveLength(180);
    expect(s.points.at(-1)).toMatchObject({ ts: now, memUsedPct: 50, load1: 0.5, netRxBps: 300 });
  });

  it('averages 24 hours into at most the chart limit', () => {
    const { store } = filled(24 * HOUR);
    const s = store.series('24h', now);
    expect(s.points.length).toBeLessThanOrEqual(MAX_POINTS);
    expect(s.points.length).toBeGreaterThan(MAX_POINTS * 0.9);
    // alternating 20 % and 40 % samples: each 87 s step holds 17 or 18 of them
    for (const p of s.points.slice(1, -1)) {
      expect(p.cpuPct).toBeGreaterThan(29);
      expect(p.cpuPct).toBeLessThan(31);
    }
  });

  it('returns the latest sample whole', () => {
    const { store } = filled(HOUR);
    expect(store.latest()?.ts).toBe(now);
    expect(store.latest()?.disks[0]?.mount).toBe('/');
  });

  it('rolls finished five-minute buckets up, drops raw data after a day, and serves 7 days from rollups', () => {
    const { db, store } = filled(26 * HOUR, 30 * SEC);
    store.compact(now);
    const oldest = db.prepare('SELECT min(ts) AS ts FROM host_samples').get() as { ts: number };
    expect(oldest.ts).toBeGreaterThanOrEqual(now - 24 * HOUR);
    const rollups = db.prepare('SELECT count(*) AS n, sum(samples) AS samples FROM host_samples_5m').get() as {
      n: number;
      samples: number;
    };
    expect(rollups.n).toBe(26 * 12); // every finished bucket of the 26 hours
    expect(rollups.samples).toBe(26 * 12 * 10 - 1); // the series starts one sample into its first bucket
    const week = store.series('7d', now);
    expect(week.stepMs).toBeGreaterThanOrEqual(5 * 60 * SEC);
    expect(week.points.length).toBeGreaterThan(0);
    for (const p of week.points.slice(1)) expect(p.cpuPct).toBeCloseTo(30, 5);
  });
});
