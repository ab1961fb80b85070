import type { HostSample, HostSeries, SeriesPoint, SeriesRange } from '@contract';

/** A chart never draws more points than the host would send for one range. */
export const MAX_POINTS = 1000;

/** A host series that keeps growing with live samples while its range ends at now. */
export interface LiveSeries {
  range: SeriesRange;
  stepMs: number;
  spanMs: number;
  /** The window's right edge: the host's time of the query, then each live sample's. */
  to: number;
  points: SeriesPoint[];
  /** How many samples the last point averages, so the next sample in its step weighs in fairly. */
  lastWeight: number;
}

const pct = (part: number, whole: number) => (whole > 0 ? (part / whole) * 100 : 0);

/** The same reduction the host applies before storing a sample. */
export function sampleToPoint(s: HostSample): SeriesPoint {
  return {
    ts: s.ts,
    cpuPct: s.cpu.totalPct,
    memUsedPct: pct(s.memory.usedBytes, s.memory.totalBytes),
    swapUsedPct: pct(s.memory.swapUsedBytes, s.memory.swapTotalBytes),
    load1: s.load[0],
    diskReadBps: s.diskIo?.readBps ?? null,
    diskWriteBps: s.diskIo?.writeBps ?? null,
    netRxBps: s.network?.rxBps ?? null,
    netTxBps: s.network?.txBps ?? null,
  };
}

export const capPoints = (points: SeriesPoint[], max = MAX_POINTS): SeriesPoint[] =>
  points.length > max ? points.slice(points.length - max) : points;

const stepStart = (ts: number, stepMs: number) => Math.floor(ts / stepMs) * stepMs;

export function fromHostSeries(series: HostSeries, sampleIntervalMs: number | null): LiveSeries {
  const last = series.points.at(-1);
  // The host does not say how many samples its newest step holds; the time that step covers so far is a close estimate.
  const covered = last ? Math.min(series.to, last.ts + series.stepMs) - last.ts : 0;
  const lastWeight = sampleIntervalMs ? Math.max(1, Math.round(covered / sampleIntervalMs)) : 1;
  return {
    range: series.range,
    stepMs: series.stepMs,
    spanMs: series.to - series.from,
    to: series.to,
    points: capPoints(series.points),
    lastWeight,
  };
}

/** Weighted mean where null means "not measured", as SQL avg() treats it. */
function mean(a: number | null, weight: number, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return (a * weight + b) / (weight + 1);
}

function mergeInto(p: SeriesPoint, weight: number, q: SeriesPoint): SeriesPoint {
  const m = (a: number, b: number) => (a * weight + b) / (weight + 1);
  return {
    ts: p.ts,
    cpuPct: m(p.cpuPct, q.cpuPct),
    memUsedPct: m(p.memUsedPct, q.memUsedPct),
    swapUsedPct: m(p.swapUsedPct, q.swapUsedPct),
    load1: m(p.load1, q.load1),
    diskReadBps: mean(p.diskReadBps, weight, q.diskReadBps),
    diskWriteBps: mean(p.diskWriteBps, weight, q.diskWriteBps),
    netRxBps: mean(p.netRxBps, weight, q.netRxBps),
    netTxBps: mean(p.netTxBps, weight, q.netTxBps),
  };
}

/**
 * Adds a live sample. Where a step spans several samples (6 h and longer) the
 * sample is averaged into its step as the host does; otherwise it is its own point.
 * Points that slid out of the range are dropped.
 */
export function appendSample(series: LiveSeries, sample: HostSample, sampleIntervalMs: number | null): LiveSeries {
  if (sample.ts <= series.to) return series; // already part of what the host sent
  const point = sampleToPoint(sample);
  const last = series.points.at(-1);
  const coarse = sampleIntervalMs !== null && series.stepMs > sampleIntervalMs;
  const step = stepStart(sample.ts, series.stepMs);

  let points: SeriesPoint[];
  let lastWeight = 1;
  if (coarse && last && stepStart(last.ts, series.stepMs) === step) {
    points = [...series.points.slice(0, -1), mergeInto(last, series.lastWeight, point)];
    lastWeight = series.lastWeight + 1;
  } else {
    points = [...series.points, coarse ? { ...point, ts: step } : point];
  }

  const from = sample.ts - series.spanMs;
  return {
    ...series,
    to: sample.ts,
    points: capPoints(points.filter((p) => p.ts + series.stepMs > from)),
    lastWeight,
  };
}
