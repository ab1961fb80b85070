import type { Alert } from '@contract';
import { useEffect, useRef, useState } from 'react';
import { formatDecimal } from '../../format/number';
import { formatTimestamp } from '../../format/time';
import { labelText, nextSort, sortAlerts, type AlertColumn, type AlertSort } from './sortAlerts';

const COLUMNS: { id: AlertColumn; label: string }[] = [
  { id: 'rule', label: 'Rule' },
  { id: 'severity', label: 'Severity' },
  { id: 'state', label: 'State' },
  { id: 'summary', label: 'Summary' },
  { id: 'labels', label: 'Labels' },
  { id: 'activeSince', label: 'Active since' },
  { id: 'value', label: 'Value' },
];

interface Props {
  alerts: Alert[];
  /** Highlighted and scrolled into view, e.g. after a notification click. */
  focusAlertId: string | null;
}

export function AlertsTable({ alerts, focusAlertId }: Props) {
  const [sort, setSort] = useState<AlertSort>({ column: 'severity', direction: 'desc' });
  const focusedRow = useRef<HTMLTableRowElement>(null);

  useEffect(() => {
    focusedRow.current?.scrollIntoView?.({ block: 'nearest' });
  }, [focusAlertId]);

  return (
    <table className="table" aria-label="Host alerts">
      <thead>
        <tr>
          {COLUMNS.map((c) => {
            const active = sort.column === c.id;
            return (
              <th
                key={c.id}
                scope="col"
                aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
              >
                <button type="button" className="table__sort" onClick={() => setSort(nextSort(sort, c.id))}>
                  {c.label}
                  <span className="table__sort-mark" aria-hidden="true">
                    {active ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
                  </span>
                </button>
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {sortAlerts(alerts, sort).map((a) => {
          const focused = a.id === focusAlertId;
          return (
            <tr
              key={a.id}
              ref={focused ? focusedRow : undefined}
              className={focused ? 'table__row--focused' : undefined}
              aria-current={focused ? 'true' : undefined}
              data-alert-id={a.id}
            >
              <td className="mono">{a.rule}</td>
              <td>
                <span className={`badge badge--${a.severity}`}>{a.severity}</span>
              </td>
              <td>
                <span className={`badge badge--${a.state}`}>{a.state}</span>
              </td>
              <td>{a.summary}</td>
              <td className="mono muted">{labelText(a.labels)}</td>
              <td>{formatTimestamp(a.activeSince)}</td>
              <td className="mono">{formatDecimal(a.value, 1)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
