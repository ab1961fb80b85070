import type { GroupMessage } from './groupMessage';

export interface StormOptions {
  /** More new alerts than this within a minute is a storm. */
  threshold?: number;
  /** How long the rate must stay at or under the threshold for the storm to end. */
  calmMs?: number;
}

const WINDOW_MS = 60_000;
export const STORM_ALERTNAME = 'OpsdeckAlertStorm';

interface Storm {
  startedAt: number;
  /** Since when the rate has been at or under the threshold; null while it is over. */
  calmSince: number | null;
  /** Receivers told about the storm, with how many of their notifications were held back. */
  held: Map<string, number>;
}

/**
 * Alert storm throttling. More than threshold new alerts in a minute starts a storm: each receiver gets one
 * storm notice instead of its notifications, which are held back until the rate has stayed at or under the
 * threshold for calmMs; then each receiver told gets a summary. Pure: the caller gives the clock.
 */
export class StormGuard {
  private readonly threshold: number;
  private readonly calmMs: number;
  private starts: number[] = [];
  private storm: Storm | null = null;

  constructor(options: StormOptions = {}) {
    this.threshold = options.threshold ?? 20;
    this.calmMs = options.calmMs ?? 2 * 60_000;
  }

  /** Alerts started firing at these times (alerts restored after a restart count when they fired, not now). */
  started(times: number[], now: number): void {
    this.starts.push(...times);
    this.starts.sort((a, b) => a - b);
    this.observe(now);
  }

  /** When the storm may end; null while there is none. */
  nextDueAt(): number | null {
    if (!this.storm) return null;
    return this.storm.calmSince === null ? (this.starts[0] ?? 0) + WINDOW_MS : this.storm.calmSince + this.calmMs;
  }

  /** The messages to send at now: as given when calm; in a storm, one notice per receiver and nothing else; a summary when it ends. */
  filter(messages: GroupMessage[], now: number): GroupMessage[] {
    this.observe(now);
    const storm = this.storm;
    if (!storm) return messages;
    if (storm.calmSince !== null && now - storm.calmSince >= this.calmMs) {
      this.storm = null;
      return [...[...storm.held].map(([receiver, held]) => this.notice(receiver, 'resolved', `Alert storm over: ${held} notifications were held back since ${new Date(storm.startedAt).toISOString()}.`, storm.startedAt, now)), ...messages];
    }
    const out: GroupMessage[] = [];
    for (const m of messages) {
      const held = storm.held.get(m.receiver);
      if (held === undefined) out.push(this.notice(m.receiver, 'firing', `More than ${this.threshold} new alerts in a minute: notifications are held back until it calms down.`, storm.startedAt, null));
      storm.held.set(m.receiver, (held ?? 0) + 1);
    }
    return out;
  }

  private observe(now: number): void {
    // When the last start to leave the window left it: the rate fell then, however late this is called.
    let fellAt = now;
    while (this.starts.length && this.starts[0]! <= now - WINDOW_MS) fellAt = this.starts.shift()! + WINDOW_MS;
    const over = this.starts.length > this.threshold;
    if (over && !this.storm) this.storm = { startedAt: now, calmSince: null, held: new Map() };
    if (!this.storm) return;
    if (over) this.storm.calmSince = null;
    else this.storm.calmSince ??= fellAt;
  }

  private notice(receiver: string, status: 'firing' | 'resolved', summary: string, startsAt: number, endsAt: number | null): GroupMessage {
    const labels = { alertname: STORM_ALERTNAME };
    return { receiver, groupKey: `{}:{alertname="${STORM_ALERTNAME}"}`, groupLabels: labels, alerts: [{ status, labels, annotations: { summary }, startsAt, endsAt, generatorURL: '' }] };
  }
}
