import type { BudgetStatus } from '@contract';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState } from '../../components/EmptyState';
import { ResourceView } from '../../components/ResourceView';
import { UsageBar } from '../../components/UsageBar';
import { useNewestAnswer } from '../../components/useNewestAnswer';
import { useApp } from '../../state/StoreProvider';
import { useHostEvent } from '../../state/useHostEvent';
import { BudgetEditor } from './BudgetEditor';
import { formatMoney } from './costFormat';
import { ExportButton } from './ExportButton';
import { SmallButton } from '../../components/SmallButton';

const scopeText = (b: BudgetStatus) => {
  const s = b.scope;
  return s.kind === 'all' ? 'All spend' : s.kind === 'tag' ? `Tag ${s.key} = ${s.value}` : `${s.kind} ${s.value}`;
};

/** Budgets with spend and forecast for their current period, and the thresholds crossed. */
export function BudgetsPanel() {
  const client = useApp((s) => s.client);
  const budgets = useNewestAnswer('cost.budgets.list', {});
  useHostEvent('cost.changed', () => budgets.load());
  const [editing, setEditing] = useState<BudgetStatus | 'new' | null>(null);
  const [deleting, setDeleting] = useState<BudgetStatus | null>(null);

  return (
    <section aria-label="Budgets">
      <div className="section-head">
        <h2>Budgets</h2>
        <button type="button" className="button button--small" data-testid="budget-new" onClick={() => setEditing('new')}>
          New budget…
        </button>
        <ExportButton request={{ table: 'budgets' }} testId="cost-export-budgets" />
      </div>
      <ResourceView resource={budgets.resource} onRetry={budgets.load} loadingLabel="Measuring budgets…">
        {(list) =>
          list.length === 0 ? (
            <EmptyState title="No budgets">
              A budget sets an amount per month, quarter or year for all spend, a provider, a service, a tag or a Kubernetes namespace, and alerts when
              spend or its forecast reaches 50%, 80% and 100% of it (you choose the thresholds).
            </EmptyState>
          ) : (
            <table className="table" aria-label="Budgets" data-testid="budgets">
              <thead>
                <tr>
                  <th scope="col">Budget</th>
                  <th scope="col">Counts</th>
                  <th scope="col">Period</th>
                  <th scope="col">Spent</th>
                  <th scope="col">Forecast</th>
                  <th scope="col">Amount</th>
                  <th scope="col">Alerts this period</th>
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {list.map((b) => {
                  const pct = (100 * b.actual) / b.amount;
                  return (
                    <tr key={b.id} data-budget={b.name}>
                      <td>{b.name}</td>
                      <td>{scopeText(b)}</td>
                      <td>
                        {b.periodKey} <span className="muted">({b.period})</span>
                      </td>
                      <td className="num" data-testid="budget-actual">
                        {formatMoney(b.actual, b.currency)}
                        <UsageBar pct={Math.min(100, pct)} label={`${pct.toFixed(0)}% of the amount`} />
                      </td>
                      <td className="num">{b.forecast === null ? '—' : formatMoney(b.forecast, b.currency)}</td>
                      <td className="num">{formatMoney(b.amount, b.currency)}</td>
                      <td data-testid="budget-crossed">{b.crossed.length > 0 ? b.crossed.map((c) => `${c}%`).join(', ') : 'none'}</td>
                      <td>
                        <SmallButton onClick={() => setEditing(b)}>
                          Edit
                        </SmallButton>
                        <SmallButton onClick={() => setDeleting(b)}>
                          Delete
                        </SmallButton>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )
        }
      </ResourceView>
      {editing && <BudgetEditor budget={editing === 'new' ? null : editing} onSaved={budgets.receive} onClose={() => setEditing(null)} />}
      {deleting && (
        <ConfirmDialog
          title="Delete budget"
          statement={`Delete the budget ${deleting.name}? Its open alerts are resolved.`}
          confirmLabel="Delete"
          onConfirm={async () => budgets.receive(await client.call('cost.budgets.delete', { id: deleting.id }))}
          onClose={() => setDeleting(null)}
        />
      )}
    </section>
  );
}
