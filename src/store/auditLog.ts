import type { AuditEntry } from '../contract/types';
import type { Db } from './database';

export type NewAuditEntry = Omit<AuditEntry, 'id'>;

export interface AuditQuery {
  limit: number;
  offset: number;
  /** Matches actor, action, target, context or message, case-insensitively. */
  text?: string;
}

interface Row {
  id: number;
  ts: number;
  actor: string;
  action: string;
  target: string;
  context: string;
  result: string;
  message: string;
}

/** LIKE treats % and _ as wildcards; a user's filter text means them literally. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const entryOf = (r: Row): AuditEntry => ({
  id: r.id,
  ts: r.ts,
  actor: r.actor,
  action: r.action as AuditEntry['action'],
  target: JSON.parse(r.target) as AuditEntry['target'],
  context: r.context,
  result: r.result as AuditEntry['result'],
  message: r.message,
});

/** The record of every cluster action: appended to, never changed. */
export class AuditLog {
  private readonly insertStmt;
  private readonly listStmt;
  private readonly searchStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare<[number, string, string, string, string, string, string]>(
      'INSERT INTO audit_log (ts, actor, action, target, context, result, message) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.listStmt = db.prepare<[number, number], Row>('SELECT * FROM audit_log ORDER BY ts DESC, id DESC LIMIT ? OFFSET ?');
    this.searchStmt = db.prepare<{ pattern: string; limit: number; offset: number }, Row>(
      `SELECT * FROM audit_log
       WHERE actor LIKE :pattern ESCAPE '\\' OR action LIKE :pattern ESCAPE '\\' OR target LIKE :pattern ESCAPE '\\'
          OR context LIKE :pattern ESCAPE '\\' OR message LIKE :pattern ESCAPE '\\'
       ORDER BY ts DESC, id DESC LIMIT :limit OFFSET :offset`,
    );
  }

  append(entry: NewAuditEntry): AuditEntry {
    const { lastInsertRowid } = this.insertStmt.run(
      entry.ts,
      entry.actor,
      entry.action,
      JSON.stringify(entry.target),
      entry.context,
      entry.result,
      entry.message,
    );
    return { id: Number(lastInsertRowid), ...entry };
  }

  /** Newest first. */
  list({ limit, offset, text }: AuditQuery): AuditEntry[] {
    const rows = text ? this.searchStmt.all({ pattern: likePattern(text), limit, offset }) : this.listStmt.all(limit, offset);
    return rows.map(entryOf);
  }
}
