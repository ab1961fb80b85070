import { z } from 'zod';
import type {
  BillingImportOutcome,
  BillingImportProgress,
  BillingStatus,
  BudgetStatus,
  CostBreakdown,
  CostPeriod,
  CostSummary,
  CostTrend,
  CsvExport,
} from '../types';
import { BUDGET_PERIODS, COST_DIMENSIONS, COST_METRICS } from '../types';
import { empty, returns } from './schema';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day, YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'must be a real day');
const currency = z.string().trim().min(1).max(12);
const tagKey = z.string().trim().min(1).max(256);
const text = z.string().trim().min(1).max(256);

const query = {
  from: day,
  to: day,
  metric: z.enum(COST_METRICS).default('effective'),
  currency: currency.optional(),
};
const sliced = {
  ...query,
  dimension: z.enum(COST_DIMENSIONS),
  tagKey: tagKey.optional(),
};
const withTag = <T extends { dimension: string; tagKey?: string }>(s: T) => s.dimension !== 'tag' || s.tagKey !== undefined;
const TAG_NEEDED = { message: 'tagKey is required when dimension is tag', path: ['tagKey'] };
const ordered = <T extends { from: string; to: string }>(s: T) => s.from <= s.to;
const ORDER = { message: 'from must not be after to', path: ['from'] };

export const breakdownInput = z.object(sliced).strict().refine(withTag, TAG_NEEDED).refine(ordered, ORDER);
export const trendInput = z
  .object({ ...sliced, top: z.number().int().min(1).max(20).default(8) })
  .strict()
  .refine(withTag, TAG_NEEDED)
  .refine(ordered, ORDER);

const thresholds = z.array(z.number().gt(0).max(1000)).max(10);
const scope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  z.object({ kind: z.literal('provider'), value: text }).strict(),
  z.object({ kind: z.literal('service'), value: text }).strict(),
  z.object({ kind: z.literal('tag'), key: tagKey, value: text }).strict(),
  z.object({ kind: z.literal('namespace'), value: text }).strict(),
]);

export const costChannels = {
  /** What is imported, from which files, and the watched folder. */
  'cost.status': { input: empty, output: returns<BillingStatus>() },
  /**
   * Imports one FOCUS file (.csv, .csv.gz, .parquet) by absolute path, atomically; progress comes as
   * cost.importProgress. The same content again is skipped; the same path with new content replaces.
   */
  'cost.import': {
    input: z.object({ path: z.string().trim().min(1).max(4096) }).strict(),
    output: returns<BillingImportOutcome>(),
  },
  /** Removes an import and its billing rows. */
  'cost.imports.delete': { input: z.object({ id: z.number().int().min(1) }).strict(), output: returns<BillingStatus>() },
  /** Watches this folder for FOCUS files; null goes back to the default, <data dir>/billing. */
  'cost.watchDir.set': {
    input: z.object({ dir: z.string().trim().min(1).max(4096).nullable() }).strict(),
    output: returns<BillingStatus>(),
  },
  /** The tag keys seen in the billing rows of [from, to]. */
  'cost.tagKeys': { input: z.object({ from: day, to: day }).strict(), output: returns<string[]>() },
  /** Cost by one dimension over [from, to] with the previous period of equal length. */
  'cost.breakdown': { input: breakdownInput, output: returns<CostBreakdown>() },
  /** Daily cost over [from, to] stacked by the top values of one dimension. */
  'cost.trend': { input: trendInput, output: returns<CostTrend>() },
  /** Month to date (the month of the latest billing day), the previous month's same days, the month-end forecast. */
  'cost.period': {
    input: z.object({ metric: z.enum(COST_METRICS).default('effective'), currency: currency.optional() }).strict(),
    output: returns<CostPeriod | null>(),
  },
  /** Any cost table as CSV text. */
  'cost.export': {
    input: z.discriminatedUnion('table', [
      z.object({ table: z.literal('breakdown'), query: breakdownInput }).strict(),
      z.object({ table: z.literal('trend'), query: trendInput }).strict(),
      z.object({ table: z.literal('budgets') }).strict(),
      z.object({ table: z.literal('imports') }).strict(),
    ]),
    output: returns<CsvExport>(),
  },
  'cost.budgets.list': { input: empty, output: returns<BudgetStatus[]>() },
  /** Creates (no id) or replaces a budget; thresholds are percent of the amount. */
  'cost.budgets.save': {
    input: z
      .object({
        id: z.string().uuid().optional(),
        name: text,
        amount: z.number().positive().max(1e12),
        period: z.enum(BUDGET_PERIODS),
        scope,
        actualThresholds: thresholds.default([50, 80, 100]),
        forecastThresholds: thresholds.default([100]),
      })
      .strict(),
    output: returns<BudgetStatus[]>(),
  },
  'cost.budgets.delete': { input: z.object({ id: z.string().uuid() }).strict(), output: returns<BudgetStatus[]>() },
  /** The Overview's cost tile: month to date, the previous period, the forecast and each budget. */
  'cost.summary': { input: empty, output: returns<CostSummary>() },
} as const;

export const costEvents = {
  'cost.importProgress': returns<BillingImportProgress>(),
  /** Billing rows or imports changed. */
  'cost.changed': returns<BillingStatus>(),
} as const;
