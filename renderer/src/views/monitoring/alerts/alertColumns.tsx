import type { AlertInstance } from '@contract';
import type { Column } from '../../../components/VirtualTable';
import { formatTimestamp } from '../../../format/time';
import { LabelChips } from '../LabelChips';

export const ALERT_SORTS = ['state', 'alertname', 'severity', 'activeAt', 'value'] as const;
export type AlertSort = (typeof ALERT_SORTS)[number];

/** Most urgent first when sorted descending. */
const SEVERITY_RANK: Record<string, number> = { info: 1, warning: 2, critical: 3 };
const STATE_RANK: Record<AlertInstance['state'], number> = { resolved: 0, pending: 1, firing: 2 };

export const ALERT_SORT_KEYS: Record<AlertSort, (a: AlertInstance) => string | number | null> = {
  state: (a) => STATE_RANK[a.state],
  alertname: (a) => a.alertname,
  severity: (a) => SEVERITY_RANK[a.labels.severity ?? ''] ?? 0,
  activeAt: (a) => a.activeAt,
  value: (a) => a.value,
};

/** What the text filter looks through: name, labels and annotations. */
export const alertSearchText = (a: AlertInstance): string =>
  [a.alertname, ...Object.entries(a.labels).map(([k, v]) => `${k}=${v}`), ...Object.values(a.annotations)].join(' ');

export const alertSummary = (a: AlertInstance): string => a.annotations.summary || a.annotations.description || '';

export const formatAlertValue = (v: number | null): string => (v === null ? 'NaN/Inf' : String(v));

/** Acknowledged and silenced, as short markers. */
export function AlertMarkers({ alert }: { alert: AlertInstance }) {
  return (
    <>
      {alert.silencedBy.length > 0 && (
        <span className="badge" title={`Silenced by ${alert.silencedBy.map((id) => `#${id}`).join(', ')}`}>
          silenced
        </span>
      )}
      {alert.ack && (
        <span className="badge badge--ok" title={`Acknowledged by ${alert.ack.by}${alert.ack.comment ? `: ${alert.ack.comment}` : ''}`}>
          acked
        </span>
      )}
    </>
  );
}

export const ALERT_COLUMNS: Column<AlertInstance, AlertSort>[] = [
  {
    id: 'state',
    label: 'State',
    sort: 'state',
    width: '9%',
    cell: (a) => <span className={`badge badge--${a.state}`}>{a.state}</span>,
  },
  { id: 'alertname', label: 'Alert', sort: 'alertname', width: '15%', className: 'mono', cell: (a) => a.alertname, title: (a) => a.alertname },
  {
    id: 'severity',
    label: 'Severity',
    sort: 'severity',
    width: '9%',
    cell: (a) => (a.labels.severity ? <span className={`badge badge--${a.labels.severity}`}>{a.labels.severity}</span> : ''),
  },
  { id: 'labels', label: 'Labels', width: '24%', cell: (a) => <LabelChips labels={a.labels} skip={['alertname', 'severity']} /> },
  { id: 'activeAt', label: 'Active since', sort: 'activeAt', width: '13%', cell: (a) => formatTimestamp(a.activeAt) },
  { id: 'value', label: 'Value', sort: 'value', width: '8%', className: 'mono', cell: (a) => formatAlertValue(a.value) },
  { id: 'summary', label: 'Summary', width: '14%', cell: alertSummary, title: alertSummary },
  { id: 'markers', label: 'Marks', width: '8%', cell: (a) => <AlertMarkers alert={a} /> },
];
