/** Service level objectives computed on a Prometheus source. Times are epoch milliseconds. */

/**
 * ratio: good and total are PromQL expressions in which `$window` stands for the range
 * (e.g. sum(rate(http_requests_total{code!~"5.."}[$window]))); each is written with a Prometheus
 * duration (5m, 1h, 30d) in its place. latency: good = requests in the histogram bucket
 * le=thresholdSeconds, total = all requests (the histogram's _count).
 */
export type SloSpec =
  | { type: 'ratio'; good: string; total: string }
  | {
      type: 'latency';
      /** The histogram's base name: http_request_duration_seconds reads _bucket and _count. */
      metric: string;
      /** Label matchers without braces (job="api", route!="/health"); empty for all series. */
      selector: string;
      /** Must be one of the histogram's bucket bounds (its le label). */
      thresholdSeconds: number;
    };

export interface SloDefinition {
  /** Letters, digits, ".", "_" and "-"; the slo label of its alerts. */
  name: string;
  /** The Prometheus source's id. */
  source: number;
  spec: SloSpec;
  /** Percent of good events, 0 < target < 100 (99.9). */
  target: number;
  /** The compliance window as a Prometheus duration, 1h..90d (30d). */
  window: string;
  description: string;
}

/** The SRE workbook's multi-window, multi-burn-rate alerts: both windows must burn faster than factor. */
export interface BurnRateAlertSpec {
  severity: 'page' | 'ticket';
  longWindow: string;
  shortWindow: string;
  factor: number;
  alert: string;
}

export const SLO_BURN_ALERTS: readonly BurnRateAlertSpec[] = [
  { severity: 'page', longWindow: '1h', shortWindow: '5m', factor: 14.4, alert: 'SloBurnRate1h5m' },
  { severity: 'page', longWindow: '6h', shortWindow: '30m', factor: 6, alert: 'SloBurnRate6h30m' },
  { severity: 'ticket', longWindow: '3d', shortWindow: '6h', factor: 1, alert: 'SloBurnRate3d6h' },
];

/** The windows whose burn rate slo.list reports. */
export const SLO_BURN_WINDOWS = ['5m', '30m', '1h', '6h', '3d'] as const;
export type SloBurnWindow = (typeof SLO_BURN_WINDOWS)[number];

/**
 * ok; warning: a burn-rate alert's condition holds (both its windows); breached: the SLI over
 * the whole window is below target (no budget left); unknown: not computed (no data, or the
 * source failed: error says why).
 */
export type SloState = 'ok' | 'warning' | 'breached' | 'unknown';

export interface SloStatus {
  definition: SloDefinition;
  sourceName: string | null;
  /** Good / total over the window, 0..1; null without data. */
  sli: number | null;
  budget: {
    /** 1 - target/100: the fraction of events allowed to be bad. */
    allowedFraction: number;
    /** The window's length times allowedFraction. */
    totalMs: number;
    /** 1 - consumed; negative once overspent; null without data. */
    remainingFraction: number | null;
    remainingMs: number | null;
  };
  /** (1 - SLI over that window) / allowedFraction; null where Prometheus has no data for it. */
  burnRates: Record<SloBurnWindow, number | null>;
  /** The burn-rate alerts whose condition holds now. */
  burning: BurnRateAlertSpec[];
  state: SloState;
  /** Prometheus's or the network's words when the numbers could not be computed. */
  error: string | null;
  /** The generated rule file (read-only, in the rules list) and the source it is evaluated on. */
  alerting: { ruleFile: string; note: string | null };
  computedAt: number;
}

export interface SloSeriesPoint {
  ts: number;
  value: number | null;
}

/** Series hold the steps Prometheus has data for; steps without data are left out. */
export interface SloDetail extends SloStatus {
  range: { start: number; end: number; stepMs: number };
  /** The burn rate over burnWindow at each step. */
  burnWindow: SloBurnWindow;
  burnRate: SloSeriesPoint[];
  /** The SLI over burnWindow at each step. */
  sliSeries: SloSeriesPoint[];
  /** For latency SLOs: histogram_quantile 0.95 and 0.99 in seconds; empty for ratio SLOs. */
  latency: { p95: SloSeriesPoint[]; p99: SloSeriesPoint[] };
  /** The PromQL behind each number, for the Prometheus explorer. */
  queries: { good: string; total: string; burnRate: string; p95: string | null; p99: string | null };
}

export interface SloList {
  slos: SloStatus[];
  /** The definitions' file. */
  path: string;
  /** How to get SLOs computed, when no Prometheus source exists. */
  hint: string | null;
}
