import { describe, expect, it } from 'vitest';
import { detectAnomalies } from '../../../../src/monitoring/anomaly/detect';
import { ewmaBands, median, modifiedZ } from '../../../../src/monitoring/anomaly/robust';

const points = (values: number[]) => values.map((value, i) => ({ ts: i * 60_000, value }));

describe('median and MAD', () => {
  it('scores with the modified z-score', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    // median 3, absolute deviations 2, 1, 0, 1, 97: MAD 1; 0.6745 · (10 - 3) / 1
    expect(modifiedZ(10, [1, 2, 3, 4, 100])).toEqual({ z: 0.6745 * 7, median: 3 });
  });

  it('falls back to the mean absolute deviation when the MAD is 0, and scores nothing without spread', () => {
    // median 5, deviations 0, 0, 0, 0, 4: MAD 0, MeanAD 0.8
    expect(modifiedZ(9, [5, 5, 5, 5, 9]).z).toBeCloseTo(4 / (1.253314 * 0.8), 12);
    expect(modifiedZ(9, [5, 5, 5]).z).toBeNull();
  });
});

describe('EWMA bands', () => {
  it('updates mean and variance point by point', () => {
    // λ = 0.5: after 0 the mean is 0 and the variance 0; after 10 the mean is 5 and the variance 0.5 · (10 · 5) = 25.
    expect(ewmaBands([0, 10, 0], 0.5, 3)).toEqual([
      { mean: 0, lower: 0, upper: 0 },
      { mean: 0, lower: 0, upper: 0 },
      { mean: 5, lower: -10, upper: 20 },
    ]);
  });
});

describe('anomaly detection', () => {
  const calm = Array.from({ length: 20 }, (_, i) => (i % 2 ? 11 : 10));

  it('marks a spike by both methods and nothing in a calm series', () => {
    expect(detectAnomalies(points(calm))).toEqual([]);
    const found = detectAnomalies(points([...calm, 20, 10]));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ ts: 20 * 60_000, value: 20, median: 10.5, methods: ['mad', 'ewma'] });
    // 0.6745 · (20 - 10.5) / 0.5
    expect(found[0]!.score).toBeCloseTo(12.8155, 12);
  });

  it('marks a drop with a negative score', () => {
    const [drop] = detectAnomalies(points([...calm, 2]));
    expect(drop!.score).toBeLessThan(-3.5);
    expect(drop!.methods).toContain('mad');
  });

  it('judges no point before the warmup', () => {
    expect(detectAnomalies(points([1, 1000, 1, 1000, 1]))).toEqual([]);
  });
});
