import type { InsightPoint } from '../../contract';
import { explained, HOUR_MS, typicalStep, type FittedModel } from './model';
import { Z975 } from './tQuantile';

/** The smoothing parameters tried: 0.1, 0.2, ... 0.9 for both. */
export const HOLT_GRID = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

export interface HoltRun {
  level: number;
  trend: number;
  /** One-step-ahead errors from the third point on (the second is fitted exactly by the start). */
  errors: number[];
}

/** Holt's linear method over equally spaced values: level from y0, trend from y1 - y0. */
export function runHolt(values: number[], alpha: number, beta: number): HoltRun {
  let level = values[0]!;
  let trend = values[1]! - values[0]!;
  const errors: number[] = [];
  for (let t = 1; t < values.length; t++) {
    const y = values[t]!;
    if (t >= 2) errors.push(y - (level + trend));
    const previous = level;
    level = alpha * y + (1 - alpha) * (level + trend);
    trend = beta * (level - previous) + (1 - beta) * trend;
  }
  return { level, trend, errors };
}

const sumOfSquares = (errors: number[]) => errors.reduce((sum, e) => sum + e * e, 0);

/**
 * Double exponential smoothing with alpha and beta from HOLT_GRID giving the smallest one-step-ahead
 * squared error. The points are taken as equally spaced at their usual step. The 95% interval
 * h steps ahead is ±1.96 σ √(1 + (h-1)(α² + αβh + β²h(2h-1)/6)) (Hyndman & Athanasopoulos, ETS(A,A,N)).
 * Null with fewer than 3 points.
 */
export function fitHolt(points: InsightPoint[]): FittedModel | null {
  if (points.length < 3) return null;
  const stepMs = typicalStep(points);
  if (stepMs <= 0) return null;
  const values = points.map((p) => p.value);
  let best: { alpha: number; beta: number; run: HoltRun; sse: number } | null = null;
  for (const alpha of HOLT_GRID) {
    for (const beta of HOLT_GRID) {
      const run = runHolt(values, alpha, beta);
      const sse = sumOfSquares(run.errors);
      if (!best || sse < best.sse) best = { alpha, beta, run, sse };
    }
  }
  const { alpha, beta, run, sse } = best!;
  const mse = sse / run.errors.length;
  const sigma = Math.sqrt(mse);
  const last = points[points.length - 1]!.ts;
  return {
    model: { kind: 'holt', alpha, beta, level: run.level, trendPerHour: (run.trend * HOUR_MS) / stepMs },
    rmse: sigma,
    explained: explained(values.slice(2), mse),
    predict(ts) {
      const h = (ts - last) / stepMs;
      const spread = 1 + Math.max(0, h - 1) * (alpha ** 2 + alpha * beta * h + (beta ** 2 * h * (2 * h - 1)) / 6);
      return { value: run.level + h * run.trend, halfWidth: Z975 * sigma * Math.sqrt(spread) };
    },
  };
}
