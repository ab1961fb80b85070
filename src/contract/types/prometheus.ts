/** Prometheus-compatible sources and query results that cross the contract. Times are epoch milliseconds. */

/**
 * A source's connection, from its /api/v1/status/buildinfo: unreachable (refused, DNS, TLS,
 * timeout), unauthorized (401 or 403) and error (any other answer) carry the message and are
 * checked again with backoff.
 */
export type PromSourceState = 'connecting' | 'connected' | 'unreachable' | 'unauthorized' | 'error';

export type PromAuthKind = 'none' | 'basic' | 'bearer';

export interface PromSourceInfo {
  id: number;
  name: string;
  /** The server's base URL, path prefix included (https://example.org/prometheus). */
  url: string;
  auth: PromAuthKind;
  /** The basic-auth user; the password and bearer tokens stay in the OS keychain. */
  username: string | null;
  state: PromSourceState;
  /** The server's or the network's words for every state but connected. */
  message: string | null;
  /** From buildinfo; null until connected (and for servers that do not implement it). */
  version: string | null;
  lastCheckedAt: number | null;
  nextCheckAt: number | null;
}

export interface PromSources {
  sources: PromSourceInfo[];
  /** How to add a source, when there is none. */
  hint: string | null;
}

/** What a connection test found, without saving anything. */
export interface PromConnectionTest {
  state: Exclude<PromSourceState, 'connecting'>;
  message: string | null;
  version: string | null;
}

/** Prometheus refuses range queries above 11,000 points per series; so does Opsdeck, before asking. */
export const PROM_MAX_POINTS_PER_SERIES = 11_000;
/** Series a query result carries at most; the rest are counted in totalSeries. */
export const PROM_MAX_RESULT_SERIES = 2_000;
/** Series, label names or label values a lookup returns at most. */
export const PROM_MAX_LOOKUP = 10_000;

/**
 * One value. Prometheus sends numbers as text; NaN and ±Inf have no JSON number, so value is
 * null for them and text keeps Prometheus's own spelling for tables.
 */
export interface PromSample {
  ts: number;
  value: number | null;
  text: string;
}

/** [ts, value] with value null where the sample is NaN or ±Inf (a gap in a chart). */
export type PromPoint = [number, number | null];

export interface PromSeriesLabels {
  metric: Record<string, string>;
  /** The series as PromQL spells it, for legends: name{label="value", ...}. */
  name: string;
}

export interface PromVectorRow extends PromSeriesLabels {
  sample: PromSample;
}

export interface PromMatrixSeries extends PromSeriesLabels {
  points: PromPoint[];
}

export type PromData =
  | { resultType: 'vector'; series: PromVectorRow[] }
  | { resultType: 'matrix'; series: PromMatrixSeries[] }
  | { resultType: 'scalar'; sample: PromSample }
  | { resultType: 'string'; ts: number; value: string };

export interface PromQueryResult {
  source: number;
  query: string;
  data: PromData;
  /** Series in Prometheus's answer; more than data carries when truncated. */
  totalSeries: number;
  truncated: boolean;
  /** Prometheus's warnings (e.g. from a partial remote read). */
  warnings: string[];
}

export interface PromRangeResult extends PromQueryResult {
  start: number;
  end: number;
  stepMs: number;
}

export interface PromSeriesList {
  series: Record<string, string>[];
  truncated: boolean;
}

export interface PromNames {
  names: string[];
  truncated: boolean;
}
