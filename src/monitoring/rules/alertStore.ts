import type { AlertAck, AlertInstance, AlertInstanceState } from '../../contract';
import type { Db } from '../../store/database';
import type { ActiveAlert } from './alertState';

/** Which rule an alert belongs to. */
export interface RuleRef {
  file: string;
  group: string;
  alertname: string;
}

interface Row {
  id: number;
  file: string;
  group_name: string;
  alertname: string;
  labels: string;
  annotations: string;
  state: AlertInstanceState;
  value: number | null;
  active_at: number;
  fired_at: number | null;
  resolved_at: number | null;
  keep_firing_since: number | null;
  last_eval_at: number;
  ack_by: string | null;
  ack_at: number | null;
  ack_comment: string | null;
}

/** A stored alert as the engine holds it, with its rule. */
export interface StoredAlert extends RuleRef {
  alert: ActiveAlert;
}

const ackOf = (row: Row): AlertAck | null => (row.ack_by !== null ? { by: row.ack_by, at: row.ack_at!, comment: row.ack_comment ?? '' } : null);

function instanceOf(row: Row): Omit<AlertInstance, 'silencedBy'> {
  return {
    id: row.id,
    alertname: row.alertname,
    group: row.group_name,
    file: row.file,
    labels: JSON.parse(row.labels) as Record<string, string>,
    annotations: JSON.parse(row.annotations) as Record<string, string>,
    state: row.state,
    value: row.value,
    activeAt: row.active_at,
    firedAt: row.fired_at,
    resolvedAt: row.resolved_at,
    keepFiringSince: row.keep_firing_since,
    lastEvalAt: row.last_eval_at,
    ack: ackOf(row),
  };
}

/** Prometheus's NaN and ±Inf have no SQL or JSON number. */
const finiteOrNull = (v: number) => (Number.isFinite(v) ? v : null);

/** LIKE's wildcards taken literally. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Alert instances and their acknowledgements in the store. */
export class AlertStore {
  constructor(private readonly db: Db) {}

  /** Pending and firing alerts, to restore at start. */
  open(): StoredAlert[] {
    const rows = this.db.prepare<[], Row>("SELECT * FROM alert_instances WHERE state != 'resolved' ORDER BY id").all();
    return rows.map((row) => ({
      file: row.file,
      group: row.group_name,
      alertname: row.alertname,
      alert: {
        id: row.id,
        labels: JSON.parse(row.labels) as Record<string, string>,
        annotations: JSON.parse(row.annotations) as Record<string, string>,
        state: row.state,
        value: row.value ?? Number.NaN,
        activeAt: row.active_at,
        firedAt: row.fired_at,
        resolvedAt: row.resolved_at,
        keepFiringSince: row.keep_firing_since,
        lastEvalAt: row.last_eval_at,
      },
    }));
  }

  /** Stores what an evaluation changed, in one transaction; new alerts get their ids. */
  save(rule: RuleRef, updated: ActiveAlert[], dropped: ActiveAlert[]): void {
    const insert = this.db.prepare(
      `INSERT INTO alert_instances (file, group_name, alertname, labels, annotations, state, value, active_at, fired_at, resolved_at, keep_firing_since, last_eval_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const update = this.db.prepare(
      `UPDATE alert_instances SET annotations = ?, state = ?, value = ?, fired_at = ?, resolved_at = ?, keep_firing_since = ?, last_eval_at = ? WHERE id = ?`,
    );
    const remove = this.db.prepare('DELETE FROM alert_instances WHERE id = ?');
    this.db.transaction(() => {
      for (const a of updated) {
        const annotations = JSON.stringify(a.annotations);
        if (a.id === null) {
          const info = insert.run(rule.file, rule.group, rule.alertname, JSON.stringify(a.labels), annotations, a.state, finiteOrNull(a.value), a.activeAt, a.firedAt, a.resolvedAt, a.keepFiringSince, a.lastEvalAt);
          a.id = Number(info.lastInsertRowid);
        } else {
          update.run(annotations, a.state, finiteOrNull(a.value), a.firedAt, a.resolvedAt, a.keepFiringSince, a.lastEvalAt, a.id);
        }
      }
      for (const a of dropped) if (a.id !== null) remove.run(a.id);
    })();
  }

  /** Open alerts of rules that no longer exist end here: resolved now, or forgotten while pending. */
  closeOrphans(exists: (rule: RuleRef) => boolean, now: number): void {
    const orphans = this.open().filter((s) => !exists(s));
    this.db.transaction(() => {
      for (const { alert } of orphans) {
        if (alert.state === 'pending') this.db.prepare('DELETE FROM alert_instances WHERE id = ?').run(alert.id);
        else this.db.prepare("UPDATE alert_instances SET state = 'resolved', resolved_at = ? WHERE id = ?").run(now, alert.id);
      }
    })();
  }

  get(id: number): Omit<AlertInstance, 'silencedBy'> | null {
    const row = this.db.prepare<[number], Row>('SELECT * FROM alert_instances WHERE id = ?').get(id);
    return row ? instanceOf(row) : null;
  }

  current(): Omit<AlertInstance, 'silencedBy'>[] {
    return this.db.prepare<[], Row>("SELECT * FROM alert_instances WHERE state != 'resolved' ORDER BY active_at DESC, id DESC").all().map(instanceOf);
  }

  /** Newest first; text matches the name, labels or annotations. */
  history(query: { text?: string; state?: AlertInstanceState; limit: number; offset: number }): { items: Omit<AlertInstance, 'silencedBy'>[]; total: number } {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (query.state) {
      where.push('state = ?');
      params.push(query.state);
    }
    if (query.text) {
      where.push("(alertname LIKE ? ESCAPE '\\' OR labels LIKE ? ESCAPE '\\' OR annotations LIKE ? ESCAPE '\\')");
      const pattern = likePattern(query.text);
      params.push(pattern, pattern, pattern);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM alert_instances ${clause}`).get(...params) as { n: number }).n;
    const rows = this.db.prepare(`SELECT * FROM alert_instances ${clause} ORDER BY active_at DESC, id DESC LIMIT ? OFFSET ?`).all(...params, query.limit, query.offset) as Row[];
    return { items: rows.map(instanceOf), total };
  }

  ack(id: number, ack: AlertAck): void {
    this.db.prepare('UPDATE alert_instances SET ack_by = ?, ack_at = ?, ack_comment = ? WHERE id = ?').run(ack.by, ack.at, ack.comment, id);
  }
}
