import type { Recommendation } from './recommendations';

/** Time ranges an allocation report covers: rolling 24 hours, 7 or 30 days, or the calendar month so far (UTC). */
export const COST_ALLOCATION_WINDOWS = ['24h', '7d', '30d', 'month'] as const;
export type CostAllocationWindow = (typeof COST_ALLOCATION_WINDOWS)[number];

/** How allocation rows are grouped; "team" is the label key chosen in the pricing settings. */
export const COST_ALLOCATION_GROUPS = ['namespace', 'workload', 'label', 'team'] as const;
export type CostAllocationGroupBy = (typeof COST_ALLOCATION_GROUPS)[number];

/** Unit prices in the billing currency, in OpenCost's custom pricing units (storage per GB-month as OpenCost's UI shows it). */
export interface CostUnitPrices {
  cpuCoreHour: number;
  ramGbHour: number;
  gpuHour: number;
  storageGbMonth: number;
}

export interface CostPricingTable extends CostUnitPrices {
  description: string;
  /** ISO 4217 code, e.g. USD. */
  currency: string;
}

/** An instance type's hourly price read from the imported billing data. */
export interface CostInstanceRate {
  instanceType: string;
  provider: string;
  hourly: number;
  /** Instance hours the price is averaged over. */
  hours: number;
}

export interface CostPricing {
  /** The prices in use: the user's file, or the shipped default. */
  table: CostPricingTable;
  /** The shipped OpenCost default, to compare and reset to. */
  defaults: CostPricingTable;
  custom: boolean;
  /** Where the user's prices are kept. */
  file: string;
  /** Where the default figures come from. */
  defaultsNote: string;
  /** Node prices by instance type from billing data; nodes of these types are priced by them. */
  instanceRates: CostInstanceRate[];
  /** Why there are no instance rates, when there are none. */
  instanceRatesNote: string | null;
  /** The pod label that names a team. */
  teamLabel: string;
}

/** Amounts and their cost over the window. */
export interface CostAmounts {
  cpuCoreHours: number;
  ramGbHours: number;
  gpuHours: number;
  storageGbHours: number;
  cpuCost: number;
  ramCost: number;
  gpuCost: number;
  storageCost: number;
  totalCost: number;
}

export interface CostAllocationRow extends CostAmounts {
  /** The group's value; "__unallocated__" for pods without the label. */
  key: string;
  pods: number;
}

export const COST_UNALLOCATED = '__unallocated__';

export interface CostAllocationSeries {
  /** Start of each bucket (epoch ms). */
  buckets: number[];
  bucketMs: number;
  /** The largest groups, then "other" when more; each value a bucket's cost. */
  groups: { key: string; costs: number[] }[];
  idle: number[];
}

export interface CostAllocationReport {
  /** False when no cluster is connected or nothing was sampled yet; the hint says what to do. */
  connected: boolean;
  hint: string | null;
  currency: string;
  window: CostAllocationWindow;
  groupBy: CostAllocationGroupBy;
  /** The label grouped by (label and team); null otherwise. */
  labelKey: string | null;
  start: number;
  end: number;
  /** First sample within the window: the report covers from here. */
  coveredFrom: number | null;
  rows: CostAllocationRow[];
  /** Node cost no pod was allocated. */
  idle: Omit<CostAmounts, 'storageGbHours' | 'storageCost'>;
  nodeCost: number;
  /** Pods and claims together (idle apart). */
  allocatedCost: number;
  series: CostAllocationSeries;
  contexts: string[];
}

export interface CostRecommendations {
  at: number;
  items: Recommendation[];
  /** Sources not read and why (not connected, no Prometheus network data, no billing import). */
  notes: string[];
}
