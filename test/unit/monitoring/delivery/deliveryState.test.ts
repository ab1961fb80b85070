import { describe, expect, it } from 'vitest';
import { EscalationTracker } from '../../../../src/monitoring/delivery/escalation';
import { EscalationStore } from '../../../../src/monitoring/delivery/escalationStore';
import type { GroupMessage } from '../../../../src/monitoring/delivery/groupMessage';
import { NotificationLogStore } from '../../../../src/monitoring/delivery/notificationLogStore';
import { StormGuard } from '../../../../src/monitoring/delivery/stormGuard';
import { StormStore } from '../../../../src/monitoring/delivery/stormStore';
import { NotificationScheduler } from '../../../../src/monitoring/routing/notificationScheduler';
import { parseRoutingConfig } from '../../../../src/monitoring/routing/routingConfig';
import { openDatabase, type Db } from '../../../../src/store/database';
import { tempDir } from '../../../helpers/tempDir';

const S = 1000;
const M = 60 * S;
const T0 = 1_700_000_000_000;

const { config } = parseRoutingConfig(['route:', '  receiver: team', '  group_by: [alertname]', '  group_wait: 30s', '  group_interval: 5m', '  repeat_interval: 1h', 'receivers: [{ name: team }]', ''].join('\n'));

/** A store that outlives the objects that use it, as the data folder outlives a run. */
function restartable() {
  const dir = tempDir();
  let db: Db = openDatabase(dir);
  return {
    db: () => db,
    restart() {
      db.close();
      db = openDatabase(dir);
    },
  };
}

describe('the notification log across a restart', () => {
  function run(db: Db, clock: { now: number }) {
    const scheduler = new NotificationScheduler({ config: config!, now: () => clock.now, log: new NotificationLogStore(db) });
    return {
      put: (instance: string, startsAt = T0, endsAt: number | null = null) => scheduler.put({ labels: { alertname: 'Disk', instance }, startsAt, endsAt }),
      flush: () => scheduler.flushDue().map((n) => `firing[${n.firing.map((a) => a.labels.instance)}] resolved[${n.resolved.map((a) => a.labels.instance)}]`),
      nextDueAt: () => scheduler.nextDueAt(),
    };
  }

  it('keeps repeat_interval and group_interval for a group already notified', () => {
    const store = restartable();
    const clock = { now: T0 };
    const first = run(store.db(), clock);
    first.put('a');
    clock.now = T0 + 30 * S;
    expect(first.flush()).toEqual(['firing[a] resolved[]']);
    store.restart();

    clock.now = T0 + M;
    const second = run(store.db(), clock);
    second.put('a');
    // Looked at again group_interval after the last notification, not group_wait after the restart.
    expect(second.nextDueAt()).toBe(T0 + 30 * S + 5 * M);
    clock.now = T0 + 30 * S + 5 * M;
    expect(second.flush()).toEqual([]);
    // The repeat comes an hour after the notification of the first run.
    clock.now = T0 + 30 * S + 60 * M;
    expect(second.flush()).toEqual(['firing[a] resolved[]']);
  });

  it('tells a change after the restart at the next group_interval, and forgets a group once it resolved', () => {
    const store = restartable();
    const clock = { now: T0 };
    const first = run(store.db(), clock);
    first.put('a');
    clock.now = T0 + 30 * S;
    first.flush();
    store.restart();

    clock.now = T0 + 2 * M;
    const second = run(store.db(), clock);
    second.put('a');
    second.put('b', T0 + 2 * M);
    clock.now = T0 + 30 * S + 5 * M;
    expect(second.flush()).toEqual(['firing[a,b] resolved[]']);
    second.put('a', T0, clock.now);
    second.put('b', T0 + 2 * M, clock.now);
    clock.now += 5 * M;
    expect(second.flush()).toEqual(['firing[] resolved[a,b]']);
    expect(store.db().prepare('SELECT COUNT(*) AS n FROM notification_log').get()).toEqual({ n: 0 });
  });
});

const alert = (status: 'firing' | 'resolved') => ({ status, labels: { alertname: 'A' }, annotations: {}, startsAt: 0, endsAt: null, generatorURL: '' });
const message: GroupMessage = { receiver: 'team', groupKey: 'k', groupLabels: { alertname: 'A' }, alerts: [alert('firing')] };
const steps = [
  { afterMs: 15 * M, receiver: 'oncall' },
  { afterMs: 30 * M, receiver: 'manager' },
];
const never = () => false;

describe('escalations across a restart', () => {
  it('keeps the level reached, so nobody is told twice and the next level still comes', () => {
    const store = restartable();
    const first = new EscalationTracker(new EscalationStore(store.db()).forConfig('config'));
    first.notified('g', steps, message, 0);
    expect(first.due(15 * M, never).map((m) => m.receiver)).toEqual(['oncall']);
    store.restart();

    const second = new EscalationTracker(new EscalationStore(store.db()).forConfig('config'));
    expect(second.nextDueAt()).toBe(30 * M);
    // A notification after the restart does not start the clock again.
    second.notified('g', steps, message, 20 * M);
    expect(second.due(29 * M, never)).toEqual([]);
    expect(second.due(30 * M, never).map((m) => m.receiver)).toEqual(['manager']);
    store.restart();
    expect(new EscalationTracker(new EscalationStore(store.db()).forConfig('config')).nextDueAt()).toBeNull();
  });

  it('starts afresh under a changed routing config, and forgets resolved groups', () => {
    const store = restartable();
    const escalations = new EscalationStore(store.db());
    const first = new EscalationTracker(escalations.forConfig('config'));
    first.notified('g', steps, message, 0);
    first.notified('h', steps, message, 0);
    first.notified('h', steps, { ...message, alerts: [alert('resolved')] }, M);
    expect(new EscalationTracker(escalations.forConfig('config')).nextDueAt()).toBe(15 * M);
    expect(new EscalationTracker(escalations.forConfig('config v2')).nextDueAt()).toBeNull();
    expect(new EscalationTracker(escalations.forConfig('config')).nextDueAt()).toBeNull();
  });
});

const firing = (receiver: string, i: number): GroupMessage => ({ ...message, receiver, groupKey: `k${i}` });

describe('an alert storm across a restart', () => {
  it('stays throttled without a second notice, counts restored alerts once, and sums up when calm', () => {
    const store = restartable();
    const options = { threshold: 2, calmMs: 2 * M };
    const first = new StormGuard(options, new StormStore(store.db()));
    const starts = ['1', '2', '3'].map((key) => ({ key, at: T0 }));
    first.started(starts, T0);
    expect(first.filter([firing('team', 1)], T0).map((m) => m.groupLabels.alertname)).toEqual(['OpsdeckAlertStorm']);
    store.restart();

    const second = new StormGuard(options, new StormStore(store.db()));
    // The same alerts, restored, are not new alerts.
    second.started(starts, T0 + 10 * S);
    expect(second.nextDueAt()).toBe(T0 + M);
    expect(second.filter([firing('team', 2), firing('team', 3)], T0 + 10 * S)).toEqual([]);
    second.filter([], T0 + M);
    store.restart();

    const third = new StormGuard(options, new StormStore(store.db()));
    expect(third.nextDueAt()).toBe(T0 + 3 * M);
    const [summary] = third.filter([], T0 + 3 * M);
    expect(summary).toMatchObject({ receiver: 'team', alerts: [{ status: 'resolved', annotations: { summary: `Alert storm over: 3 notifications were held back since ${new Date(T0).toISOString()}.` } }] });
    expect(third.filter([firing('team', 4)], T0 + 3 * M)).toHaveLength(1);
  });
});
