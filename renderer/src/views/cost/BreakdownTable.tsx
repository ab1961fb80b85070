import type { BreakdownRow, CostBreakdown } from '@contract';
import { useCallback, type ReactNode } from 'react';
import { formatChange, formatMoney } from './costFormat';
import { SortHeader } from './SortHeader';
import { useSortedRows } from './useSortedRows';

type Column = 'key' | 'cost' | 'previous' | 'change' | 'rows';
const NOT_SET = '(not set)';

const valueOf = (r: BreakdownRow, c: Column): string | number | null =>
  c === 'key' ? (r.key ?? NOT_SET) : c === 'change' ? r.cost - r.previous : r[c];
const textOf = (r: BreakdownRow) => r.key ?? NOT_SET;

/** Cost by the chosen dimension against the previous period, sortable and filterable. */
export function BreakdownTable({ breakdown, exportButton }: { breakdown: CostBreakdown; exportButton: ReactNode }) {
  const { shown, sort, toggle, filter, setFilter } = useSortedRows(breakdown.rows, useCallback(valueOf, []), useCallback(textOf, []), 'cost');
  const c = breakdown.currency;
  const label = breakdown.dimension === 'tag' ? `Tag ${breakdown.tagKey}` : breakdown.dimension;
  return (
    <section aria-label="Breakdown">
      <div className="section-head">
        <h3>
          By {label}, {breakdown.from} to {breakdown.to}
        </h3>
        <input className="input" placeholder="Filter" aria-label="Filter the breakdown" value={filter} onChange={(e) => setFilter(e.target.value)} />
        {exportButton}
      </div>
      <table className="table" aria-label="Cost breakdown" data-testid="cost-breakdown">
        <thead>
          <tr>
            <SortHeader id="key" label={label} sort={sort} onSort={toggle} />
            <SortHeader id="cost" label={`Cost (${c})`} sort={sort} onSort={toggle} />
            <SortHeader id="previous" label={`Previous ${breakdown.previousFrom} to ${breakdown.previousTo}`} sort={sort} onSort={toggle} />
            <SortHeader id="change" label="Change" sort={sort} onSort={toggle} />
            <SortHeader id="rows" label="Rows" sort={sort} onSort={toggle} />
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={r.key ?? ''} data-key={r.key ?? ''}>
              <td className={r.key === null ? 'muted' : undefined}>{r.key ?? NOT_SET}</td>
              <td className="num" data-testid="cost-breakdown-cost">
                {formatMoney(r.cost, c)}
              </td>
              <td className="num">{formatMoney(r.previous, c)}</td>
              <td className="num">{formatChange(r.cost, r.previous)}</td>
              <td className="num">{r.rows.toLocaleString('en-US')}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td className="num" data-testid="cost-breakdown-total">
              {formatMoney(breakdown.total, c)}
            </td>
            <td className="num">{formatMoney(breakdown.previousTotal, c)}</td>
            <td className="num">{formatChange(breakdown.total, breakdown.previousTotal)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
