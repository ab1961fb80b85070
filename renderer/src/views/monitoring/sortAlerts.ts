import type { Alert } from '@contract';

export type AlertColumn = 'rule' | 'severity' | 'state' | 'summary' | 'labels' | 'activeSince' | 'value';
export type SortDirection = 'asc' | 'desc';
export interface AlertSort {
  column: AlertColumn;
  direction: SortDirection;
}

/** Most urgent first when sorted descending. */
const SEVERITY_RANK: Record<Alert['severity'], number> = { info: 0, warning: 1, critical: 2 };
const STATE_RANK: Record<Alert['state'], number> = { pending: 0, firing: 1 };

export const labelText = (labels: Record<string, string>): string =>
  Object.entries(labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');

const KEYS: Record<AlertColumn, (a: Alert) => string | number> = {
  rule: (a) => a.rule,
  severity: (a) => SEVERITY_RANK[a.severity],
  state: (a) => STATE_RANK[a.state],
  summary: (a) => a.summary,
  labels: (a) => labelText(a.labels),
  activeSince: (a) => a.activeSince,
  value: (a) => a.value,
};

function compare(x: string | number, y: string | number): number {
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  return String(x).localeCompare(String(y));
}

/** Sorted copy; ties fall back to the id so rows do not jump between updates. */
export function sortAlerts(alerts: Alert[], { column, direction }: AlertSort): Alert[] {
  const key = KEYS[column];
  const sign = direction === 'asc' ? 1 : -1;
  return [...alerts].sort((a, b) => sign * compare(key(a), key(b)) || a.id.localeCompare(b.id));
}

/** Clicking the sorted column flips it; a new column starts with its most useful order. */
export function nextSort(current: AlertSort, column: AlertColumn): AlertSort {
  if (current.column === column) return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  const startsDescending = column === 'severity' || column === 'state' || column === 'value';
  return { column, direction: startsDescending ? 'desc' : 'asc' };
}
