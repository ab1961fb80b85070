import { fingerprint } from '../rules/labels';
import { isInhibited } from './inhibition';
import type { Route } from './routeConfig';
import { groupKey, groupLabels, matchRoutes, type Labels } from './routeMatch';
import type { RoutingConfig } from './routingConfig';

export interface ScheduledAlert {
  labels: Labels;
  startsAt: number;
  /** When it resolves or resolved; null while it fires with no end in sight. */
  endsAt: number | null;
}

/** One message to send: a group's alerts for its route's receiver. */
export interface Notification {
  receiver: string;
  route: Route;
  groupKey: string;
  groupLabels: Labels;
  firing: ScheduledAlert[];
  resolved: ScheduledAlert[];
}

/** What a group last told its receiver: the fingerprints firing and resolved then, and when. */
export interface Sent {
  firing: Set<string>;
  resolved: Set<string>;
  at: number;
}

/** Alertmanager's notification log: what each route's group last told its receiver, kept across restarts. */
export interface NotificationLog {
  last(route: string, groupKey: string, receiver: string): Sent | null;
  record(route: string, groupKey: string, receiver: string, sent: Sent): void;
}

export interface SchedulerOptions {
  config: RoutingConfig;
  /** Epoch milliseconds now; tests pass a fake clock. */
  now: () => number;
  /** Whether a silence mutes the alert now. */
  isSilenced?: (labels: Labels) => boolean;
  /** Where notifications are recorded; a group that finds itself there keeps its timing (no group_wait, no early repeat). */
  log?: NotificationLog;
}

interface Group {
  id: string;
  /** The route's path, as the notification log knows it. */
  routeId: string;
  route: Route;
  key: string;
  labels: Labels;
  alerts: Map<string, ScheduledAlert>;
  dueAt: number;
  flushed: boolean;
  sent: Sent | null;
}

const isResolved = (alert: ScheduledAlert, now: number) => alert.endsAt !== null && alert.endsAt <= now;
const isSubset = (a: Set<string>, b: Set<string>) => [...a].every((x) => b.has(x));

/**
 * Alertmanager's aggregation groups and notification decisions without timers of its own: the caller
 * puts alerts in and calls flushDue at nextDueAt. A new group waits group_wait before its first
 * notification, then is looked at every group_interval: it is sent when its firing alerts changed or
 * some resolved, else again once repeat_interval has passed. Resolved alerts are sent once and then
 * dropped; inhibited and silenced alerts are left out.
 */
export class NotificationScheduler {
  private readonly groups = new Map<string, Group>();
  private readonly alerts = new Map<string, ScheduledAlert>();

  constructor(private readonly options: SchedulerOptions) {}

  /** Adds an alert or replaces the one with the same labels. */
  put(alert: ScheduledAlert): void {
    const now = this.options.now();
    const fp = fingerprint(alert.labels);
    this.alerts.set(fp, alert);
    for (const { route } of matchRoutes(this.options.config.route, alert.labels)) {
      const labels = groupLabels(route, alert.labels);
      const key = groupKey(route, labels);
      // Groups belong to a route: two routes with the same matchers have equal group keys but separate groups.
      const routeId = route.path.join('.');
      const id = `${routeId} ${key}`;
      let group = this.groups.get(id);
      if (!group) {
        const sent = this.options.log?.last(routeId, key, route.receiver) ?? null;
        // A group notified before (by an earlier run) is looked at again group_interval after that notification.
        const dueAt = sent ? Math.max(now, sent.at + route.groupIntervalMs) : now + route.groupWaitMs;
        group = { id, routeId, route, key, labels, alerts: new Map(), dueAt, flushed: sent !== null, sent };
        this.groups.set(id, group);
      }
      group.alerts.set(fp, alert);
      // An alert that started longer than group_wait ago has waited enough.
      if (!group.flushed && alert.startsAt + route.groupWaitMs < now) group.dueAt = now;
    }
  }

  /** When flushDue next has something to look at; null while there are no groups. */
  nextDueAt(): number | null {
    let next: number | null = null;
    for (const group of this.groups.values()) if (next === null || group.dueAt < next) next = group.dueAt;
    return next;
  }

  /** The notifications due now, in route and group key order. */
  flushDue(): Notification[] {
    const now = this.options.now();
    const firing = [...this.alerts.values()].filter((a) => !isResolved(a, now)).map((a) => a.labels);
    const out: Notification[] = [];
    for (const group of [...this.groups.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      if (group.dueAt > now) continue;
      const notification = this.flush(group, now, firing);
      if (notification) out.push(notification);
    }
    for (const [fp, alert] of this.alerts) {
      if (isResolved(alert, now) && ![...this.groups.values()].some((g) => g.alerts.has(fp))) this.alerts.delete(fp);
    }
    return out;
  }

  private muted(labels: Labels, firing: Labels[]): boolean {
    return isInhibited(this.options.config.inhibitRules, labels, firing) || (this.options.isSilenced?.(labels) ?? false);
  }

  private flush(group: Group, now: number, firingNow: Labels[]): Notification | null {
    group.dueAt = now + group.route.groupIntervalMs;
    group.flushed = true;
    const firing: [string, ScheduledAlert][] = [];
    const resolved: [string, ScheduledAlert][] = [];
    for (const entry of group.alerts) {
      if (this.muted(entry[1].labels, firingNow)) continue;
      (isResolved(entry[1], now) ? resolved : firing).push(entry);
    }
    const current: Sent = { firing: new Set(firing.map(([fp]) => fp)), resolved: new Set(resolved.map(([fp]) => fp)), at: now };
    const send = this.needsUpdate(group, current, now);
    if (send) {
      group.sent = current;
      this.options.log?.record(group.routeId, group.key, group.route.receiver, current);
    }
    // Resolved alerts were sent (or not worth sending) now: Alertmanager drops them from the group.
    for (const [fp, alert] of [...group.alerts]) if (isResolved(alert, now)) group.alerts.delete(fp);
    if (group.alerts.size === 0) this.groups.delete(group.id);
    if (!send) return null;
    return {
      receiver: group.route.receiver,
      route: group.route,
      groupKey: group.key,
      groupLabels: group.labels,
      firing: firing.map(([, a]) => a),
      resolved: resolved.map(([, a]) => a),
    };
  }

  /** Alertmanager's notification log check, for receivers that send resolved alerts. */
  private needsUpdate(group: Group, current: Sent, now: number): boolean {
    const last = group.sent;
    if (!last) return current.firing.size > 0;
    if (!isSubset(current.firing, last.firing)) return true;
    if (current.firing.size === 0) return last.firing.size > 0;
    if (!isSubset(current.resolved, last.resolved)) return true;
    return now - last.at >= group.route.repeatIntervalMs;
  }
}
