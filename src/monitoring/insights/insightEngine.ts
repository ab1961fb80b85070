import type { HostSample, Insight, InsightsList, SeriesRef } from '../../contract';
import { PROM_INSIGHT_QUERIES } from '../../contract';
import { detectAnomalies } from '../anomaly/detect';
import { MODIFIED_Z_LIMIT } from '../anomaly/robust';
import { forecastSeries } from '../forecast/forecast';
import type { PrometheusSources } from '../prometheus/prometheusSources';
import { seriesName } from '../prometheus/results';
import { humanSpan, humanValue } from './insightText';
import type { ReadSeries, SeriesReader } from './seriesReader';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface InsightEngineOptions {
  reader: SeriesReader;
  prometheus: PrometheusSources;
  /** The host's latest sample, for the mounts to forecast. */
  latest: () => HostSample | null;
  onChange: (list: InsightsList) => void;
  log: (message: string) => void;
  /** How often the insights are recomputed; 5 minutes unless asked otherwise. */
  intervalMs?: number;
}

/** What a forecast looks for: the series, the threshold and how its crossing is said. */
interface ForecastTarget {
  ref: SeriesRef;
  threshold: number;
  /** "Disk / full", "Memory above 95 %". */
  what: string;
}

const FORECAST_LOOKBACK_MS = 24 * HOUR;
export const FORECAST_HORIZON_MS = 7 * 24 * HOUR;
const ANOMALY_LOOKBACK_MS = 6 * HOUR;
/** Anomalies older than this are no longer news. */
export const RECENT_ANOMALY_MS = HOUR;
const MEMORY_THRESHOLD_PCT = 95;
/** Series per Prometheus query an insight run looks at, at most. */
const MAX_PROM_SERIES = 20;


const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));
const refKey = (ref: SeriesRef) => JSON.stringify(ref);
const sameInsights = (a: InsightsList, b: InsightsList) => JSON.stringify([a.insights, a.errors]) === JSON.stringify([b.insights, b.errors]);

/** Forecasts that cross their threshold soon and recent anomalies, recomputed on an interval. */
export class InsightEngine {
  private current: InsightsList = { insights: [], computedAt: null, errors: [] };
  private running: Promise<InsightsList> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: InsightEngineOptions) {}

  start(): void {
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.options.intervalMs ?? 5 * MINUTE);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** The last computed list; the first call waits for the first computation. */
  async list(): Promise<InsightsList> {
    if (this.current.computedAt === null) return this.refresh();
    return this.current;
  }

  /** Computes the insights once (joining a computation under way) and announces a changed list. */
  refresh(): Promise<InsightsList> {
    this.running ??= this.compute()
      .catch((err: unknown) => {
        this.options.log(`insights: computing failed: ${errorText(err)}`);
        return { ...this.current, computedAt: Date.now(), errors: [errorText(err)] };
      })
      .then((next) => {
        const changed = !sameInsights(next, this.current);
        this.current = next;
        if (changed) this.options.onChange(next);
        return next;
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private async compute(): Promise<InsightsList> {
    const now = Date.now();
    const errors: string[] = [];
    const forecasts: Insight[] = [];
    const anomalies: Insight[] = [];
    const forecast = (target: ForecastTarget, series: ReadSeries) => {
      const insight = forecastInsight(target, series, now);
      if (insight) forecasts.push(insight);
    };
    const scan = (ref: SeriesRef, series: ReadSeries) => anomalies.push(...anomalyInsights(ref, series, now));

    const sample = this.options.latest();
    const hostTargets: ForecastTarget[] = [
      { ref: { kind: 'host', metric: 'memUsedPct' }, threshold: MEMORY_THRESHOLD_PCT, what: `Memory above ${MEMORY_THRESHOLD_PCT} %` },
      ...(sample?.disks ?? []).map((d): ForecastTarget => ({ ref: { kind: 'host', metric: 'diskUsedPct', mount: d.mount }, threshold: 100, what: `Disk ${d.mount} full` })),
    ];
    for (const target of hostTargets) {
      const { metric, mount } = target.ref as Extract<SeriesRef, { kind: 'host' }>;
      forecast(target, this.options.reader.host(metric, mount, FORECAST_LOOKBACK_MS, now));
    }
    for (const metric of ['cpuPct', 'memUsedPct', 'netRxBps', 'netTxBps'] as const) {
      const ref: SeriesRef = { kind: 'host', metric };
      scan(ref, this.options.reader.host(metric, undefined, ANOMALY_LOOKBACK_MS, now));
    }

    const connected = this.options.prometheus.sources().sources.filter((s) => s.state === 'connected');
    for (const source of connected) {
      const each = async (query: string, lookbackMs: number, use: (ref: SeriesRef, series: ReadSeries, metric: Record<string, string>) => void) => {
        try {
          const all = await this.options.reader.prometheusSeries(source.id, query, lookbackMs, now);
          for (const { metric, points } of all.slice(0, MAX_PROM_SERIES)) {
            use({ kind: 'prometheus', source: source.id, query, labels: metric }, { label: seriesName(metric), unit: '%', points }, metric);
          }
        } catch (err) {
          errors.push(`Source "${source.name}": ${query}: ${errorText(err)}`);
        }
      };
      const on = (metric: Record<string, string>) => `${metric.instance ?? seriesName(metric)} (${source.name})`;
      await each(PROM_INSIGHT_QUERIES.filesystemUsedPct, FORECAST_LOOKBACK_MS, (ref, series, metric) =>
        forecast({ ref, threshold: 100, what: `Disk ${metric.mountpoint ?? '?'} on ${on(metric)} full` }, series),
      );
      await each(PROM_INSIGHT_QUERIES.memoryUsedPct, FORECAST_LOOKBACK_MS, (ref, series, metric) =>
        forecast({ ref, threshold: MEMORY_THRESHOLD_PCT, what: `Memory on ${on(metric)} above ${MEMORY_THRESHOLD_PCT} %` }, series),
      );
      await each(PROM_INSIGHT_QUERIES.nodeCpuPct, ANOMALY_LOOKBACK_MS, (ref, series, metric) => scan(ref, { ...series, label: `CPU on ${on(metric)}` }));
    }

    forecasts.sort((a, b) => a.at - b.at);
    anomalies.sort((a, b) => b.at - a.at);
    return { insights: [...forecasts, ...anomalies], computedAt: now, errors };
  }
}

/** An insight when the chosen model reaches the threshold within the horizon. */
export function forecastInsight(target: ForecastTarget, series: ReadSeries, now: number): Insight | null {
  const result = forecastSeries(series.points, FORECAST_HORIZON_MS, target.threshold);
  const fit = result.chosen === 'linear' ? result.linear : result.chosen === 'holt' ? result.holt : null;
  const crossing = fit?.crossing;
  if (!crossing) return null;
  const spread = Math.max(crossing.at - crossing.earliest, crossing.latest - crossing.at);
  return {
    id: `forecast:${refKey(target.ref)}`,
    kind: 'forecast',
    ref: target.ref,
    text: `${target.what} in ${humanSpan(crossing.at - now)} (±${humanSpan(spread)})`,
    confidence: result.quality,
    at: crossing.at,
  };
}

/** The series' robust (MAD) anomalies of the last hour. */
export function anomalyInsights(ref: SeriesRef, series: ReadSeries, now: number): Insight[] {
  return detectAnomalies(series.points)
    .filter((a) => a.methods.includes('mad') && a.ts > now - RECENT_ANOMALY_MS)
    .map((a) => ({
      id: `anomaly:${refKey(ref)}:${a.ts}`,
      kind: 'anomaly' as const,
      ref,
      text: `${series.label} ${a.value > a.median ? 'spike' : 'drop'} to ${humanValue(a.value, series.unit)} (usually ${humanValue(a.median, series.unit)})`,
      confidence: Math.max(0, 1 - MODIFIED_Z_LIMIT / Math.abs(a.score)),
      at: a.ts,
    }));
}
