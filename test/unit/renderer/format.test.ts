import { describe, expect, it } from 'vitest';
import { formatBytes, formatRate } from '../../../renderer/src/format/bytes';
import { formatDuration, formatInterval } from '../../../renderer/src/format/duration';
import { formatDecimal, formatPercent, percentOf } from '../../../renderer/src/format/number';
import { formatClock, formatDayClock, formatTime, formatTimestamp } from '../../../renderer/src/format/time';
import { timeTicks } from '../../../renderer/src/views/overview/timeTicks';

describe('formatBytes', () => {
  it('uses binary units with one decimal below a hundred', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1024)).toBe('1.0 KiB');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(16_750_000_000)).toBe('15.6 GiB');
    expect(formatBytes(250 * 1024 ** 3)).toBe('250 GiB');
    expect(formatBytes(3 * 1024 ** 4)).toBe('3.0 TiB');
  });

  it('refuses to format nonsense as a size', () => {
    expect(formatBytes(-1)).toBe('—');
    expect(formatBytes(Number.NaN)).toBe('—');
  });

  it('formats rates per second', () => {
    expect(formatRate(2048)).toBe('2.0 KiB/s');
    expect(formatRate(5 * 1024 * 1024)).toBe('5.0 MiB/s');
  });
});

describe('durations', () => {
  it('shows the two largest units', () => {
    expect(formatDuration(42)).toBe('42s');
    expect(formatDuration(12 * 60 + 3)).toBe('12m 3s');
    expect(formatDuration(5 * 3600 + 12 * 60 + 9)).toBe('5h 12m');
    expect(formatDuration(90_061)).toBe('1d 1h');
    expect(formatDuration(-5)).toBe('0s');
  });

  it('keeps sub-second intervals in milliseconds', () => {
    expect(formatInterval(250)).toBe('250 ms');
    expect(formatInterval(5000)).toBe('5s');
  });
});

describe('numbers', () => {
  it('formats percentages and decimals', () => {
    expect(formatPercent(47.759)).toBe('47.8%');
    expect(formatDecimal(0.5)).toBe('0.5');
    expect(formatDecimal(1.23456)).toBe('1.23');
    expect(percentOf(1, 4)).toBe(25);
    expect(percentOf(1, 0)).toBe(0);
  });
});

describe('times', () => {
  const ts = new Date(2025, 10, 3, 9, 5, 7).getTime();
  it('formats local wall-clock times', () => {
    expect(formatClock(ts)).toBe('09:05');
    expect(formatDayClock(ts)).toBe('11-03 09:05');
    expect(formatTimestamp(ts)).toBe('2025-11-03 09:05:07');
    expect(formatTime(ts)).toBe('09:05:07');
  });
});

describe('timeTicks', () => {
  const at = (h: number, m: number) => new Date(2025, 10, 3, h, m, 0).getTime();

  it('puts ticks on round local minutes for a 15-minute range', () => {
    const ticks = timeTicks(at(9, 1) + 30_000, at(9, 16) + 30_000);
    expect(ticks.map(formatClock)).toEqual(['09:05', '09:10', '09:15']);
  });

  it('uses hours for a day and days for a week, never more than six ticks', () => {
    expect(timeTicks(at(0, 30), at(0, 30) + 24 * 3600_000).map(formatClock)).toEqual(['06:00', '12:00', '18:00', '00:00']);
    const week = timeTicks(at(12, 0), at(12, 0) + 7 * 24 * 3600_000);
    expect(week.length).toBeLessThanOrEqual(6);
    expect(week.every((t) => formatClock(t) === '00:00')).toBe(true);
  });

  it('has nothing to tick on an empty span', () => {
    expect(timeTicks(5, 5)).toEqual([]);
  });
});
