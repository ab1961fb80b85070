import type { InsightPoint } from '../../contract';
import { explained, HOUR_MS, mean, type FittedModel } from './model';
import { t975 } from './tQuantile';

/**
 * Ordinary least squares of value on time, as PromQL's predict_linear, with the classical
 * prediction interval ŷ ± t(n-2) · s · √(1 + 1/n + (x - x̄)² / Sxx). Null with fewer than 3 points
 * or all at one time.
 */
export function fitLinear(points: InsightPoint[]): FittedModel | null {
  const n = points.length;
  if (n < 3) return null;
  const last = points[n - 1]!.ts;
  // Hours before the last point: small numbers keep the sums exact enough.
  const xs = points.map((p) => (p.ts - last) / HOUR_MS);
  const ys = points.map((p) => p.value);
  const xBar = mean(xs);
  const yBar = mean(ys);
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i]! - xBar) ** 2;
    sxy += (xs[i]! - xBar) * (ys[i]! - yBar);
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  const intercept = yBar - slope * xBar;
  const sse = ys.reduce((sum, y, i) => sum + (y - (intercept + slope * xs[i]!)) ** 2, 0);
  const s = Math.sqrt(sse / (n - 2));
  const t = t975(n - 2);
  const r2 = explained(ys, sse / n);
  return {
    model: { kind: 'linear', slopePerHour: slope, intercept, r2 },
    rmse: Math.sqrt(sse / n),
    explained: r2,
    predict(ts) {
      const x = (ts - last) / HOUR_MS;
      return { value: intercept + slope * x, halfWidth: t * s * Math.sqrt(1 + 1 / n + (x - xBar) ** 2 / sxx) };
    },
  };
}
