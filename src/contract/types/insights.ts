/** Forecasts and anomalies on host and Prometheus series. Times are epoch milliseconds. */

export const HOST_INSIGHT_METRICS = ['cpuPct', 'memUsedPct', 'netRxBps', 'netTxBps', 'diskUsedPct'] as const;
export type HostInsightMetric = (typeof HOST_INSIGHT_METRICS)[number];

/**
 * A series to analyse: one of Opsdeck's own host series (diskUsedPct per mount), or the series of a
 * PromQL query on a source whose labels equal `labels` (the first series when labels is empty).
 */
export type SeriesRef =
  | { kind: 'host'; metric: HostInsightMetric; mount?: string }
  | { kind: 'prometheus'; source: number; query: string; labels: Record<string, string> };

/** The node exporter series insights read on every connected Prometheus source, in percent. */
export const PROM_INSIGHT_QUERIES = {
  filesystemUsedPct: '100 * (1 - node_filesystem_avail_bytes{fstype!~"tmpfs|ramfs|overlay|squashfs|nsfs|fuse.*"} / node_filesystem_size_bytes)',
  memoryUsedPct: '100 * (1 - node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes)',
  nodeCpuPct: '100 * (1 - avg by (instance) (rate(node_cpu_seconds_total{mode="idle"}[5m])))',
} as const;

export interface InsightPoint {
  ts: number;
  value: number;
}

/** A 95% prediction band point. */
export interface ForecastPoint {
  ts: number;
  value: number;
  lower: number;
  upper: number;
}

/**
 * linear: least squares on (time, value), as PromQL's predict_linear; holt: double exponential
 * smoothing with alpha and beta chosen by the smallest one-step-ahead squared error on a grid.
 */
export type ForecastModel =
  /** intercept: the fit's value at the last point's time (predict_linear's value at t=0). */
  | { kind: 'linear'; slopePerHour: number; intercept: number; r2: number }
  | { kind: 'holt'; alpha: number; beta: number; level: number; trendPerHour: number };

export interface ModelFit {
  model: ForecastModel;
  /** In-sample residuals (linear) or one-step-ahead errors (holt), in the series' unit. */
  rmse: number;
  forecast: ForecastPoint[];
  /**
   * When the forecast moves across the threshold from the side the series is on now, with the
   * times its 95% band does (latest is the horizon's end when the band's far side stays short of it);
   * null when it does not within the horizon.
   */
  crossing: { at: number; earliest: number; latest: number } | null;
}

export interface Forecast {
  ref: SeriesRef;
  /** The series' name for people: "Disk / used", "node memory used (instance=...)". */
  label: string;
  unit: '%' | 'B/s' | '';
  points: InsightPoint[];
  threshold: number;
  horizonMs: number;
  linear: ModelFit | null;
  holt: ModelFit | null;
  /** The model with the smaller RMSE; null with too few points (fewer than 3). */
  chosen: 'linear' | 'holt' | null;
}

/** mad: the modified z-score of a rolling median and MAD exceeds 3.5; ewma: the point is outside the EWMA ±3σ band. */
export type AnomalyMethod = 'mad' | 'ewma';

export interface AnomalyPoint {
  ts: number;
  value: number;
  /** The modified z-score (signed). */
  score: number;
  methods: AnomalyMethod[];
  /** The rolling median and the EWMA band at that point, for drawing. */
  median: number;
  band: { lower: number; upper: number };
}

export interface AnomalyReport {
  ref: SeriesRef;
  label: string;
  unit: '%' | 'B/s' | '';
  points: InsightPoint[];
  anomalies: AnomalyPoint[];
}

export type InsightKind = 'forecast' | 'anomaly';

export interface Insight {
  /** Stable across recomputations of the same finding. */
  id: string;
  kind: InsightKind;
  ref: SeriesRef;
  /** "Disk / full in 9 h (±2 h)", "CPU spike to 97 % at 14:02". */
  text: string;
  /** 0..1: from the fit (R² for forecasts) or from how far past the limit an anomaly is (1 - 3.5/|z|). */
  confidence: number;
  /** Forecasts: when the threshold is crossed; anomalies: when the point was. */
  at: number;
}

export interface InsightsList {
  insights: Insight[];
  computedAt: number | null;
  /** Series that could not be read, in their source's words. */
  errors: string[];
}
