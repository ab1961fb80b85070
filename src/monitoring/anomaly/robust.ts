/** Median of values (not empty). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Iglewicz and Hoaglin's limit: a modified z-score beyond it marks an outlier. */
export const MODIFIED_Z_LIMIT = 3.5;

/**
 * The modified z-score of x against a window: 0.6745 (x - median) / MAD; when the MAD is 0, the
 * mean absolute deviation stands in, (x - median) / (1.253314 · MeanAD). Null when the window has
 * no spread at all.
 */
export function modifiedZ(x: number, window: number[]): { z: number | null; median: number } {
  const m = median(window);
  const deviations = window.map((v) => Math.abs(v - m));
  const mad = median(deviations);
  if (mad > 0) return { z: (0.6745 * (x - m)) / mad, median: m };
  const meanAd = deviations.reduce((sum, d) => sum + d, 0) / deviations.length;
  return { z: meanAd > 0 ? (x - m) / (1.253314 * meanAd) : null, median: m };
}

export interface EwmaBand {
  mean: number;
  lower: number;
  upper: number;
}

/**
 * Exponentially weighted mean and variance, updated point by point (West's incremental form); the
 * band is mean ± width·σ as it stood before each point.
 */
export function ewmaBands(values: number[], lambda: number, width: number): EwmaBand[] {
  const bands: EwmaBand[] = [];
  let mean = values[0] ?? 0;
  let variance = 0;
  for (const x of values) {
    const sigma = Math.sqrt(variance);
    bands.push({ mean, lower: mean - width * sigma, upper: mean + width * sigma });
    const diff = x - mean;
    const increment = lambda * diff;
    mean += increment;
    variance = (1 - lambda) * (variance + diff * increment);
  }
  return bands;
}
