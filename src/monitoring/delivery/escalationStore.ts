import { createHash } from 'node:crypto';
import type { Db } from '../../store/database';
import type { EscalationLog, Tracked } from './escalation';

interface Row {
  group_id: string;
  steps: string;
  since: number;
  level: number;
  message: string;
}

/** The groups being escalated, in the store, each under the routing config that escalates it. */
export class EscalationStore {
  constructor(private readonly db: Db) {}

  /**
   * The escalations of this config text: those of any other config are dropped (a changed config starts
   * its escalations afresh, as it starts its groups), the rest are kept across restarts.
   */
  forConfig(text: string): EscalationLog {
    const hash = createHash('sha256').update(text).digest('hex');
    this.db.prepare('DELETE FROM notification_escalations WHERE config_hash != ?').run(hash);
    return {
      load: () =>
        new Map(
          this.db
            .prepare<[], Row>('SELECT group_id, steps, since, level, message FROM notification_escalations ORDER BY group_id')
            .all()
            .map((r) => [r.group_id, { steps: JSON.parse(r.steps) as Tracked['steps'], since: r.since, level: r.level, message: JSON.parse(r.message) as Tracked['message'] }]),
        ),
      save: (id, t) =>
        void this.db
          .prepare('INSERT OR REPLACE INTO notification_escalations (group_id, config_hash, steps, since, level, message) VALUES (?, ?, ?, ?, ?, ?)')
          .run(id, hash, JSON.stringify(t.steps), t.since, t.level, JSON.stringify(t.message)),
      remove: (id) => void this.db.prepare('DELETE FROM notification_escalations WHERE group_id = ?').run(id),
    };
  }
}
