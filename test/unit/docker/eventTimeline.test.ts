import { describe, expect, it } from 'vitest';
import { eventRow, EventTimeline, type RawEvent } from '../../../src/docker/eventTimeline';

const raw = (action: string, timeNano: number, id = 'abc', type = 'container'): RawEvent => ({
  Type: type,
  Action: action,
  Actor: { ID: id, Attributes: { name: 'web', exitCode: '1' } },
  time: Math.floor(timeNano / 1e9),
  timeNano,
});

describe('engine event timeline', () => {
  it('turns engine messages into rows and leaves out healthcheck exec noise', () => {
    expect(eventRow('local', raw('die', 1_700_000_000_123_456_789))).toEqual({
      engine: 'local',
      at: 1_700_000_000_123,
      type: 'container',
      action: 'die',
      id: 'abc',
      name: 'web',
      attributes: { name: 'web', exitCode: '1' },
    });
    expect(eventRow('local', raw('exec_start: /bin/busybox true', 1))).toBeNull();
    expect(eventRow('local', { Type: 'container' })).toBeNull();
  });

  it('drops what a reconnect replays, keeps a bounded history, and answers newest first with filters', () => {
    const t = new EventTimeline(3);
    const add = (action: string, nano: number, id = 'abc') => t.add(eventRow('local', raw(action, nano, id))!, nano);
    expect(add('create', 1e9)).toBe(true);
    expect(add('start', 2e9)).toBe(true);
    expect(add('start', 2e9)).toBe(false);
    expect(add('create', 1e9)).toBe(false);
    expect(add('die', 2e9)).toBe(true);
    expect(add('health_status: unhealthy', 3e9, 'def')).toBe(true);
    expect(t.lastSeenSeconds()).toBe(3);
    expect(t.query({}, 10).map((r) => r.action)).toEqual(['health_status: unhealthy', 'die', 'start']);
    expect(t.query({ action: 'health_status' }, 10).map((r) => r.id)).toEqual(['def']);
    expect(t.query({ id: 'ab' }, 1).map((r) => r.action)).toEqual(['die']);
    expect(t.query({ type: 'image' }, 10)).toEqual([]);
  });
});
