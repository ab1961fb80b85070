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

/** Alerts engines raise are stored under the file `engine:<engine>`: no rule file owns them. */
export const ENGINE_ALERT_FILE_PREFIX = 'engine:';

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

/** What an evaluation changed in one rule's alerts, to store. */
export interface RuleChanges {
  rule: RuleRef;
  updated: ActiveAlert[];
  dropped: ActiveAlert[];
}

const ruleKey = (file: string, group: string, alertname: string) => JSON.stringify([file, group, alertname]);

/** Alert instances and their acknowledgements in the store. */
export class AlertStore {
  /** When each rule's open alerts were last evaluated, by rule; see evaluated(). */
  private readonly evaluatedAt = new Map<string, number>();

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
    this.saveAll([{ rule, updated, dropped }]);
  }

  /** Stores what a group's evaluation changed in its rules, in one transaction; nothing when nothing changed. */
  saveAll(changes: RuleChanges[]): void {
    if (!changes.some((c) => c.updated.length || c.dropped.length)) return;
    const insert = this.db.prepare(
      `INSERT INTO alert_instances (file, group_name, alertname, labels, annotations, state, value, active_at, fired_at, resolved_at, keep_firing_since, last_eval_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const update = this.db.prepare(
      `UPDATE alert_instances SET annotations = ?, state = ?, value = ?, fired_at = ?, resolved_at = ?, keep_firing_since = ?, last_eval_at = ? WHERE id = ?`,
    );
    const remove = this.db.prepare('DELETE FROM alert_instances WHERE id = ?');
    this.db.transaction(() => {
      for (const { rule, updated, dropped } of changes) {
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
      }
    })();
  }

  /**
   * The rules were evaluated at ts: their open alerts were too. Kept in memory, so an evaluation
   * that changed nothing writes nothing, and shown in place of the stored time until
   * persistEvaluations writes it.
   */
  evaluated(rules: RuleRef[], ts: number): void {
    for (const rule of rules) this.evaluatedAt.set(ruleKey(rule.file, rule.group, rule.alertname), ts);
  }

  /** Writes the evaluation times kept in memory to the rules' open alerts (when the rules stop). */
  persistEvaluations(): void {
    const update = this.db.prepare(
      "UPDATE alert_instances SET last_eval_at = ? WHERE state != 'resolved' AND file = ? AND group_name = ? AND alertname = ? AND last_eval_at < ?",
    );
    this.db.transaction(() => {
      for (const [key, ts] of this.evaluatedAt) {
        const [file, group, alertname] = JSON.parse(key) as [string, string, string];
        update.run(ts, file, group, alertname, ts);
      }
    })();
    this.evaluatedAt.clear();
  }

  /** A row as the channels show it; an open alert's last evaluation may be newer than its row. */
  private instance(row: Row): Omit<AlertInstance, 'silencedBy'> {
    const instance = instanceOf(row);
    if (row.state === 'resolved') return instance;
    const evaluatedAt = this.evaluatedAt.get(ruleKey(row.file, row.group_name, row.alertname));
    if (evaluatedAt !== undefined && evaluatedAt > row.last_eval_at) instance.lastEvalAt = evaluatedAt;
    return instance;
  }

  /** Open alerts of rules that no longer exist end here: resolved now, or forgotten while pending. Engine alerts are their engines' to end. */
  closeOrphans(exists: (rule: RuleRef) => boolean, now: number): void {
    const orphans = this.open().filter((s) => !s.file.startsWith(ENGINE_ALERT_FILE_PREFIX) && !exists(s));
    this.db.transaction(() => {
      for (const { alert } of orphans) {
        if (alert.state === 'pending') this.db.prepare('DELETE FROM alert_instances WHERE id = ?').run(alert.id);
        else this.db.prepare("UPDATE alert_instances SET state = 'resolved', resolved_at = ? WHERE id = ?").run(now, alert.id);
      }
    })();
  }

  get(id: number): Omit<AlertInstance, 'silencedBy'> | null {
    const row = this.db.prepare<[number], Row>('SELECT * FROM alert_instances WHERE id = ?').get(id);
    return row ? this.instance(row) : null;
  }

  current(): Omit<AlertInstance, 'silencedBy'>[] {
    return this.db.prepare<[], Row>("SELECT * FROM alert_instances WHERE state != 'resolved' ORDER BY active_at DESC, id DESC").all().map((row) => this.instance(row));
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
    return { items: rows.map((row) => this.instance(row)), total };
  }

  ack(id: number, ack: AlertAck): void {
    this.db.prepare('UPDATE alert_instances SET ack_by = ?, ack_at = ?, ack_comment = ? WHERE id = ?').run(ack.by, ack.at, ack.comment, id);
  }
}
