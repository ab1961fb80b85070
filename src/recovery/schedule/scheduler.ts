import { nextRun, parseCron, type CronSchedule } from './cron';

/**
 * When each scheduled target is next due. Due times are computed from the last time looked at,
 * so a run missed while Opsdeck was closed happens once at start, not once per missed slot.
 */
export class BackupScheduler {
  private readonly next = new Map<string, { expr: string; cron: CronSchedule; at: number | null }>();

  /** Keeps the schedules in line with the targets (added, changed, removed). */
  sync(targets: { id: string; schedule: string | null }[], now: number): void {
    const seen = new Set<string>();
    for (const t of targets) {
      if (!t.schedule) continue;
      seen.add(t.id);
      const known = this.next.get(t.id);
      if (known?.expr === t.schedule) continue;
      const cron = parseCron(t.schedule);
      this.next.set(t.id, { expr: t.schedule, cron, at: nextRun(cron, now) });
    }
    for (const id of this.next.keys()) if (!seen.has(id)) this.next.delete(id);
  }

  nextAt(id: string): number | null {
    return this.next.get(id)?.at ?? null;
  }

  /** Targets due at `now`; each moves on to its following slot. */
  due(now: number): string[] {
    const out: string[] = [];
    for (const [id, s] of this.next) {
      if (s.at === null || s.at > now) continue;
      out.push(id);
      s.at = nextRun(s.cron, now);
    }
    return out;
  }
}
