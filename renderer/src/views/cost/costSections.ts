import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** The Cost tab's sub-views, in the order of its section picker; each is its own chunk. */
export const COST_SECTIONS: { id: string; label: string; view: LazyExoticComponent<ComponentType> }[] = [
  { id: 'billing', label: 'Billing', view: lazy(() => import('./BillingSection').then((m) => ({ default: m.BillingSection }))) },
  { id: 'budgets', label: 'Budgets', view: lazy(() => import('./BudgetsPanel').then((m) => ({ default: m.BudgetsPanel }))) },
  { id: 'allocation', label: 'Kubernetes', view: lazy(() => import('./allocation/AllocationPanel').then((m) => ({ default: m.AllocationPanel }))) },
  {
    id: 'recommendations',
    label: 'Savings',
    view: lazy(() => import('./recommendations/RecommendationsPanel').then((m) => ({ default: m.RecommendationsPanel }))),
  },
];
