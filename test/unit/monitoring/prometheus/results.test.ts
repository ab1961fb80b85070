import { describe, expect, it } from 'vitest';
import type { RawResult } from '../../../../src/monitoring/prometheus/client';
import { checkRange } from '../../../../src/monitoring/prometheus/queries';
import { capped, seriesName, shapeResult } from '../../../../src/monitoring/prometheus/results';

describe('Prometheus result shaping', () => {
  it('names series as PromQL writes them, labels sorted', () => {
    expect(seriesName({ __name__: 'up', job: 'node', instance: 'a:9100' })).toBe('up{instance="a:9100", job="node"}');
    expect(seriesName({ __name__: 'up' })).toBe('up');
    expect(seriesName({ job: 'x"y' })).toBe('{job="x\\"y"}');
    expect(seriesName({})).toBe('{}');
  });

  it('turns a vector into rows with numbers, milliseconds and Prometheus’s own text', () => {
    const raw: RawResult = {
      resultType: 'vector',
      result: [
        { metric: { __name__: 'up', job: 'a' }, value: [1700000000.123, '1'] },
        { metric: { job: 'b' }, value: [1700000000.123, 'NaN'] },
        { metric: { job: 'c' }, value: [1700000000.123, '+Inf'] },
        { metric: { job: 'd' }, value: [1700000000.123, '-Inf'] },
        { metric: { job: 'e' }, value: [1700000000.123, '1e+21'] },
      ],
    };
    const shaped = shapeResult(raw);
    expect(shaped).toMatchObject({ totalSeries: 5, truncated: false });
    if (shaped.data.resultType !== 'vector') throw new Error('expected a vector');
    expect(shaped.data.series.map((r) => [r.name, r.sample])).toEqual([
      ['up{job="a"}', { ts: 1700000000123, value: 1, text: '1' }],
      ['{job="b"}', { ts: 1700000000123, value: null, text: 'NaN' }],
      ['{job="c"}', { ts: 1700000000123, value: null, text: '+Inf' }],
      ['{job="d"}', { ts: 1700000000123, value: null, text: '-Inf' }],
      ['{job="e"}', { ts: 1700000000123, value: 1e21, text: '1e+21' }],
    ]);
  });

  it('turns a matrix into points with gaps for values that are not numbers', () => {
    const raw: RawResult = {
      resultType: 'matrix',
      result: [{ metric: { __name__: 'x' }, values: [[10, '1.5'], [25, 'NaN'], [40, '-3']] }],
    };
    expect(shapeResult(raw).data).toEqual({ resultType: 'matrix', series: [{ metric: { __name__: 'x' }, name: 'x', points: [[10_000, 1.5], [25_000, null], [40_000, -3]] }] });
  });

  it('keeps at most the allowed series and says how many there were', () => {
    const raw: RawResult = { resultType: 'matrix', result: Array.from({ length: 5 }, (_, i) => ({ metric: { i: String(i) }, values: [[1, '1']] as [number, string][] })) };
    const shaped = shapeResult(raw, 3);
    expect(shaped).toMatchObject({ totalSeries: 5, truncated: true });
    expect(shaped.data.resultType === 'matrix' && shaped.data.series.map((s) => s.metric.i)).toEqual(['0', '1', '2']);
    expect(capped(['a', 'b', 'c'], 2)).toEqual({ items: ['a', 'b'], truncated: true });
    expect(capped(null, 2)).toEqual({ items: [], truncated: false });
  });

  it('shapes scalars and strings, and refuses result types it does not know', () => {
    expect(shapeResult({ resultType: 'scalar', result: [1.5, '2'] }).data).toEqual({ resultType: 'scalar', sample: { ts: 1500, value: 2, text: '2' } });
    expect(shapeResult({ resultType: 'string', result: [2, 'hi'] }).data).toEqual({ resultType: 'string', ts: 2000, value: 'hi' });
    expect(() => shapeResult({ resultType: 'histogram' } as unknown as RawResult)).toThrow('Unknown result type "histogram" in the answer.');
  });
});

describe('range limits', () => {
  it('allows 11,000 points per series and refuses one more, naming a step that fits', () => {
    expect(() => checkRange(0, 10_999_000, 1000)).not.toThrow();
    expect(() => checkRange(0, 11_000_000, 1000)).toThrow(
      'The range holds 11,001 points per series; at most 11,000 are allowed. Use a step of at least 1001 ms for this range.',
    );
    expect(() => checkRange(0, 11_000_000, 1001)).not.toThrow();
    const week = 7 * 86_400_000;
    expect(() => checkRange(0, week, 15_000)).toThrow(/holds 40,321 points.*at least 54982 ms/);
    expect(() => checkRange(0, week, 54_982)).not.toThrow();
    expect(() => checkRange(0, week, 54_981)).toThrow(/holds 11,001 points/);
  });

  it('refuses a range that ends before it starts', () => {
    expect(() => checkRange(2000, 1000, 1000)).toThrow(expect.objectContaining({ code: 'BAD_REQUEST', message: 'The range ends before it starts: end must not be earlier than start.' }));
    expect(() => checkRange(1000, 1000, 1000)).not.toThrow();
  });
});
