/** Cloud billing (FOCUS), breakdowns, forecasts and budgets. Days are UTC calendar days, YYYY-MM-DD. */

export const COST_DIMENSIONS = ['provider', 'service', 'serviceCategory', 'account', 'region', 'chargeCategory', 'tag'] as const;
export type CostDimension = (typeof COST_DIMENSIONS)[number];

/** Which FOCUS cost column a figure sums; EffectiveCost (after discounts and commitments) unless asked. */
export const COST_METRICS = ['effective', 'billed', 'list'] as const;
export type CostMetric = (typeof COST_METRICS)[number];

export const BILLING_FORMATS = ['csv', 'csv.gz', 'parquet'] as const;
export type BillingFormat = (typeof BILLING_FORMATS)[number];

/** One problem in a billing file, located by file line (CSV, header is line 1) or data row (Parquet, from 1). */
export interface BillingFileProblem {
  line?: number;
  row?: number;
  column?: string;
  message: string;
}

/** One file Opsdeck read (or tried to): the import registry. */
export interface BillingImport {
  id: number;
  path: string;
  format: BillingFormat;
  /** SHA-256 of the file's bytes: the same content is never counted twice. */
  sha256: string;
  bytes: number;
  status: 'running' | 'ok' | 'failed';
  rows: number;
  firstDay: string | null;
  lastDay: string | null;
  /** 'manual' for cost.import, 'watch' for the watched folder. */
  origin: 'manual' | 'watch';
  startedAt: number;
  durationMs: number | null;
  error: string | null;
  problems: BillingFileProblem[];
}

/** What cost.import did with the file. */
export interface BillingImportOutcome {
  /**
   * imported: new rows; replaced: the rows of an earlier import of the same path (other content) were
   * swapped for these; skipped: a file with the same content was imported already (nothing changed).
   */
  action: 'imported' | 'replaced' | 'skipped';
  import: BillingImport;
}

export interface BillingImportProgress {
  importId: number;
  path: string;
  phase: 'hashing' | 'reading' | 'done' | 'failed';
  /** 0..100 while known. */
  percent: number | null;
  rowsDone: number | null;
}

export interface BillingStatus {
  /** True once billing rows exist. */
  connected: boolean;
  rows: number;
  currencies: string[];
  firstDay: string | null;
  lastDay: string | null;
  watchDir: string;
  imports: BillingImport[];
}

export interface CostQuery {
  from: string;
  to: string;
  metric: CostMetric;
  currency?: string;
}

export interface BreakdownRow {
  /** null: the column is empty in the data ("not set"). */
  key: string | null;
  cost: number;
  /** The same dimension value over the previous period of equal length. */
  previous: number;
  rows: number;
}

export interface CostBreakdown {
  dimension: CostDimension;
  tagKey: string | null;
  currency: string;
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
  total: number;
  previousTotal: number;
  rows: BreakdownRow[];
}

/** Daily cost stacked by the top values of a dimension; the rest are summed under "Other". */
export interface CostTrend {
  dimension: CostDimension;
  tagKey: string | null;
  currency: string;
  keys: string[];
  days: { day: string; total: number; values: Record<string, number> }[];
}

/**
 * Month-end forecast from the daily run rate: mean m and sample standard deviation s of the n days of
 * the month so far; forecast = month to date + r·m for the r days left; the 95 % prediction interval
 * is ± t(0.975, n−1)·s·√(r + r²/n) (the spread of r new days plus the error in m).
 */
export interface CostForecast {
  value: number;
  low: number;
  high: number;
  daysElapsed: number;
  daysRemaining: number;
  dailyMean: number;
  dailyStdDev: number;
}

/** The month of the latest billing day ("as of"), against the same days of the month before. */
export interface CostPeriod {
  currency: string;
  asOf: string;
  monthStart: string;
  monthEnd: string;
  monthToDate: number;
  previousFrom: string;
  previousTo: string;
  previousPeriodToDate: number;
  /** null while fewer than two days of the month have data. */
  forecast: CostForecast | null;
  daily: { day: string; cost: number }[];
}

export const BUDGET_PERIODS = ['monthly', 'quarterly', 'yearly'] as const;
export type BudgetPeriod = (typeof BUDGET_PERIODS)[number];

/**
 * What a budget counts. namespace: billing rows whose Tags carry the namespace under one of the keys
 * k8s-namespace, kubernetes-namespace, namespace (in that order).
 */
export type BudgetScope =
  | { kind: 'all' }
  | { kind: 'provider'; value: string }
  | { kind: 'service'; value: string }
  | { kind: 'tag'; key: string; value: string }
  | { kind: 'namespace'; value: string };

export interface BudgetDefinition {
  id: string;
  name: string;
  amount: number;
  period: BudgetPeriod;
  scope: BudgetScope;
  /** Percent of the amount; an alert fires once per threshold per period. */
  actualThresholds: number[];
  forecastThresholds: number[];
}

export interface BudgetStatus extends BudgetDefinition {
  currency: string;
  periodKey: string;
  periodStart: string;
  periodEnd: string;
  actual: number;
  forecast: number | null;
  /** Thresholds already crossed this period, e.g. "actual 80", "forecast 100". */
  crossed: string[];
}

/** The Overview's cost tile. */
export interface CostSummary {
  connected: boolean;
  hint?: string;
  currency: string;
  monthToDate: number;
  previousPeriodToDate: number;
  forecastMonthEnd: { value: number; low: number; high: number } | null;
  budgets: { id: string; name: string; amount: number; actual: number; forecast: number | null }[];
}

/** A table as CSV text, saved by the renderer. */
export interface CsvExport {
  fileName: string;
  csv: string;
}
