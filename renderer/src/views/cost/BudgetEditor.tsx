import type { BudgetPeriod, BudgetScope, BudgetStatus, ChannelInput } from '@contract';
import { BUDGET_PERIODS } from '@contract/types';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useApp } from '../../state/StoreProvider';

type ScopeKind = BudgetScope['kind'];
const SCOPE_LABELS: Record<ScopeKind, string> = { all: 'All spend', provider: 'Provider', service: 'Service', tag: 'Tag', namespace: 'Kubernetes namespace' };

interface Props {
  /** null: a new budget. */
  budget: BudgetStatus | null;
  onSaved(list: BudgetStatus[]): void;
  onClose(): void;
}

const listOf = (text: string): number[] | null => {
  const parts = text.split(',').map((p) => p.trim()).filter(Boolean);
  const numbers = parts.map(Number);
  return numbers.every((n) => n > 0 && n <= 1000) ? numbers : null;
};

function inputOf(d: { name: string; amount: string; period: BudgetPeriod; kind: ScopeKind; key: string; value: string; actual: string; forecast: string }, id?: string): ChannelInput<'cost.budgets.save'> | null {
  const amount = Number(d.amount);
  const actual = listOf(d.actual);
  const forecast = listOf(d.forecast);
  if (!d.name.trim() || !(amount > 0) || !actual || !forecast) return null;
  let scope: BudgetScope;
  if (d.kind === 'all') scope = { kind: 'all' };
  else if (!d.value.trim()) return null;
  else if (d.kind === 'tag') {
    if (!d.key.trim()) return null;
    scope = { kind: 'tag', key: d.key.trim(), value: d.value.trim() };
  } else scope = { kind: d.kind, value: d.value.trim() };
  return { ...(id ? { id } : {}), name: d.name.trim(), amount, period: d.period, scope, actualThresholds: actual, forecastThresholds: forecast };
}

/** Creates or edits a budget: amount, period, what it counts, and the percentages that alert. */
export function BudgetEditor({ budget, onSaved, onClose }: Props) {
  const client = useApp((s) => s.client);
  const s = budget?.scope;
  const [draft, setDraft] = useState({
    name: budget?.name ?? '',
    amount: budget ? String(budget.amount) : '',
    period: budget?.period ?? ('monthly' as BudgetPeriod),
    kind: s?.kind ?? ('all' as ScopeKind),
    key: s?.kind === 'tag' ? s.key : '',
    value: s && s.kind !== 'all' ? s.value : '',
    actual: (budget?.actualThresholds ?? [50, 80, 100]).join(', '),
    forecast: (budget?.forecastThresholds ?? [100]).join(', '),
  });
  const set = (patch: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...patch }));
  const input = inputOf(draft, budget?.id);

  return (
    <ConfirmDialog
      title={budget ? `Edit budget ${budget.name}` : 'New budget'}
      statement="Each threshold raises an alert once per period, through the alert routing, when spend (or its forecast for the period) reaches that share of the amount."
      confirmLabel="Save"
      confirmDisabled={!input}
      onConfirm={async () => {
        if (input) onSaved(await client.call('cost.budgets.save', input));
      }}
      onClose={onClose}
    >
      <label className="form-field">
        <span>Name</span>
        <input data-testid="budget-name" value={draft.name} onChange={(e) => set({ name: e.target.value })} />
      </label>
      <label className="form-field">
        <span>Amount</span>
        <input data-testid="budget-amount" inputMode="decimal" value={draft.amount} onChange={(e) => set({ amount: e.target.value })} />
      </label>
      <label className="form-field">
        <span>Period</span>
        <select value={draft.period} onChange={(e) => set({ period: e.target.value as BudgetPeriod })}>
          {BUDGET_PERIODS.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      <label className="form-field">
        <span>Counts</span>
        <select data-testid="budget-scope" value={draft.kind} onChange={(e) => set({ kind: e.target.value as ScopeKind })}>
          {Object.entries(SCOPE_LABELS).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {draft.kind === 'tag' && (
        <label className="form-field">
          <span>Tag key</span>
          <input value={draft.key} onChange={(e) => set({ key: e.target.value })} />
        </label>
      )}
      {draft.kind !== 'all' && (
        <label className="form-field">
          <span>{draft.kind === 'tag' ? 'Tag value' : SCOPE_LABELS[draft.kind]}</span>
          <input data-testid="budget-scope-value" value={draft.value} onChange={(e) => set({ value: e.target.value })} />
        </label>
      )}
      {draft.kind === 'namespace' && <p className="muted">Billing rows tagged k8s-namespace, kubernetes-namespace or namespace with this value.</p>}
      <label className="form-field">
        <span>Alert at spend (% of amount)</span>
        <input value={draft.actual} onChange={(e) => set({ actual: e.target.value })} />
      </label>
      <label className="form-field">
        <span>Alert at forecast (% of amount)</span>
        <input value={draft.forecast} onChange={(e) => set({ forecast: e.target.value })} />
      </label>
    </ConfirmDialog>
  );
}
