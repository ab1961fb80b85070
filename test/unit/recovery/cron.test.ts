import { describe, expect, it } from 'vitest';
import { CronError, nextRun, parseCron } from '../../../src/recovery/schedule/cron';

const at = (text: string) => new Date(text).getTime();
const next = (expr: string, after: string) => {
  const n = nextRun(parseCron(expr), at(after));
  return n === null ? null : new Date(n).toString();
};

describe('cron', () => {
  it('reads numbers, ranges, steps, lists and names', () => {
    const s = parseCron('*/15 9-17 1,15 jan-mar mon-fri');
    expect([...s.minutes]).toEqual([0, 15, 30, 45]);
    expect([...s.hours]).toEqual([9, 10, 11, 12, 13, 14, 15, 16, 17]);
    expect([...s.days]).toEqual([1, 15]);
    expect([...s.months]).toEqual([1, 2, 3]);
    expect([...s.weekdays]).toEqual([1, 2, 3, 4, 5]);
    expect([...parseCron('0 0 * * 7').weekdays]).toEqual([0]);
    expect([...parseCron('5/20 * * * *').minutes]).toEqual([5, 25, 45]);
  });

  it('refuses malformed expressions with the field named', () => {
    expect(() => parseCron('* * * *')).toThrow(CronError);
    expect(() => parseCron('60 * * * *')).toThrow(/minute: 60 is outside 0-59/);
    expect(() => parseCron('* 5-2 * * *')).toThrow(/hour: range 5-2 runs backwards/);
    expect(() => parseCron('*/0 * * * *')).toThrow(/bad step/);
    expect(() => parseCron('* * * foo *')).toThrow(/month/);
  });

  it('finds the next matching minute strictly after the given time', () => {
    expect(next('*/15 * * * *', '2026-03-10T10:07:30')).toBe(new Date('2026-03-10T10:15:00').toString());
    expect(next('*/15 * * * *', '2026-03-10T10:15:00')).toBe(new Date('2026-03-10T10:30:00').toString());
    expect(next('30 2 * * *', '2026-03-10T03:00:00')).toBe(new Date('2026-03-11T02:30:00').toString());
    expect(next('0 0 1 * *', '2026-12-15T00:00:00')).toBe(new Date('2027-01-01T00:00:00').toString());
    // Saturday 2026-03-14 → Monday 2026-03-16
    expect(next('0 6 * * mon-fri', '2026-03-13T07:00:00')).toBe(new Date('2026-03-16T06:00:00').toString());
  });

  it('matches either day field when both are restricted', () => {
    // The 13th, or any Friday: 2026-03-06 is a Friday before the 13th.
    expect(next('0 0 13 * fri', '2026-03-01T12:00:00')).toBe(new Date('2026-03-06T00:00:00').toString());
  });

  it('gives up on dates that never come', () => {
    expect(next('0 0 31 2 *', '2026-01-01T00:00:00')).toBeNull();
  });
});
