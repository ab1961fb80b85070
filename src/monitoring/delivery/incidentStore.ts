import type { Incident, IncidentDetail, IncidentEvent, IncidentEventKind, IncidentPage, IncidentStatus } from '../../contract';
import { OpsdeckError } from '../../contract';
import type { Db } from '../../store/database';
import { fingerprint } from '../rules/labels';
import type { Labels } from '../routing/routeMatch';
import { firingOf, titleOf, type GroupMessage } from './groupMessage';

interface Row {
  id: number;
  group_key: string;
  title: string;
  group_labels: string;
  fingerprints: string;
  status: IncidentStatus;
  opened_at: number;
  resolved_at: number | null;
}

/** A group that fires again this soon after it resolved continues its incident. */
export const INCIDENT_WINDOW_MS = 10 * 60_000;

const fingerprintsOf = (row: Row) => JSON.parse(row.fingerprints) as string[];
const incidentOf = (row: Row): Incident => ({
  id: row.id,
  groupKey: row.group_key,
  title: row.title,
  groupLabels: JSON.parse(row.group_labels) as Labels,
  alertCount: fingerprintsOf(row).length,
  status: row.status,
  openedAt: row.opened_at,
  resolvedAt: row.resolved_at,
});

/** Incidents and their timelines in the store, built from the notifications of each group. */
export class IncidentStore {
  constructor(private readonly db: Db) {}

  private latest(groupKey: string): Row | undefined {
    return this.db.prepare<[string], Row>('SELECT * FROM incidents WHERE group_key = ? ORDER BY id DESC LIMIT 1').get(groupKey);
  }

  private event(id: number, at: number, kind: IncidentEventKind, detail: string): void {
    this.db.prepare('INSERT INTO incident_events (incident_id, at, kind, detail) VALUES (?, ?, ?, ?)').run(id, at, kind, detail);
  }

  /** A group's notification: opens or continues its incident, adds alerts not seen before, resolves it when nothing fires. */
  notified(m: GroupMessage, now: number): void {
    this.db.transaction(() => {
      const firing = firingOf(m);
      let row = this.latest(m.groupKey);
      const continues = row && (row.status === 'open' || row.resolved_at! >= now - INCIDENT_WINDOW_MS);
      if (!row || !continues) {
        if (firing.length === 0) return;
        const info = this.db
          .prepare("INSERT INTO incidents (group_key, title, group_labels, fingerprints, status, opened_at) VALUES (?, ?, ?, '[]', 'open', ?)")
          .run(m.groupKey, Object.values(m.groupLabels).join(' ') || m.groupKey, JSON.stringify(m.groupLabels), now);
        row = this.db.prepare<[number], Row>('SELECT * FROM incidents WHERE id = ?').get(Number(info.lastInsertRowid))!;
        this.event(row.id, now, 'opened', titleOf(m));
      } else if (row.status === 'resolved' && firing.length) {
        this.db.prepare("UPDATE incidents SET status = 'open', resolved_at = NULL WHERE id = ?").run(row.id);
        this.event(row.id, now, 'opened', `fires again: ${titleOf(m)}`);
      }
      const known = new Set(fingerprintsOf(row));
      for (const a of firing) {
        const fp = fingerprint(a.labels);
        if (known.has(fp)) continue;
        known.add(fp);
        const labels = Object.entries(a.labels).map(([k, v]) => `${k}=${v}`).join(', ');
        this.event(row.id, now, 'alert_added', `${labels} (firing since ${new Date(a.startsAt).toISOString()})`);
      }
      this.db.prepare('UPDATE incidents SET fingerprints = ? WHERE id = ?').run(JSON.stringify([...known]), row.id);
      if (firing.length === 0 && this.latest(m.groupKey)!.status === 'open') {
        this.db.prepare("UPDATE incidents SET status = 'resolved', resolved_at = ? WHERE id = ?").run(now, row.id);
        this.event(row.id, now, 'resolved', `${m.alerts.length} alerts resolved`);
      }
    })();
  }

  /** An alert was acknowledged: noted in the open incidents that hold it. */
  acknowledged(labels: Labels, by: string, at: number): void {
    const fp = fingerprint(labels);
    for (const row of this.db.prepare<[], Row>("SELECT * FROM incidents WHERE status = 'open'").all()) {
      if (fingerprintsOf(row).includes(fp)) this.event(row.id, at, 'acknowledged', `${labels.alertname ?? fp} by ${by}`);
    }
  }

  /** A notification of the group went out: noted in its latest incident. */
  delivered(groupKey: string, what: string, at: number): void {
    const row = this.latest(groupKey);
    if (row) this.event(row.id, at, 'notified', what);
  }

  list(query: { status?: IncidentStatus; limit: number; offset: number }): IncidentPage {
    const clause = query.status ? 'WHERE status = ?' : '';
    const params = query.status ? [query.status] : [];
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM incidents ${clause}`).get(...params) as { n: number }).n;
    const rows = this.db.prepare(`SELECT * FROM incidents ${clause} ORDER BY opened_at DESC, id DESC LIMIT ? OFFSET ?`).all(...params, query.limit, query.offset) as Row[];
    return { items: rows.map(incidentOf), total };
  }

  get(id: number): IncidentDetail {
    const row = this.db.prepare<[number], Row>('SELECT * FROM incidents WHERE id = ?').get(id);
    if (!row) throw new OpsdeckError('NOT_FOUND', `No incident with id ${id}.`);
    const timeline = this.db.prepare<[number], IncidentEvent>('SELECT at, kind, detail FROM incident_events WHERE incident_id = ? ORDER BY at, id').all(id);
    return { ...incidentOf(row), timeline };
  }
}
