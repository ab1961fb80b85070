import type { Forecast, ForecastPoint, InsightPoint, ModelFit } from '../../contract';
import { fitHolt } from './holt';
import { fitLinear } from './linear';
import type { FittedModel } from './model';

/** Points of a forecast drawn over the horizon. */
const FORECAST_POINTS = 200;
/** Steps over the horizon searched for a crossing before it is narrowed down by bisection. */
const SEARCH_STEPS = 1000;
/** Bisection ends when the crossing is known within this. */
const CROSSING_PRECISION_MS = 1000;

type Crossing = NonNullable<ModelFit['crossing']>;

/**
 * The first time in (from, to] where reached(t) holds, to within a second; null when it never does
 * at the searched steps.
 */
export function firstTime(reached: (t: number) => boolean, from: number, to: number): number | null {
  const step = (to - from) / SEARCH_STEPS;
  let before = from;
  for (let i = 1; i <= SEARCH_STEPS; i++) {
    const t = i === SEARCH_STEPS ? to : from + i * step;
    if (reached(t)) {
      let [lo, hi] = [before, t];
      while (hi - lo > CROSSING_PRECISION_MS) {
        const mid = (lo + hi) / 2;
        if (reached(mid)) hi = mid;
        else lo = mid;
      }
      return Math.round(hi);
    }
    before = t;
  }
  return null;
}

/**
 * When the forecast crosses the threshold from the side the fit is on at the last point, and when
 * the near and far sides of its band do.
 */
export function crossingOf(fit: FittedModel, last: number, horizonMs: number, threshold: number): Crossing | null {
  const end = last + horizonMs;
  const now = fit.predict(last).value;
  if (now === threshold) return null;
  const rising = now < threshold;
  const beyond = (v: number) => (rising ? v >= threshold : v <= threshold);
  const at = firstTime((t) => beyond(fit.predict(t).value), last, end);
  if (at === null) return null;
  const side = (sign: 1 | -1) => (t: number) => {
    const { value, halfWidth } = fit.predict(t);
    return beyond(value + sign * halfWidth);
  };
  const near = rising ? side(1) : side(-1);
  const far = rising ? side(-1) : side(1);
  return { at, earliest: firstTime(near, last, end) ?? at, latest: firstTime(far, last, end) ?? end };
}

export function modelFit(fit: FittedModel, last: number, horizonMs: number, threshold: number): ModelFit {
  const forecast: ForecastPoint[] = [];
  for (let i = 1; i <= FORECAST_POINTS; i++) {
    const ts = Math.round(last + (horizonMs * i) / FORECAST_POINTS);
    const { value, halfWidth } = fit.predict(ts);
    forecast.push({ ts, value, lower: value - halfWidth, upper: value + halfWidth });
  }
  return { model: fit.model, rmse: fit.rmse, forecast, crossing: crossingOf(fit, last, horizonMs, threshold) };
}

export interface SeriesForecast {
  linear: ModelFit | null;
  holt: ModelFit | null;
  chosen: Forecast['chosen'];
  /** The chosen model's share of the series' variation it explains, 0..1. */
  quality: number;
}

/** Both models on the points, and the one with the smaller RMSE. */
export function forecastSeries(points: InsightPoint[], horizonMs: number, threshold: number): SeriesForecast {
  const last = points.at(-1)?.ts ?? 0;
  const linear = fitLinear(points);
  const holt = fitHolt(points);
  const chosen = !linear ? (holt ? 'holt' : null) : !holt || linear.rmse <= holt.rmse ? 'linear' : 'holt';
  const best = chosen === 'linear' ? linear : chosen === 'holt' ? holt : null;
  return {
    linear: linear && modelFit(linear, last, horizonMs, threshold),
    holt: holt && modelFit(holt, last, horizonMs, threshold),
    chosen,
    quality: best ? Math.min(1, Math.max(0, best.explained)) : 0,
  };
}
