import type { AlertAck, AlertInstance } from '../../contract';
import { fingerprint } from '../rules/labels';
import { NotificationScheduler, type Notification, type NotificationLog, type ScheduledAlert } from '../routing/notificationScheduler';
import type { Labels } from '../routing/routeMatch';
import type { RoutingConfig } from '../routing/routingConfig';
import { EscalationTracker } from './escalation';
import type { EscalationStore } from './escalationStore';
import type { GroupMessage, MessageAlert } from './groupMessage';
import type { OutboxEntry } from './outboxStore';
import { StormGuard, type StormLog, type StormOptions } from './stormGuard';
import { receiverEntries } from './receiverEntries';

export interface AlertRouterOptions {
  /** The routing config's text and what it describes; config null while the text has problems. */
  routing: () => { text: string; config: RoutingConfig | null };
  isSilenced: (labels: Labels) => boolean;
  /** An alert by id, to learn when one that left the open alerts resolved. */
  lookup: (id: number) => Pick<AlertInstance, 'state' | 'resolvedAt'> | null;
  /** Each group notification the scheduler decided on, before storm throttling. */
  onGroup: (message: GroupMessage, now: number) => void;
  /** A firing alert was acknowledged. */
  onAcknowledged: (labels: Labels, ack: AlertAck) => void;
  /** Each flush's notifications as outbox entries, one per receiver integration. */
  onEntries: (entries: OutboxEntry[]) => void;
  /** Where receivers link back to; Alertmanager's externalURL. */
  externalURL: string;
  log: (message: string) => void;
  storm?: StormOptions;
  /** Where notifications, escalations and the storm guard's state are kept across restarts; in memory without. */
  state?: { notifications: NotificationLog; escalations: EscalationStore; storm: StormLog };
  now?: () => number;
}

interface Known {
  labels: Labels;
  annotations: Labels;
  startsAt: number;
  acked: boolean;
}

/**
 * Feeds the rule engine's alert changes to a NotificationScheduler built from the routing config and
 * flushes it when its next group is due; routes with opsdeck_escalation have their unacknowledged firing
 * groups escalated; an alert storm holds notifications back (StormGuard). A config that did not change keeps the scheduler and its groups; a changed one starts
 * new groups with the firing alerts.
 */
export class AlertRouter {
  private scheduler: NotificationScheduler | null = null;
  private config: RoutingConfig | null = null;
  private text: string | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** Firing alerts by id, as last put. */
  private readonly firing = new Map<number, Known>();
  /** The annotations of each alert put, found again from the scheduler's notifications (it hands back what it was given). */
  private readonly details = new WeakMap<ScheduledAlert, Known>();
  private escalation = new EscalationTracker();
  private readonly storm: StormGuard;
  private readonly now: () => number;

  constructor(private readonly options: AlertRouterOptions) {
    this.now = options.now ?? Date.now;
    this.storm = new StormGuard(options.storm, options.state?.storm);
  }

  /** The config in force; null until one without problems was read. */
  current(): RoutingConfig | null {
    return this.config;
  }

  /** Reads the routing config again; a text with problems leaves the one in force. */
  reload(): void {
    let read: { text: string; config: RoutingConfig | null };
    try {
      read = this.options.routing();
    } catch (err) {
      this.options.log(`routing: ${(err as Error).message}; notifications keep the last good config`);
      return;
    }
    const { text, config } = read;
    if (text === this.text) return;
    if (!config) {
      this.options.log('routing: the config has problems; notifications keep the last good one');
      return;
    }
    this.text = text;
    this.config = config;
    this.scheduler = new NotificationScheduler({ config, now: this.now, isSilenced: this.options.isSilenced, log: this.options.state?.notifications });
    this.escalation = new EscalationTracker(this.options.state?.escalations.forConfig(text));
    for (const known of this.firing.values()) this.put(known, null);
    this.arm();
  }

  /** The open alerts after an evaluation: those that started firing and those that stopped are put. */
  update(open: Pick<AlertInstance, 'id' | 'state' | 'labels' | 'annotations' | 'activeAt' | 'firedAt' | 'ack'>[]): void {
    const firingNow = new Map(open.filter((a) => a.state === 'firing').map((a) => [a.id, a]));
    const started: { key: string; at: number }[] = [];
    for (const [id, alert] of firingNow) {
      const kept = this.firing.get(id);
      if (kept) {
        kept.annotations = alert.annotations;
        if (!kept.acked && alert.ack) this.options.onAcknowledged(alert.labels, alert.ack);
        kept.acked = alert.ack !== null;
        continue;
      }
      const known: Known = { labels: alert.labels, annotations: alert.annotations, startsAt: alert.firedAt ?? alert.activeAt, acked: alert.ack !== null };
      this.firing.set(id, known);
      this.put(known, null);
      started.push({ key: String(id), at: known.startsAt });
    }
    this.storm.started(started, this.now());
    for (const [id, known] of [...this.firing]) {
      if (firingNow.has(id)) continue;
      this.firing.delete(id);
      const stored = this.options.lookup(id);
      this.put(known, stored?.state === 'resolved' && stored.resolvedAt !== null ? stored.resolvedAt : this.now());
    }
    this.arm();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.scheduler = null;
  }

  private put(known: Known, endsAt: number | null): void {
    const scheduled: ScheduledAlert = { labels: known.labels, startsAt: known.startsAt, endsAt };
    this.details.set(scheduled, known);
    this.scheduler?.put(scheduled);
  }

  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const times = [this.scheduler?.nextDueAt() ?? null, this.escalation.nextDueAt(), this.storm.nextDueAt()].filter((t) => t !== null);
    if (times.length === 0) return;
    const at = Math.min(...times);
    this.timer = setTimeout(() => {
      // A failing store must not stop the host; the next change or reload arms the timer again.
      try {
        this.flush();
      } catch (err) {
        this.options.log(`notifications: flushing failed: ${(err as Error).message}`);
      }
    }, Math.max(0, at - this.now()));
  }

  private flush(): void {
    this.timer = null;
    const config = this.config;
    const now = this.now();
    const messages = (this.scheduler?.flushDue() ?? []).map((n) => {
      const message = this.message(n);
      this.escalation.notified(`${n.route.path.join('.')} ${n.groupKey}`, n.route.escalation, message, now);
      this.options.onGroup(message, now);
      return message;
    });
    messages.push(...this.escalation.due(now, (labels) => this.isAcked(labels)));
    if (config) {
      const entries = this.storm.filter(messages, now).flatMap((m) => {
        const receiver = config.receivers.find((r) => r.name === m.receiver);
        return receiver ? receiverEntries(m, receiver, this.options.externalURL) : [];
      });
      if (entries.length) this.options.onEntries(entries);
    }
    this.arm();
  }

  private isAcked(labels: Labels): boolean {
    const fp = fingerprint(labels);
    return [...this.firing.values()].some((k) => k.acked && fingerprint(k.labels) === fp);
  }

  private message(n: Notification): GroupMessage {
    const alert = (a: ScheduledAlert, status: MessageAlert['status']): MessageAlert => {
      // Opsdeck's rules have no Prometheus graph page to link to.
      return { status, labels: a.labels, annotations: this.details.get(a)?.annotations ?? {}, startsAt: a.startsAt, endsAt: a.endsAt, generatorURL: '' };
    };
    return { receiver: n.receiver, groupKey: n.groupKey, groupLabels: n.groupLabels, alerts: [...n.firing.map((a) => alert(a, 'firing')), ...n.resolved.map((a) => alert(a, 'resolved'))] };
  }
}
