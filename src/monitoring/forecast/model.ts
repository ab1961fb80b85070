import type { ForecastModel, InsightPoint } from '../../contract';

export const HOUR_MS = 3_600_000;

/** A model fitted to a series, able to predict later times with a 95% interval. */
export interface FittedModel {
  model: ForecastModel;
  /** In the series' unit. */
  rmse: number;
  /** 1 - MSE / variance of the series: how much of its variation the model explains (in-sample or one step ahead). */
  explained: number;
  /** The forecast at t (epoch ms, after the last point) and the half-width of its 95% interval. */
  predict(t: number): { value: number; halfWidth: number };
}

export function mean(values: number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** 1 - mse / the population variance of the values; 1 for a constant series fitted exactly. */
export function explained(values: number[], mse: number): number {
  const m = mean(values);
  const variance = mean(values.map((v) => (v - m) ** 2));
  if (variance === 0) return mse === 0 ? 1 : 0;
  return 1 - mse / variance;
}

/** The series' usual spacing: the median gap between points. */
export function typicalStep(points: InsightPoint[]): number {
  const gaps = points
    .slice(1)
    .map((p, i) => p.ts - points[i]!.ts)
    .sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)] ?? 0;
}
