import type { DeliveryStatus, IntegrationKind, NotificationDelivery, NotificationPage } from '../../contract';
import type { Db } from '../../store/database';

interface Row {
  id: number;
  receiver: string;
  integration: IntegrationKind;
  integration_index: number;
  group_key: string;
  payload: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  created_at: number;
  sent_at: number | null;
}

/** A queued message and where in the routing config its integration is. */
export interface OutboxEntry {
  receiver: string;
  integration: IntegrationKind;
  /** The integration's position in its receiver's list of that kind. */
  index: number;
  groupKey: string;
  payload: unknown;
}

export interface DueDelivery extends OutboxEntry {
  id: number;
  attempts: number;
}

const deliveryOf = (row: Row): NotificationDelivery => ({
  id: row.id,
  receiver: row.receiver,
  integration: row.integration,
  groupKey: row.group_key,
  payload: JSON.parse(row.payload) as unknown,
  status: row.status,
  attempts: row.attempts,
  nextAttemptAt: row.next_attempt_at,
  lastError: row.last_error,
  createdAt: row.created_at,
  sentAt: row.sent_at,
});

const OPEN = "status IN ('pending', 'failed')";

/** The notification outbox in the store: rows move pending → sent, or failed (retried) → sent or dead. */
export class OutboxStore {
  constructor(private readonly db: Db) {}

  /** Queues the entries in one transaction; they are due at now. */
  enqueue(entries: OutboxEntry[], now: number): NotificationDelivery[] {
    const insert = this.db.prepare(
      `INSERT INTO notification_outbox (receiver, integration, integration_index, group_key, payload, status, attempts, next_attempt_at, created_at)
       VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?)`,
    );
    const ids = this.db.transaction(() =>
      entries.map((e) => Number(insert.run(e.receiver, e.integration, e.index, e.groupKey, JSON.stringify(e.payload), now, now).lastInsertRowid)),
    )();
    return ids.map((id) => this.get(id)!);
  }

  get(id: number): NotificationDelivery | null {
    const row = this.db.prepare<[number], Row>('SELECT * FROM notification_outbox WHERE id = ?').get(id);
    return row ? deliveryOf(row) : null;
  }

  /** Open rows due at now, oldest first. */
  due(now: number): DueDelivery[] {
    return this.db
      .prepare<[number], Row>(`SELECT * FROM notification_outbox WHERE ${OPEN} AND next_attempt_at <= ? ORDER BY next_attempt_at, id`)
      .all(now)
      .map((row) => ({ id: row.id, receiver: row.receiver, integration: row.integration, index: row.integration_index, groupKey: row.group_key, payload: JSON.parse(row.payload) as unknown, attempts: row.attempts }));
  }

  /** When the next open row is due; null when none is open. */
  nextDueAt(): number | null {
    return (this.db.prepare(`SELECT MIN(next_attempt_at) AS at FROM notification_outbox WHERE ${OPEN}`).get() as { at: number | null }).at;
  }

  /** Records the answer and the sent state together; a row already sent stays as it was. */
  markSent(id: number, now: number, response: string): NotificationDelivery | null {
    const info = this.db
      .prepare(`UPDATE notification_outbox SET status = 'sent', attempts = attempts + 1, sent_at = ?, response = ?, last_error = NULL WHERE id = ? AND ${OPEN}`)
      .run(now, response, id);
    return info.changes ? this.get(id) : null;
  }

  /** Records a failed attempt: retried at nextAttemptAt, or dead when null. */
  markFailed(id: number, error: string, nextAttemptAt: number | null, now: number): NotificationDelivery | null {
    const info = this.db
      .prepare(`UPDATE notification_outbox SET status = ?, attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ? AND ${OPEN}`)
      .run(nextAttemptAt === null ? 'dead' : 'failed', error, nextAttemptAt ?? now, id);
    return info.changes ? this.get(id) : null;
  }

  /** Newest first. */
  list(query: { status?: DeliveryStatus; receiver?: string; limit: number; offset: number }): NotificationPage {
    const where: string[] = [];
    const params: string[] = [];
    if (query.status) {
      where.push('status = ?');
      params.push(query.status);
    }
    if (query.receiver) {
      where.push('receiver = ?');
      params.push(query.receiver);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM notification_outbox ${clause}`).get(...params) as { n: number }).n;
    const rows = this.db.prepare(`SELECT * FROM notification_outbox ${clause} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`).all(...params, query.limit, query.offset) as Row[];
    return { items: rows.map(deliveryOf), total };
  }
}
