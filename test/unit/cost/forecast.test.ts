import { describe, expect, it } from 'vitest';
import { runRateForecast } from '../../../src/cost/billing/forecast';
import { periodOf } from '../../../src/cost/budgets/budgetPeriods';
import { newCrossings } from '../../../src/cost/budgets/thresholdCrossings';
import { csvText } from '../../../src/util/csvText';

describe('run-rate forecast', () => {
  it('adds the daily mean for the days left and a t-based prediction interval', () => {
    // Days 10, 12, 14: mean 12, s = 2; 2 days left: 36 + 24 = 60, ± 4.303 · 2 · √(2 + 4/3).
    const f = runRateForecast([10, 12, 14], 2)!;
    expect(f.value).toBe(60);
    expect(f.dailyMean).toBe(12);
    expect(f.dailyStdDev).toBe(2);
    const half = 4.303 * 2 * Math.sqrt(2 + 4 / 3);
    expect(f.low).toBeCloseTo(60 - half, 9);
    expect(f.high).toBeCloseTo(60 + half, 9);
  });

  it('has no spread when the period is over and no forecast from a single day', () => {
    const f = runRateForecast([5, 7], 0)!;
    expect([f.value, f.low, f.high]).toEqual([12, 12, 12]);
    expect(runRateForecast([5], 10)).toBeNull();
  });
});

describe('budget periods', () => {
  it('finds the month, quarter and year that hold a day', () => {
    expect(periodOf('monthly', '2024-02-10')).toEqual({ key: '2024-02', start: '2024-02-01', end: '2024-02-29' });
    expect(periodOf('quarterly', '2024-09-30')).toEqual({ key: '2024-Q3', start: '2024-07-01', end: '2024-09-30' });
    expect(periodOf('quarterly', '2024-11-02')).toEqual({ key: '2024-Q4', start: '2024-10-01', end: '2024-12-31' });
    expect(periodOf('yearly', '2023-06-15')).toEqual({ key: '2023', start: '2023-01-01', end: '2023-12-31' });
  });
});

describe('threshold crossings', () => {
  const budget = { amount: 200, actualThresholds: [100, 50, 80], forecastThresholds: [100] };

  it('reports each threshold reached, actual and forecast', () => {
    expect(newCrossings(budget, { actual: 170, forecast: 230 }, new Set())).toEqual([
      { kind: 'actual', threshold: 50, percent: 85 },
      { kind: 'actual', threshold: 80, percent: 85 },
      { kind: 'forecast', threshold: 100, percent: 115 },
    ]);
  });

  it('leaves out thresholds that already fired this period and those not reached', () => {
    const fired = new Set(['actual 50', 'forecast 100']);
    expect(newCrossings(budget, { actual: 170, forecast: 230 }, fired)).toEqual([{ kind: 'actual', threshold: 80, percent: 85 }]);
    expect(newCrossings(budget, { actual: 99, forecast: null }, new Set())).toEqual([]);
  });
});

describe('CSV text', () => {
  it('quotes separators, quotes and line ends, and defuses spreadsheet formulas', () => {
    expect(csvText(['a', 'b'], [['x,y', 'say "hi"'], ['=SUM(A1)', -1.5], [null, 'two\nlines']])).toBe(
      'a,b\r\n"x,y","say ""hi"""\r\n\'=SUM(A1),-1.5\r\n,"two\nlines"\r\n',
    );
  });
});
