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

/** The guard's state as it is kept across restarts. */
export interface StormState {
  /** Alert starts in the last minute, by alert. */
  starts: [string, number][];
  storm: { startedAt: number; calmSince: number | null; held: [string, number][] } | null;
}

export interface StormLog {
  load(): StormState | null;
  save(state: StormState): void;
}

/**
 * Alert storm throttling. More than threshold new alerts in a minute starts a storm: each receiver gets one
 * storm notice instead of its notifications, which are held back until the rate has stayed at or under the
 * threshold for calmMs; then each receiver told gets a summary. Pure but for the log it keeps its state in:
 * the caller gives the clock.
 */
export class StormGuard {
  private readonly threshold: number;
  private readonly calmMs: number;
  /** When each alert of the last minute started, by a key of the alert (a restored alert counts once). */
  private readonly starts = new Map<string, number>();
  private storm: Storm | null = null;
  private saved = '';

  constructor(
    options: StormOptions = {},
    private readonly log?: StormLog,
  ) {
    this.threshold = options.threshold ?? 20;
    this.calmMs = options.calmMs ?? 2 * 60_000;
    const state = log?.load();
    if (!state) return;
    for (const [key, at] of state.starts) this.starts.set(key, at);
    if (state.storm) this.storm = { ...state.storm, held: new Map(state.storm.held) };
    this.saved = JSON.stringify(this.state());
  }

  /** Alerts started firing (alerts restored after a restart count when they fired, not now). */
  started(starts: { key: string; at: number }[], now: number): void {
    for (const { key, at } of starts) this.starts.set(key, at);
    this.observe(now);
    this.save();
  }

  /** When the storm may end; null while there is none. */
  nextDueAt(): number | null {
    if (!this.storm) return null;
    if (this.storm.calmSince !== null) return this.storm.calmSince + this.calmMs;
    let first: number | null = null;
    for (const at of this.starts.values()) if (first === null || at < first) first = at;
    return (first ?? 0) + WINDOW_MS;
  }

  /** The messages to send at now: as given when calm; in a storm, one notice per receiver and nothing else; a summary when it ends. */
  filter(messages: GroupMessage[], now: number): GroupMessage[] {
    try {
      return this.pass(messages, now);
    } finally {
      this.save();
    }
  }

  private pass(messages: GroupMessage[], now: number): GroupMessage[] {
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
    let left: number | null = null;
    for (const [key, at] of this.starts) {
      if (at > now - WINDOW_MS) continue;
      this.starts.delete(key);
      left = Math.max(left ?? at, at);
    }
    const fellAt = left === null ? now : left + WINDOW_MS;
    const over = this.starts.size > this.threshold;
    if (over && !this.storm) this.storm = { startedAt: now, calmSince: null, held: new Map() };
    if (!this.storm) return;
    if (over) this.storm.calmSince = null;
    else this.storm.calmSince ??= fellAt;
  }

  private state(): StormState {
    const s = this.storm;
    return { starts: [...this.starts], storm: s && { startedAt: s.startedAt, calmSince: s.calmSince, held: [...s.held] } };
  }

  /** Writes the state when it changed since it was last written. */
  private save(): void {
    if (!this.log) return;
    const state = this.state();
    const text = JSON.stringify(state);
    if (text === this.saved) return;
    this.saved = text;
    this.log.save(state);
  }

  private notice(receiver: string, status: 'firing' | 'resolved', summary: string, startsAt: number, endsAt: number | null): GroupMessage {
    const labels = { alertname: STORM_ALERTNAME };
    return { receiver, groupKey: `{}:{alertname="${STORM_ALERTNAME}"}`, groupLabels: labels, alerts: [{ status, labels, annotations: { summary }, startsAt, endsAt, generatorURL: '' }] };
  }
}
