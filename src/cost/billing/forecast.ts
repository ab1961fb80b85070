import type { CostForecast } from '../../contract';
import { t975 } from '../../monitoring/forecast/tQuantile';

/**
 * Period-end forecast from the daily run rate. With n days so far (mean m, sample standard deviation s)
 * and r days left: value = toDate + r·m; the 95 % prediction interval for the sum of r more days,
 * each assumed to vary like the days so far, is ± t(0.975, n−1)·s·√(r + r²/n): r·s² for the days
 * themselves plus r²·s²/n for the error in m. Null with fewer than two days (no spread to measure).
 */
export function runRateForecast(daily: readonly number[], daysRemaining: number): CostForecast | null {
  const n = daily.length;
  if (n < 2) return null;
  const toDate = daily.reduce((a, b) => a + b, 0);
  const mean = toDate / n;
  const variance = daily.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (n - 1);
  const s = Math.sqrt(variance);
  const r = Math.max(0, daysRemaining);
  const value = toDate + r * mean;
  const half = t975(n - 1) * s * Math.sqrt(r + (r * r) / n);
  return { value, low: value - half, high: value + half, daysElapsed: n, daysRemaining: r, dailyMean: mean, dailyStdDev: s };
}
