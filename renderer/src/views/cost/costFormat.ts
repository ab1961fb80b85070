/** Money in the billing currency: cents, or four decimals for sums under a cent (sample data, credits). */
export function formatMoney(value: number, currency: string): string {
  const digits = value !== 0 && Math.abs(value) < 0.01 ? 4 : 2;
  return `${value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${currency}`;
}

/** Change from the previous period in percent; null when there was nothing to compare with. */
export function changePercent(now: number, before: number): number | null {
  return before === 0 ? null : ((now - before) / Math.abs(before)) * 100;
}

export const formatChange = (now: number, before: number): string => {
  const pct = changePercent(now, before);
  return pct === null ? '—' : `${pct >= 0 ? '+' : ''}${pct.toFixed(1)}%`;
};

/** Days as the host counts them: UTC calendar days. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
