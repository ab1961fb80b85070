import type { EscalationStep } from '../routing/routeConfig';
import type { Labels } from '../routing/routeMatch';
import { firingOf, type GroupMessage } from './groupMessage';

export interface Tracked {
  steps: EscalationStep[];
  /** When the group's first firing notification went out. */
  since: number;
  /** The next step to take. */
  level: number;
  message: GroupMessage;
}

/** Where escalations are kept across restarts. */
export interface EscalationLog {
  load(): Map<string, Tracked>;
  save(id: string, tracked: Tracked): void;
  remove(id: string): void;
}

/**
 * Escalates firing groups nobody acknowledged: each step's receiver is told once, after the step's delay
 * from the group's first notification, unless every firing alert of the group has been acknowledged by then.
 * A group that resolves, or whose alerts are all acknowledged when a step is due, is no longer followed.
 * Pure but for the log it keeps its groups in: the caller says what was notified and asks at nextDueAt.
 */
export class EscalationTracker {
  private readonly groups: Map<string, Tracked>;

  constructor(private readonly log?: EscalationLog) {
    this.groups = log?.load() ?? new Map();
  }

  /** A route's group was notified; id names the group (route and group key). */
  notified(id: string, steps: EscalationStep[], message: GroupMessage, now: number): void {
    if (steps.length === 0) return;
    if (firingOf(message).length === 0) {
      this.forget(id);
      return;
    }
    const tracked = this.groups.get(id) ?? { steps, since: now, level: 0, message };
    tracked.message = message;
    this.groups.set(id, tracked);
    this.log?.save(id, tracked);
  }

  nextDueAt(): number | null {
    let next: number | null = null;
    for (const g of this.groups.values()) {
      const at = g.since + g.steps[g.level]!.afterMs;
      if (next === null || at < next) next = at;
    }
    return next;
  }

  /** The group messages due at now, each addressed to its step's receiver; isAcked tells whether the alert with these labels is acknowledged. */
  due(now: number, isAcked: (labels: Labels) => boolean): GroupMessage[] {
    const out: GroupMessage[] = [];
    for (const [id, g] of this.groups) {
      const step = g.steps[g.level]!;
      if (now < g.since + step.afterMs) continue;
      if (firingOf(g.message).every((a) => isAcked(a.labels))) {
        this.forget(id);
        continue;
      }
      out.push({ ...g.message, receiver: step.receiver });
      g.level++;
      if (g.level === g.steps.length) this.forget(id);
      else this.log?.save(id, g);
    }
    return out;
  }

  private forget(id: string): void {
    if (this.groups.delete(id)) this.log?.remove(id);
  }
}
