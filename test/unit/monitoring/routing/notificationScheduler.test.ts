import { describe, expect, it } from 'vitest';
import { NotificationScheduler, type Notification } from '../../../../src/monitoring/routing/notificationScheduler';
import { parseRoutingConfig } from '../../../../src/monitoring/routing/routingConfig';

const { config } = parseRoutingConfig(`
route:
  receiver: desktop
  group_by: [alertname]
  group_wait: 30s
  group_interval: 5m
  repeat_interval: 1h
  routes:
    - matchers: ['severity="critical"']
      receiver: pager
      group_wait: 10s
      continue: true
    - matchers: ['severity="critical"']
      receiver: desktop
receivers: [{ name: desktop }, { name: pager }]
inhibit_rules:
  - source_matchers: ['alertname="NodeDown"']
    target_matchers: ['alertname="Unreachable"']
`);

const T0 = 1_700_000_000_000;
const S = 1000;
const M = 60 * S;

function setup(isSilenced?: (labels: Record<string, string>) => boolean) {
  let now = T0;
  const scheduler = new NotificationScheduler({ config: config!, now: () => now, isSilenced });
  return {
    scheduler,
    at(ms: number) {
      now = T0 + ms;
    },
    fire(labels: Record<string, string>, startsAt = now) {
      scheduler.put({ labels, startsAt, endsAt: null });
    },
    resolve(labels: Record<string, string>, startsAt = T0) {
      scheduler.put({ labels, startsAt, endsAt: now });
    },
    /** The notifications due at T0 + ms, as receiver and alert names. */
    flushAt(ms: number) {
      now = T0 + ms;
      return scheduler.flushDue().map(brief);
    },
  };
}

const names = (alerts: { labels: Record<string, string> }[]) => alerts.map((a) => a.labels.instance ?? a.labels.alertname).join(',');
const brief = (n: Notification) => `${n.receiver} ${JSON.stringify(n.groupLabels)} firing[${names(n.firing)}] resolved[${names(n.resolved)}]`;

describe('NotificationScheduler', () => {
  it('waits group_wait before the first notification and sends the group together', () => {
    const s = setup();
    s.fire({ alertname: 'Disk', instance: 'a' });
    expect(s.scheduler.nextDueAt()).toBe(T0 + 30 * S);
    s.at(10 * S);
    s.fire({ alertname: 'Disk', instance: 'b' });
    expect(s.flushAt(29 * S)).toEqual([]);
    expect(s.flushAt(30 * S)).toEqual(['desktop {"alertname":"Disk"} firing[a,b] resolved[]']);
    expect(s.scheduler.nextDueAt()).toBe(T0 + 30 * S + 5 * M);
  });

  it('sends changes at the next group_interval, not before', () => {
    const s = setup();
    s.fire({ alertname: 'Disk', instance: 'a' });
    expect(s.flushAt(30 * S)).toHaveLength(1);
    s.at(1 * M);
    s.fire({ alertname: 'Disk', instance: 'c' });
    expect(s.flushAt(4 * M)).toEqual([]);
    expect(s.flushAt(30 * S + 5 * M)).toEqual(['desktop {"alertname":"Disk"} firing[a,c] resolved[]']);
  });

  it('repeats an unchanged firing group after repeat_interval only', () => {
    const s = setup();
    s.fire({ alertname: 'Disk', instance: 'a' });
    expect(s.flushAt(30 * S)).toHaveLength(1);
    for (let tick = 1; tick < 12; tick++) expect(s.flushAt(30 * S + tick * 5 * M)).toEqual([]);
    expect(s.flushAt(30 * S + 60 * M)).toEqual(['desktop {"alertname":"Disk"} firing[a] resolved[]']);
    expect(s.flushAt(30 * S + 65 * M)).toEqual([]);
  });

  it('sends a resolved alert once, then forgets the group', () => {
    const s = setup();
    s.fire({ alertname: 'Disk', instance: 'a' });
    s.fire({ alertname: 'Disk', instance: 'b' });
    expect(s.flushAt(30 * S)).toHaveLength(1);
    s.at(2 * M);
    s.resolve({ alertname: 'Disk', instance: 'a' });
    expect(s.flushAt(30 * S + 5 * M)).toEqual(['desktop {"alertname":"Disk"} firing[b] resolved[a]']);
    expect(s.flushAt(30 * S + 10 * M)).toEqual([]);
    s.at(11 * M);
    s.resolve({ alertname: 'Disk', instance: 'b' });
    expect(s.flushAt(30 * S + 15 * M)).toEqual(['desktop {"alertname":"Disk"} firing[] resolved[b]']);
    expect(s.scheduler.nextDueAt()).toBeNull();
  });

  it('does not notify about a group that fired and resolved before its first notification', () => {
    const s = setup();
    s.fire({ alertname: 'Blip', instance: 'a' });
    s.at(5 * S);
    s.resolve({ alertname: 'Blip', instance: 'a' });
    expect(s.flushAt(30 * S)).toEqual([]);
    expect(s.scheduler.nextDueAt()).toBeNull();
  });

  it('starts a new group with group_wait when an alert fires again after its group was resolved', () => {
    const s = setup();
    s.fire({ alertname: 'Disk', instance: 'a' });
    expect(s.flushAt(30 * S)).toHaveLength(1);
    s.at(1 * M);
    s.resolve({ alertname: 'Disk', instance: 'a' });
    expect(s.flushAt(30 * S + 5 * M)).toHaveLength(1);
    s.at(6 * M);
    s.fire({ alertname: 'Disk', instance: 'a' });
    expect(s.scheduler.nextDueAt()).toBe(T0 + 6 * M + 30 * S);
  });

  it('flushes at once an alert that started longer than group_wait ago', () => {
    const s = setup();
    s.at(10 * M);
    s.fire({ alertname: 'Old', instance: 'a' }, T0);
    expect(s.scheduler.nextDueAt()).toBe(T0 + 10 * M);
    expect(s.flushAt(10 * M)).toEqual(['desktop {"alertname":"Old"} firing[a] resolved[]']);
  });

  it('sends an alert on every route it takes, each with its own timers', () => {
    const s = setup();
    s.fire({ alertname: 'Down', severity: 'critical', instance: 'a' });
    expect(s.flushAt(10 * S)).toEqual(['pager {"alertname":"Down"} firing[a] resolved[]']);
    expect(s.flushAt(30 * S)).toEqual(['desktop {"alertname":"Down"} firing[a] resolved[]']);
  });

  it('leaves out inhibited alerts while their source fires', () => {
    const s = setup();
    s.fire({ alertname: 'NodeDown', instance: 'a' });
    s.fire({ alertname: 'Unreachable', instance: 'x' });
    expect(s.flushAt(30 * S)).toEqual(['desktop {"alertname":"NodeDown"} firing[a] resolved[]']);
    s.at(1 * M);
    s.resolve({ alertname: 'NodeDown', instance: 'a' });
    expect(s.flushAt(30 * S + 5 * M)).toEqual([
      'desktop {"alertname":"NodeDown"} firing[] resolved[a]',
      'desktop {"alertname":"Unreachable"} firing[x] resolved[]',
    ]);
  });

  it('leaves out silenced alerts', () => {
    const s = setup((labels) => labels.instance === 'quiet');
    s.fire({ alertname: 'Disk', instance: 'quiet' });
    s.fire({ alertname: 'Disk', instance: 'loud' });
    s.fire({ alertname: 'Cpu', instance: 'quiet' });
    expect(s.flushAt(30 * S)).toEqual(['desktop {"alertname":"Disk"} firing[loud] resolved[]']);
  });
});
