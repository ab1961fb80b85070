import { describe, expect, it } from 'vitest';
import type { GroupMessage } from '../../../../src/monitoring/delivery/groupMessage';
import { STORM_ALERTNAME, StormGuard } from '../../../../src/monitoring/delivery/stormGuard';

const message = (receiver: string, i: number): GroupMessage => ({
  receiver,
  groupKey: `{}:{alertname="A${i}"}`,
  groupLabels: { alertname: `A${i}` },
  alerts: [{ status: 'firing', labels: { alertname: `A${i}` }, annotations: {}, startsAt: 0, endsAt: null, generatorURL: '' }],
});
const shape = (ms: GroupMessage[]) => ms.map((m) => [m.receiver, m.groupLabels.alertname, m.alerts[0]!.status]);
let alertId = 0;
/** n alerts starting at at. */
const times = (n: number, at: number) => Array.from({ length: n }, () => ({ key: String(++alertId), at }));

describe('StormGuard', () => {
  it('lets notifications through while new alerts stay at the threshold', () => {
    const g = new StormGuard({ threshold: 3 });
    g.started(times(3, 0), 0);
    expect(shape(g.filter([message('a', 1), message('b', 2)], 0))).toEqual([['a', 'A1', 'firing'], ['b', 'A2', 'firing']]);
    expect(g.nextDueAt()).toBeNull();
  });

  it('sends one notice per receiver in a storm, holds the rest, and sums up once calm for calmMs', () => {
    const g = new StormGuard({ threshold: 3, calmMs: 120_000 });
    g.started(times(4, 1000), 1000);
    expect(shape(g.filter([message('a', 1), message('a', 2), message('b', 3)], 1000))).toEqual([
      ['a', STORM_ALERTNAME, 'firing'],
      ['b', STORM_ALERTNAME, 'firing'],
    ]);
    expect(g.filter([message('a', 4)], 30_000)).toEqual([]);
    // The minute's new alerts leave the window at 61 s: calm from then on.
    expect(g.nextDueAt()).toBe(61_000);
    expect(g.filter([], 61_000)).toEqual([]);
    expect(g.nextDueAt()).toBe(181_000);
    // New alerts under the threshold do not end the calm; the held notifications stay held.
    g.started(times(2, 100_000), 100_000);
    expect(g.filter([message('b', 5)], 100_000)).toEqual([]);
    const summary = g.filter([], 181_000);
    expect(shape(summary)).toEqual([
      ['a', STORM_ALERTNAME, 'resolved'],
      ['b', STORM_ALERTNAME, 'resolved'],
    ]);
    expect(summary.map((m) => m.alerts[0]!.annotations.summary)).toEqual([
      'Alert storm over: 3 notifications were held back since 1970-01-01T00:00:01.000Z.',
      'Alert storm over: 2 notifications were held back since 1970-01-01T00:00:01.000Z.',
    ]);
    expect(shape(g.filter([message('a', 6)], 181_001))).toEqual([['a', 'A6', 'firing']]);
  });

  it('starts the calm over when the rate goes above the threshold again', () => {
    const g = new StormGuard({ threshold: 1, calmMs: 120_000 });
    g.started(times(2, 0), 0);
    g.filter([message('a', 1)], 0);
    g.filter([], 60_000);
    expect(g.nextDueAt()).toBe(180_000);
    g.started(times(2, 90_000), 90_000);
    expect(g.nextDueAt()).toBe(150_000);
    // Looked at late, the calm still counts from when the rate fell.
    expect(g.filter([], 180_000)).toEqual([]);
    expect(g.nextDueAt()).toBe(270_000);
  });

  it('counts alerts restored after a restart when they fired', () => {
    const g = new StormGuard({ threshold: 1 });
    g.started([{ key: 'a', at: 0 }, { key: 'b', at: 1000 }], 3_600_000);
    expect(g.nextDueAt()).toBeNull();
  });
});
