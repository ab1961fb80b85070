import type { Db } from '../../store/database';
import type { NotificationLog, Sent } from '../routing/notificationScheduler';

/** Alertmanager keeps its notification log five days (--data.retention=120h); so does Opsdeck. */
export const NOTIFICATION_LOG_RETENTION_MS = 5 * 24 * 3_600_000;

interface Row {
  firing: string;
  resolved: string;
  sent_at: number;
}

/**
 * The notification log in the store. A group whose last notification had nothing firing is told
 * again exactly as a group never told, so its entry is dropped rather than kept.
 */
export class NotificationLogStore implements NotificationLog {
  constructor(private readonly db: Db) {}

  last(route: string, groupKey: string, receiver: string): Sent | null {
    const row = this.db.prepare<[string, string, string], Row>('SELECT firing, resolved, sent_at FROM notification_log WHERE route = ? AND group_key = ? AND receiver = ?').get(route, groupKey, receiver);
    return row ? { firing: new Set(JSON.parse(row.firing) as string[]), resolved: new Set(JSON.parse(row.resolved) as string[]), at: row.sent_at } : null;
  }

  record(route: string, groupKey: string, receiver: string, sent: Sent): void {
    if (sent.firing.size === 0) {
      this.db.prepare('DELETE FROM notification_log WHERE route = ? AND group_key = ? AND receiver = ?').run(route, groupKey, receiver);
      return;
    }
    this.db
      .prepare('INSERT OR REPLACE INTO notification_log (route, group_key, receiver, firing, resolved, sent_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(route, groupKey, receiver, JSON.stringify([...sent.firing]), JSON.stringify([...sent.resolved]), sent.at);
  }

  /** Forgets entries last written before the given time. */
  prune(before: number): void {
    this.db.prepare('DELETE FROM notification_log WHERE sent_at < ?').run(before);
  }
}
