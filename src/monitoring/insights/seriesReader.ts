import type { HostInsightMetric, InsightPoint, SeriesRef } from '../../contract';
import { OpsdeckError, SERIES_RANGES } from '../../contract';
import { RANGE_MS, type HostSampleStore } from '../hostSampleStore';
import type { PrometheusSources } from '../prometheus/prometheusSources';
import { checkRange } from '../prometheus/queries';
import { finite, millis, seriesName } from '../prometheus/results';
import { humanSpan } from './insightText';

export interface ReadSeries {
  label: string;
  unit: '%' | 'B/s' | '';
  points: InsightPoint[];
}

export interface PromSeriesPoints {
  metric: Record<string, string>;
  points: InsightPoint[];
}

/** Points a series is read in at most. */
const MAX_POINTS = 500;
const MIN_PROM_STEP_MS = 15_000;
const MIN_DISK_STEP_MS = 5_000;

const HOST_LABELS: Record<Exclude<HostInsightMetric, 'diskUsedPct'>, { label: string; unit: ReadSeries['unit'] }> = {
  cpuPct: { label: 'CPU', unit: '%' },
  memUsedPct: { label: 'Memory used', unit: '%' },
  netRxBps: { label: 'Network in', unit: 'B/s' },
  netTxBps: { label: 'Network out', unit: 'B/s' },
};

const stepFor = (lookbackMs: number, minMs: number) => Math.max(minMs, Math.ceil(lookbackMs / MAX_POINTS / 1000) * 1000);

/** The series insights are computed on: Opsdeck's host samples and Prometheus range queries. */
export class SeriesReader {
  constructor(
    private readonly samples: HostSampleStore,
    private readonly prometheus: PrometheusSources,
    private readonly timeoutMs = 30_000,
  ) {}

  async read(ref: SeriesRef, lookbackMs: number, now = Date.now()): Promise<ReadSeries> {
    if (ref.kind === 'host') return this.host(ref.metric, ref.mount, lookbackMs, now);
    const all = await this.prometheusSeries(ref.source, ref.query, lookbackMs, now);
    const wanted = Object.entries(ref.labels);
    const found = all.find((s) => wanted.every(([k, v]) => s.metric[k] === v));
    if (!found) throw new OpsdeckError('NOT_FOUND', `${ref.query} has no series${wanted.length ? ` with ${seriesName(ref.labels)}` : ''} in the last ${humanSpan(lookbackMs)}.`);
    return { label: seriesName(found.metric), unit: '', points: found.points };
  }

  host(metric: HostInsightMetric, mount: string | undefined, lookbackMs: number, now = Date.now()): ReadSeries {
    const from = now - lookbackMs;
    if (metric === 'diskUsedPct') {
      if (!mount) throw new OpsdeckError('BAD_REQUEST', 'mount: required for diskUsedPct (the disk\'s mount point, e.g. /).');
      return { label: `Disk ${mount} used`, unit: '%', points: this.samples.diskUsedSeries(mount, from, now, stepFor(lookbackMs, MIN_DISK_STEP_MS)) };
    }
    const range = SERIES_RANGES.find((r) => RANGE_MS[r] >= lookbackMs) ?? '7d';
    const points = this.samples
      .series(range, now)
      .points.filter((p) => p.ts > from && p[metric] !== null)
      .map((p) => ({ ts: p.ts, value: p[metric]! }));
    return { ...HOST_LABELS[metric], points };
  }

  /** Every series of a range query over the lookback; NaN and infinite samples are left out. */
  prometheusSeries(source: number, query: string, lookbackMs: number, now = Date.now()): Promise<PromSeriesPoints[]> {
    const stepMs = stepFor(lookbackMs, MIN_PROM_STEP_MS);
    const start = now - lookbackMs;
    checkRange(start, now, stepMs);
    return this.prometheus.withSource(source, async (client) => {
      const { data } = await client.queryRange(query, start, now, stepMs, { timeoutMs: this.timeoutMs });
      if (data.resultType !== 'matrix') throw new OpsdeckError('BAD_REQUEST', `${query} returns a ${data.resultType}, not series.`);
      return data.result.map((r) => ({
        metric: r.metric ?? {},
        points: (r.values ?? []).flatMap(([ts, text]) => {
          const value = finite(text);
          return value === null ? [] : [{ ts: millis(ts), value }];
        }),
      }));
    });
  }
}
