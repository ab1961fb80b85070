import { describe, expect, it } from 'vitest';
import {
  appendSample,
  capPoints,
  fromHostSeries,
  MAX_POINTS,
  sampleToPoint,
  type LiveSeries,
} from '../../../renderer/src/views/overview/liveSeries';
import { GIB, point, sample, series } from './helpers/fixtures';

const NOW = 1_700_000_900_000;

describe('sampleToPoint', () => {
  it('reduces a sample the way the host stores it', () => {
    const p = sampleToPoint(
      sample(NOW, {
        memory: { totalBytes: 4 * GIB, usedBytes: GIB, availableBytes: 3 * GIB, swapTotalBytes: 2 * GIB, swapUsedBytes: GIB },
        load: [1.5, 1, 0.5],
      }),
    );
    expect(p).toEqual({
      ts: NOW,
      cpuPct: 12.5,
      memUsedPct: 25,
      swapUsedPct: 50,
      load1: 1.5,
      diskReadBps: 2048,
      diskWriteBps: 1024 * 1024,
      netRxBps: 512,
      netTxBps: 4096,
    });
  });

  it('keeps unmeasured rates as null and empty swap as 0%', () => {
    const p = sampleToPoint(
      sample(NOW, {
        diskIo: null,
        network: null,
        memory: { totalBytes: GIB, usedBytes: 0, availableBytes: GIB, swapTotalBytes: 0, swapUsedBytes: 0 },
      }),
    );
    expect(p.diskReadBps).toBeNull();
    expect(p.netTxBps).toBeNull();
    expect(p.swapUsedPct).toBe(0);
  });
});

describe('appendSample', () => {
  const base = (): LiveSeries => fromHostSeries(series('15m', NOW, 3), 5000);

  it('appends a newer sample as its own point at fine steps', () => {
    const next = appendSample(base(), sample(NOW + 5000), 5000);
    expect(next.points).toHaveLength(4);
    expect(next.points.at(-1)?.ts).toBe(NOW + 5000);
    expect(next.to).toBe(NOW + 5000);
  });

  it('ignores samples the host series already covers', () => {
    const s = base();
    expect(appendSample(s, sample(NOW), 5000)).toBe(s);
    expect(appendSample(s, sample(NOW - 1), 5000)).toBe(s);
  });

  it('drops points whose step slid out of the range', () => {
    const s = base(); // 15 minutes wide; points at NOW-15s, NOW-10s, NOW-5s
    const later = NOW + 15 * 60_000 - 6000; // the window now starts at NOW-6s
    const next = appendSample(s, sample(later), 5000);
    // NOW-10s still overlaps the window by its 5 s step, as the host's own grouping would keep it.
    expect(next.points.map((p) => p.ts)).toEqual([NOW - 10_000, NOW - 5000, later]);
  });

  it('averages samples that share a coarse step', () => {
    const step = 60_000;
    const start = Math.floor(NOW / step) * step;
    const coarse: LiveSeries = { range: '6h', stepMs: step, spanMs: 6 * 3600_000, to: start + 1000, points: [point(start, 10)], lastWeight: 1 };
    const next = appendSample(coarse, sample(start + 5000, { cpu: { totalPct: 30, perCorePct: [] } }), 5000);
    expect(next.points).toHaveLength(1);
    expect(next.points[0]?.cpuPct).toBe(20);
    expect(next.lastWeight).toBe(2);

    const third = appendSample(next, sample(start + 10_000, { cpu: { totalPct: 50, perCorePct: [] } }), 5000);
    expect(third.points[0]?.cpuPct).toBe(30);

    const newStep = appendSample(third, sample(start + step + 1, { cpu: { totalPct: 70, perCorePct: [] } }), 5000);
    expect(newStep.points.map((p) => [p.ts, p.cpuPct])).toEqual([
      [start, 30],
      [start + step, 70],
    ]);
    expect(newStep.lastWeight).toBe(1);
  });

  it('averages nullable rates like SQL avg, ignoring nulls', () => {
    const step = 60_000;
    const start = Math.floor(NOW / step) * step;
    const coarse: LiveSeries = {
      range: '6h',
      stepMs: step,
      spanMs: 6 * 3600_000,
      to: start,
      points: [{ ...point(start), diskReadBps: null }],
      lastWeight: 1,
    };
    const next = appendSample(coarse, sample(start + 5000), 5000);
    expect(next.points[0]?.diskReadBps).toBe(2048);
  });
});

describe('fromHostSeries', () => {
  it('estimates how many samples the newest step holds from the time it covers', () => {
    const s = { range: '6h' as const, stepMs: 22_000, from: NOW - 6 * 3600_000, to: NOW, points: [point(NOW - 15_000)] };
    const live = fromHostSeries(s, 5000);
    expect(live.lastWeight).toBe(3);
    expect(live.spanMs).toBe(6 * 3600_000);
  });
});

describe('capPoints', () => {
  it('keeps the newest points up to the cap', () => {
    const many = Array.from({ length: MAX_POINTS + 5 }, (_, i) => point(i));
    const capped = capPoints(many);
    expect(capped).toHaveLength(MAX_POINTS);
    expect(capped[0]?.ts).toBe(5);
    expect(capPoints(many.slice(0, 10))).toHaveLength(10);
  });
});
