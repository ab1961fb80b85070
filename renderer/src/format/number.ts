export const formatPercent = (pct: number): string => `${pct.toFixed(1)}%`;

/** Load averages and alert values: two decimals at most, no trailing zeros. */
export const formatDecimal = (n: number, digits = 2): string => String(Number(n.toFixed(digits)));

/** Share of a whole in percent; 0 when the whole is empty rather than NaN. */
export const percentOf = (part: number, whole: number): number => (whole > 0 ? (part / whole) * 100 : 0);
