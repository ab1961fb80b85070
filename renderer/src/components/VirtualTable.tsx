import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { scrollToShow, visibleRange } from './virtualRange';
import './tables.css';
import { useViewport } from './useViewport';

/** Every row is exactly this tall, so a scroll offset maps to a row index. */
export const ROW_PX = 28;
const OVERSCAN_ROWS = 10;
/** Rows PageUp and PageDown move by. */
const PAGE_MOVE = 10;
/** Below this width per column the table scrolls sideways rather than cut every cell to a few letters. */
const MIN_COLUMN_PX = 96;

export interface Column<Row, Sort extends string = string> {
  id: string;
  label: string;
  /** The sort this column's header asks for, if it has one. */
  sort?: Sort;
  /** Width in the fixed table layout. */
  width: string;
  cell(row: Row, now: number): ReactNode;
  className?: string | ((row: Row) => string | undefined);
  /** A title on the cell: the whole text where it may be cut off. */
  title?(row: Row): string | undefined;
}

interface Props<Row, Sort extends string> {
  label: string;
  testId: string;
  columns: Column<Row, Sort>[];
  count: number;
  rowAt(index: number): Row | undefined;
  /** Told which rows are on screen, so the pages holding them can be fetched. */
  showRows?(first: number, last: number): void;
  rowKey(row: Row): string;
  /** Extra attributes on a row, such as data-pod for tests and benchmarks. */
  rowData?(row: Row): Partial<Record<`data-${string}`, string>>;
  sort: Sort;
  dir: 'asc' | 'desc';
  /** The direction a column starts in when first clicked (counts start with the most). */
  firstDir?(sort: Sort): 'asc' | 'desc';
  onSort(sort: Sort, dir: 'asc' | 'desc'): void;
  /** Changes when the query does: the table scrolls back to the top. */
  resetKey: string;
  /** The key of the row open in the detail pane. */
  openKey: string | null;
  onOpen(row: Row): void;
}

/** Stands in for rows out of view, so the scrollbar is that of the whole result. */
function Spacer({ rows, columns }: { rows: number; columns: number }) {
  return (
    <tr className="vtable__spacer" aria-hidden="true">
      <td colSpan={columns} style={{ height: rows * ROW_PX }} />
    </tr>
  );
}

const cellClass = <Row,>(c: Column<Row>, row: Row) => (typeof c.className === 'function' ? c.className(row) : c.className);

/** Where a key moves the cursor from `at` in a list of `count`, or null for other keys. */
export function movedCursor(key: string, at: number | null, count: number, first: number): number | null {
  if (count === 0) return null;
  const from = at ?? first - 1;
  const to = (() => {
    switch (key) {
      case 'ArrowDown':
        return from + 1;
      case 'ArrowUp':
        return at === null ? first : from - 1;
      case 'PageDown':
        return from + PAGE_MOVE;
      case 'PageUp':
        return from - PAGE_MOVE;
      case 'Home':
        return 0;
      case 'End':
        return count - 1;
      default:
        return null;
    }
  })();
  return to === null ? null : Math.min(count - 1, Math.max(0, to));
}

/**
 * A virtualized, sortable table: only the rows in view (plus a margin) are rendered, and
 * spacer rows stand in for the rest, so 100,000 rows scroll like 100. Arrow keys move a
 * cursor, Enter or a click opens a row.
 */
export function VirtualTable<Row, Sort extends string>(props: Props<Row, Sort>) {
  const { label, testId, columns, count, rowAt, showRows, rowKey, rowData, sort, dir, firstDir, onSort, resetKey, openKey, onOpen } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const viewport = useViewport(scroller);
  const [scrollTop, setScrollTop] = useState(0);
  const [cursor, setCursor] = useState<number | null>(null);

  useEffect(() => {
    scroller.current?.scrollTo?.({ top: 0 });
    setScrollTop(0);
    setCursor(null);
  }, [resetKey]);

  const [first, last] = visibleRange(scrollTop, viewport, ROW_PX, OVERSCAN_ROWS, count);
  useEffect(() => {
    if (last >= first) showRows?.(first, last);
  }, [first, last, showRows]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter') {
      const row = cursor === null ? undefined : rowAt(cursor);
      if (row) {
        event.preventDefault();
        onOpen(row);
      }
      return;
    }
    const next = movedCursor(event.key, cursor, count, Math.floor(scrollTop / ROW_PX));
    if (next === null) return;
    event.preventDefault();
    setCursor(next);
    const el = scroller.current;
    const top = el ? scrollToShow(next, el.scrollTop, el.clientHeight || viewport, ROW_PX, ROW_PX) : null;
    if (el && top !== null) {
      el.scrollTop = top;
      setScrollTop(top);
    }
  };

  const now = Date.now();
  const rows = [];
  for (let i = first; i <= last; i++) {
    const row = rowAt(i);
    if (!row) {
      rows.push(
        <tr key={`pending-${i}`} aria-rowindex={i + 2} className="vtable__pending">
          <td colSpan={columns.length}>…</td>
        </tr>,
      );
      continue;
    }
    const key = rowKey(row);
    const classes = [i === cursor ? 'table__row--focused' : '', key === openKey ? 'vtable__row--open' : ''].join(' ').trim();
    rows.push(
      <tr key={key} aria-rowindex={i + 2} aria-selected={key === openKey} className={classes || undefined} onClick={() => (setCursor(i), onOpen(row))} {...rowData?.(row)}>
        {columns.map((c) => (
          <td key={c.id} className={cellClass(c as Column<Row>, row)} title={c.title?.(row)}>
            {c.cell(row, now)}
          </td>
        ))}
      </tr>,
    );
  }

  return (
    <div className="vtable-scroll" ref={scroller} tabIndex={0} onKeyDown={onKeyDown} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)} data-testid={testId}>
      <table className="table vtable" aria-label={label} aria-rowcount={count + 1} style={{ minWidth: columns.length * MIN_COLUMN_PX }}>
        <colgroup>
          {columns.map((c) => (
            <col key={c.id} style={{ width: c.width }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {columns.map((c) => {
              const active = c.sort !== undefined && c.sort === sort;
              return (
                <th key={c.id} scope="col" aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                  {c.sort ? (
                    <button
                      type="button"
                      className="table__sort"
                      onClick={() => onSort(c.sort!, active ? (dir === 'asc' ? 'desc' : 'asc') : (firstDir?.(c.sort!) ?? 'asc'))}
                    >
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
          </tr>
        </thead>
        <tbody>
          {first > 0 && <Spacer rows={first} columns={columns.length} />}
          {rows}
          {last < count - 1 && <Spacer rows={count - 1 - last} columns={columns.length} />}
        </tbody>
      </table>
    </div>
  );
}
