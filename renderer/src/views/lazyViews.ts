import type { TabId } from '@contract';
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** Every view is its own chunk, loaded the first time its tab opens; charts stay out of the startup bundle. */
export const TAB_VIEWS: Record<TabId, LazyExoticComponent<ComponentType>> = {
  overview: lazy(() => import('./overview/OverviewView').then((m) => ({ default: m.OverviewView }))),
  clusters: lazy(() => import('./clusters/ClustersView').then((m) => ({ default: m.ClustersView }))),
  containers: lazy(() => import('./containers/ContainersView').then((m) => ({ default: m.ContainersView }))),
  monitoring: lazy(() => import('./monitoring/MonitoringView').then((m) => ({ default: m.MonitoringView }))),
  cost: lazy(() => import('./cost/CostView').then((m) => ({ default: m.CostView }))),
  recovery: lazy(() => import('./recovery/RecoveryView').then((m) => ({ default: m.RecoveryView }))),
  runbooks: lazy(() => import('./runbooks/RunbooksView').then((m) => ({ default: m.RunbooksView }))),
  deployments: lazy(() => import('./deployments/DeploymentsView').then((m) => ({ default: m.DeploymentsView }))),
  settings: lazy(() => import('./settings/SettingsView').then((m) => ({ default: m.SettingsView }))),
};
