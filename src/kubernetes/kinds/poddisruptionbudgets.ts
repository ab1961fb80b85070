import { NONE, selectorText } from './format';
import { columns, objectBase, type ObjectProjection, type ObjectView } from './objectProjection';
import { metaOf, objectAt } from './read';

export type BudgetProjection = ObjectProjection & { namespace: string };

export const budgetView: ObjectView<BudgetProjection> = {
  columns: columns(['minAvailable', 'MIN AVAILABLE'], ['maxUnavailable', 'MAX UNAVAILABLE'], ['allowed', 'ALLOWED DISRUPTIONS', 'numeric'], ['selector', 'SELECTOR']),
  search: ['selector'],
};

/** minAvailable and maxUnavailable are a count or a percentage. */
const amount = (v: unknown): string => (typeof v === 'number' || typeof v === 'string' ? String(v) : 'N/A');

/** As `kubectl get pdb`; a budget that allows no disruption now blocks drains, so it shows as a warning. */
export function projectBudget(raw: unknown): BudgetProjection | null {
  const meta = metaOf(raw);
  if (!meta) return null;
  const spec = objectAt(objectAt(raw).spec);
  const status = objectAt(objectAt(raw).status);
  const allowed = typeof status.disruptionsAllowed === 'number' ? status.disruptionsAllowed : 0;
  return {
    ...objectBase(meta),
    namespace: meta.namespace ?? '',
    status: `${allowed} allowed`,
    health: allowed > 0 ? 'ok' : 'warning',
    cells: { minAvailable: amount(spec.minAvailable), maxUnavailable: amount(spec.maxUnavailable), allowed, selector: spec.selector ? selectorText(spec.selector) : NONE },
  };
}
