import type { Db } from '../store/database';
import type { RestoredIncident } from './deliveryMath';

/** Incidents resolved since `from` (the monitoring engine's incidents table), with the namespace their group labels carry. */
export function restoredIncidents(db: Db, from: number): RestoredIncident[] {
  const rows = db
    .prepare<[number], { group_labels: string; opened_at: number; resolved_at: number }>(
      "SELECT group_labels, opened_at, resolved_at FROM incidents WHERE status = 'resolved' AND resolved_at >= ?",
    )
    .all(from);
  return rows.map((r) => {
    let namespace: string | null = null;
    try {
      const labels = JSON.parse(r.group_labels) as Record<string, unknown>;
      if (typeof labels.namespace === 'string' && labels.namespace) namespace = labels.namespace;
    } catch {
      // Labels are written by the monitoring engine as JSON; a row that is not counts for all namespaces only.
    }
    return { namespace, openedAt: r.opened_at, resolvedAt: r.resolved_at };
  });
}
