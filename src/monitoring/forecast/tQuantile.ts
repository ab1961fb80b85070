/** Student's t 97.5% quantiles (two-sided 95%) for 1..30 degrees of freedom, from the standard tables. */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086,
  2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];
const LARGE: [number, number][] = [
  [1000, 1.962],
  [120, 1.98],
  [60, 2.0],
  [40, 2.021],
];

/** The multiplier of a 95% interval; between tabulated values the smaller df's (the wider interval). */
export function t975(df: number): number {
  if (df < 1) return Infinity;
  if (df <= 30) return T975[Math.floor(df) - 1]!;
  for (const [at, value] of LARGE) if (df >= at) return value;
  return T975[29]!;
}

/** The normal 97.5% quantile, for intervals that are not from a t statistic. */
export const Z975 = 1.96;
