import type { K8sPodRow, PodSort, SortDirection } from '@contract';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { POD_COLUMNS } from './podColumns';
import type { PodWindow } from './usePodWindow';

/** Every row is exactly this tall, so a scroll offset maps to a row index. */
export const ROW_PX = 28;
const OVERSCAN_ROWS = 10;
/** Before layout (and where there is none) assume a usual viewport. */
const FALLBACK_VIEWPORT_PX = 560;

interface Props {
  window: PodWindow;
  sort: PodSort;
  dir: SortDirection;
  onSort(sort: PodSort, dir: SortDirection): void;
  /** Changes when the filter does: the table scrolls back to the top. */
  resetKey: string;
  onDelete(row: K8sPodRow): void;
}

/** The data columns and the one with each row's actions. */
const COLUMN_COUNT = POD_COLUMNS.length + 1;

/** Stands in for rows out of view, so the scrollbar is that of the whole result. */
function Spacer({ rows }: { rows: number }) {
  return (
    <tr className="pods-table__spacer" aria-hidden="true">
      <td colSpan={COLUMN_COUNT} style={{ height: rows * ROW_PX }} />
    </tr>
  );
}

/** Clicking the sorted column flips it; restarts start with the most, the others ascending. */
function nextDirection(column: PodSort, sort: PodSort, dir: SortDirection): SortDirection {
  if (column === sort) return dir === 'asc' ? 'desc' : 'asc';
  return column === 'restarts' ? 'desc' : 'asc';
}

/** Rows of kubectl's STATUS that mean trouble, coloured as such. */
function statusTone(status: string, phase: string): string {
  if (status === 'Running' || status === 'Completed' || phase === 'Succeeded') return 'ok';
  if (phase === 'Pending' || status === 'Terminating' || status.startsWith('Init:')) return 'pending';
  return 'bad';
}

/**
 * The pods of a query as a virtualized table: only the rows in view (plus a margin) are
 * rendered, and spacer rows stand in for the rest, so 100,000 matches scroll like 100.
 */
export function PodsTable({ window: pods, sort, dir, onSort, resetKey, onDelete }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(FALLBACK_VIEWPORT_PX);
  const matched = pods.matched ?? 0;

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setViewport(el.clientHeight || FALLBACK_VIEWPORT_PX);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    scroller.current?.scrollTo?.({ top: 0 });
    setScrollTop(0);
  }, [resetKey]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_PX) - OVERSCAN_ROWS);
  const last = Math.min(matched - 1, Math.ceil((scrollTop + viewport) / ROW_PX) + OVERSCAN_ROWS);
  const { showRows } = pods;
  useEffect(() => {
    if (last >= first) showRows(first, last);
  }, [first, last, showRows]);

  const now = Date.now();
  const rows = [];
  for (let i = first; i <= last; i++) {
    const row = pods.rowAt(i);
    rows.push(
      row ? (
        <tr key={row.uid || `${row.namespace}/${row.name}`} aria-rowindex={i + 2} data-pod={`${row.namespace}/${row.name}`}>
          {POD_COLUMNS.map((c) => (
            <td key={c.id} className={c.id === 'status' ? `pod-status pod-status--${statusTone(row.status, row.phase)}` : c.mono ? 'mono' : undefined}>
              {c.cell(row, now)}
            </td>
          ))}
          <td className="pods-table__action">
            <button type="button" className="button button--ghost" aria-label={`Delete pod ${row.namespace}/${row.name}`} title="Delete pod" onClick={() => onDelete(row)}>
              Delete
            </button>
          </td>
        </tr>
      ) : (
        <tr key={`pending-${i}`} aria-rowindex={i + 2} className="pods-table__pending">
          <td colSpan={COLUMN_COUNT}>…</td>
        </tr>
      ),
    );
  }

  return (
    <div className="pods-scroll" ref={scroller} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)} data-testid="pods-scroll">
      <table className="table pods-table" aria-label="Pods" aria-rowcount={matched + 1}>
        <colgroup>
          {POD_COLUMNS.map((c) => (
            <col key={c.id} style={{ width: c.width }} />
          ))}
          <col style={{ width: '72px' }} />
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {POD_COLUMNS.map((c) => {
              const active = c.sort !== undefined && c.sort === sort;
              return (
                <th key={c.id} scope="col" aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                  {c.sort ? (
                    <button type="button" className="table__sort" onClick={() => onSort(c.sort!, nextDirection(c.sort!, sort, dir))}>
                      {c.label}
                      <span className="table__sort-mark" aria-hidden="true">
                        {active ? (dir === 'asc' ? '▲' : '▼') : ''}
                      </span>
                    </button>
                  ) : (
                    <span className="table__head">{c.label}</span>
                  )}
                </th>
              );
            })}
            <th scope="col">
              <span className="table__head">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {first > 0 && <Spacer rows={first} />}
          {rows}
          {last < matched - 1 && <Spacer rows={matched - 1 - last} />}
        </tbody>
      </table>
    </div>
  );
}
