import { describe, expect, it } from 'vitest';
import type { InsightPoint } from '../../../../src/contract';
import { crossingOf, firstTime, forecastSeries } from '../../../../src/monitoring/forecast/forecast';
import { fitHolt, HOLT_GRID, runHolt } from '../../../../src/monitoring/forecast/holt';
import { fitLinear } from '../../../../src/monitoring/forecast/linear';
import { t975 } from '../../../../src/monitoring/forecast/tQuantile';

const HOUR = 3_600_000;
const T0 = 1_700_000_000_000;
const hourly = (values: number[]): InsightPoint[] => values.map((value, i) => ({ ts: T0 + i * HOUR, value }));

describe('linear regression', () => {
  // x (hours before the last point) = -3, -2, -1, 0; y = 1, 2, 4, 5: x̄ = -1.5, ȳ = 3, Sxx = 5, Sxy = 7.
  const fit = fitLinear(hourly([1, 2, 4, 5]))!;

  it('fits slope, intercept, RMSE and R² as computed by hand', () => {
    expect(fit.model.kind).toBe('linear');
    if (fit.model.kind !== 'linear') return;
    expect(fit.model.slopePerHour).toBeCloseTo(1.4, 12);
    // ȳ - slope·x̄ = 3 + 2.1: the fit's value at the last point.
    expect(fit.model.intercept).toBeCloseTo(5.1, 12);
    // Residuals 0.1, -0.3, 0.3, -0.1: SSE 0.2 over SST 10.
    expect(fit.model.r2).toBeCloseTo(0.98, 12);
    expect(fit.rmse).toBeCloseTo(Math.sqrt(0.05), 12);
  });

  it('predicts with the t(n-2) prediction interval', () => {
    const at = fit.predict(T0 + 4 * HOUR);
    expect(at.value).toBeCloseTo(6.5, 12);
    // t(2) · √(SSE/2) · √(1 + 1/4 + (1 + 1.5)² / 5) = 4.303 · √0.1 · √2.5
    expect(at.halfWidth).toBeCloseTo(4.303 * Math.sqrt(0.1) * Math.sqrt(2.5), 12);
  });

  it('finds when the line reaches a threshold', () => {
    // 5.1 + 1.4 h = 10 at h = 3.5
    const crossing = crossingOf(fit, T0 + 3 * HOUR, 24 * HOUR, 10)!;
    expect(Math.abs(crossing.at - (T0 + 6.5 * HOUR))).toBeLessThanOrEqual(1000);
    expect(crossing.earliest).toBeLessThan(crossing.at);
    expect(crossing.latest).toBeGreaterThan(crossing.at);
    // The upper band reaches 10 where 5.1 + 1.4h + 4.303·√0.1·√(1.25 + (h+1.5)²/5) = 10.
    const upper = (h: number) => 5.1 + 1.4 * h + 4.303 * Math.sqrt(0.1) * Math.sqrt(1.25 + (h + 1.5) ** 2 / 5);
    const h = (crossing.earliest - (T0 + 3 * HOUR)) / HOUR;
    expect(upper(h)).toBeGreaterThanOrEqual(10);
    expect(upper(h - 1 / 3600)).toBeLessThan(10);
  });

  it('does not cross a threshold the series moves away from, nor beyond the horizon', () => {
    expect(crossingOf(fit, T0 + 3 * HOUR, 24 * HOUR, 0)).toBeNull();
    expect(crossingOf(fit, T0 + 3 * HOUR, 3 * HOUR, 10)).toBeNull();
  });

  it('needs three points at more than one time', () => {
    expect(fitLinear(hourly([1, 2]))).toBeNull();
    expect(fitLinear([1, 2, 3].map((value) => ({ ts: T0, value })))).toBeNull();
  });
});

describe('Holt double exponential smoothing', () => {
  it('runs level and trend as computed by hand', () => {
    // l0 = 1, b0 = 2; y=3: l=3, b=2; y=4: forecast 5 (error -1), l=4.5, b=1.75; y=6: forecast 6.25 (error -0.25), l=6.125, b=1.6875.
    expect(runHolt([1, 3, 4, 6], 0.5, 0.5)).toEqual({ level: 6.125, trend: 1.6875, errors: [-1, -0.25] });
  });

  it('chooses alpha and beta with the smallest one-step-ahead squared error on the grid', () => {
    const values = [10, 12, 11, 15, 14, 18, 21, 19, 24, 26];
    const fit = fitHolt(hourly(values))!;
    if (fit.model.kind !== 'holt') throw new Error('expected holt');
    const sse = (a: number, b: number) => runHolt(values, a, b).errors.reduce((s, e) => s + e * e, 0);
    const chosen = sse(fit.model.alpha, fit.model.beta);
    for (const a of HOLT_GRID) for (const b of HOLT_GRID) expect(chosen).toBeLessThanOrEqual(sse(a, b));
    expect(fit.rmse).toBeCloseTo(Math.sqrt(chosen / 8), 12);
  });

  it('forecasts a straight line exactly', () => {
    const fit = fitHolt(hourly([3, 5, 7, 9, 11]))!;
    expect(fit.model).toEqual({ kind: 'holt', alpha: 0.1, beta: 0.1, level: 11, trendPerHour: 2 });
    expect(fit.rmse).toBe(0);
    // Three steps past 11 at 2 per step.
    expect(fit.predict(T0 + 7 * HOUR)).toEqual({ value: 17, halfWidth: 0 });
  });

  it('widens the interval h steps ahead', () => {
    const values = [1, 3, 4, 6];
    const fit = fitHolt(hourly(values))!;
    if (fit.model.kind !== 'holt') throw new Error('expected holt');
    const { alpha: a, beta: b } = fit.model;
    const errors = runHolt(values, a, b).errors;
    const sigma = Math.sqrt(errors.reduce((s, e) => s + e * e, 0) / errors.length);
    expect(fit.predict(T0 + 4 * HOUR).halfWidth).toBeCloseTo(1.96 * sigma, 12);
    const h = 3;
    expect(fit.predict(T0 + 6 * HOUR).halfWidth).toBeCloseTo(1.96 * sigma * Math.sqrt(1 + (h - 1) * (a * a + a * b * h + (b * b * h * (2 * h - 1)) / 6)), 12);
  });
});

describe('forecasts', () => {
  it('chooses the model with the smaller RMSE and reports time to threshold', () => {
    const result = forecastSeries(hourly([50, 52, 54, 56, 58, 60]), 48 * HOUR, 100);
    expect(result.chosen).toBe('linear');
    expect(result.quality).toBe(1);
    // 60 + 2/h reaches 100 in 20 h.
    expect(Math.abs(result.linear!.crossing!.at - (T0 + 25 * HOUR))).toBeLessThanOrEqual(1000);
    expect(result.linear!.forecast).toHaveLength(200);
    expect(result.linear!.forecast.at(-1)).toEqual({ ts: T0 + 53 * HOUR, value: 156, lower: 156, upper: 156 });
  });

  it('has no model with fewer than three points', () => {
    expect(forecastSeries(hourly([1, 2]), HOUR, 10)).toEqual({ linear: null, holt: null, chosen: null, quality: 0 });
  });

  it('finds the first time a condition holds to within a second', () => {
    expect(firstTime((t) => t >= 12_345_678, 0, 100_000_000)).toBeGreaterThanOrEqual(12_345_678);
    expect(firstTime((t) => t >= 12_345_678, 0, 100_000_000)).toBeLessThanOrEqual(12_346_678);
    expect(firstTime(() => false, 0, 1000)).toBeNull();
  });

  it('uses t quantiles from the table, the wider between rows', () => {
    expect([t975(1), t975(2), t975(30), t975(35), t975(60), t975(5000)]).toEqual([12.706, 4.303, 2.042, 2.042, 2.0, 1.962]);
  });
});
