import { describe, expect, it } from 'vitest';
import { BackupScheduler } from '../../../src/recovery/schedule/scheduler';

const at = (text: string) => new Date(text).getTime();

describe('backup scheduler', () => {
  it('reports a target once per slot and moves it to the next one', () => {
    const s = new BackupScheduler();
    s.sync([{ id: 'a', schedule: '*/15 * * * *' }, { id: 'b', schedule: null }], at('2026-03-10T10:07:00'));
    expect(s.nextAt('a')).toBe(at('2026-03-10T10:15:00'));
    expect(s.nextAt('b')).toBeNull();
    expect(s.due(at('2026-03-10T10:14:59'))).toEqual([]);
    expect(s.due(at('2026-03-10T10:15:00'))).toEqual(['a']);
    expect(s.due(at('2026-03-10T10:15:30'))).toEqual([]);
    expect(s.nextAt('a')).toBe(at('2026-03-10T10:30:00'));
  });

  it('runs a slot missed while closed once, not once per missed slot', () => {
    const s = new BackupScheduler();
    s.sync([{ id: 'a', schedule: '* * * * *' }], at('2026-03-10T10:00:00'));
    expect(s.due(at('2026-03-10T12:00:30'))).toEqual(['a']);
    expect(s.due(at('2026-03-10T12:00:40'))).toEqual([]);
    expect(s.nextAt('a')).toBe(at('2026-03-10T12:01:00'));
  });

  it('follows changed and removed schedules', () => {
    const s = new BackupScheduler();
    s.sync([{ id: 'a', schedule: '0 * * * *' }], at('2026-03-10T10:30:00'));
    expect(s.nextAt('a')).toBe(at('2026-03-10T11:00:00'));
    s.sync([{ id: 'a', schedule: '45 * * * *' }], at('2026-03-10T10:30:00'));
    expect(s.nextAt('a')).toBe(at('2026-03-10T10:45:00'));
    s.sync([], at('2026-03-10T10:31:00'));
    expect(s.nextAt('a')).toBeNull();
    expect(s.due(at('2026-03-10T11:00:00'))).toEqual([]);
  });
});
