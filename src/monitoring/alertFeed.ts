import type { AlertSummary } from '../contract';

type Alerts = Pick<AlertSummary, 'firing' | 'pending'>;

/** Which alerts are pending and which firing: what a change of the summary means. */
const signature = (s: Alerts) => JSON.stringify([s.firing.map((a) => a.id).sort(), s.pending.map((a) => a.id).sort()]);

/**
 * The alert summary the tray and notifications read, announced when an alert starts, changes
 * state or ends. The first summary (alerts restored from the store) is the baseline, so a
 * restart announces nothing that was already known.
 */
export class AlertFeed {
  private last: string;

  constructor(
    private readonly current: () => Alerts,
    private readonly announce: (summary: AlertSummary) => void,
  ) {
    this.last = signature(current());
  }

  summary(updatedAt = Date.now()): AlertSummary {
    return { ...this.current(), updatedAt };
  }

  check(): void {
    const summary = this.summary();
    const next = signature(summary);
    if (next === this.last) return;
    this.last = next;
    this.announce(summary);
  }
}
