import type { TabId } from '@contract';
import { TAB_IDS } from '@contract/types';

export const TAB_LABELS: Record<TabId, string> = {
  overview: 'Overview',
  clusters: 'Clusters',
  containers: 'Containers',
  monitoring: 'Monitoring & Alerts',
  cost: 'Cost',
  recovery: 'Disaster Recovery',
  runbooks: 'Runbooks',
  deployments: 'Deployments & Readiness',
  settings: 'Settings',
};

export const isTabId = (value: string): value is TabId => (TAB_IDS as readonly string[]).includes(value);

export const tabButtonId = (tab: TabId) => `tab-${tab}`;
export const tabPanelId = (tab: TabId) => `panel-${tab}`;
