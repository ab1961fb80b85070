import type { AnomalyMethod, AnomalyPoint, InsightPoint } from '../../contract';
import { ewmaBands, MODIFIED_Z_LIMIT, modifiedZ } from './robust';

export interface AnomalyOptions {
  /** Points before each one that its median and MAD are taken over. */
  window: number;
  /** Points needed before any is judged. */
  warmup: number;
  /** EWMA weight of the newest point, and the band's width in σ. */
  lambda: number;
  width: number;
}

export const DEFAULT_ANOMALY_OPTIONS: AnomalyOptions = { window: 30, warmup: 10, lambda: 0.3, width: 3 };

/**
 * The points that stand out from those before them: a rolling median and MAD (modified z-score
 * beyond 3.5) and an EWMA band (outside mean ± 3σ). Each point is judged on earlier points only,
 * as it would have been when it arrived.
 */
export function detectAnomalies(points: InsightPoint[], options: AnomalyOptions = DEFAULT_ANOMALY_OPTIONS): AnomalyPoint[] {
  const values = points.map((p) => p.value);
  const bands = ewmaBands(values, options.lambda, options.width);
  const found: AnomalyPoint[] = [];
  for (let i = options.warmup; i < points.length; i++) {
    const { ts, value } = points[i]!;
    const { z, median } = modifiedZ(value, values.slice(Math.max(0, i - options.window), i));
    const band = bands[i]!;
    const methods: AnomalyMethod[] = [];
    if (z !== null && Math.abs(z) > MODIFIED_Z_LIMIT) methods.push('mad');
    if (band.upper > band.lower && (value > band.upper || value < band.lower)) methods.push('ewma');
    if (methods.length) found.push({ ts, value, score: z ?? 0, methods, median, band: { lower: band.lower, upper: band.upper } });
  }
  return found;
}
