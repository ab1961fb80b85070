import type { TabId } from '@contract';
import { render } from '@testing-library/react';
import { vi } from 'vitest';
import { App } from '../../../../renderer/src/App';
import { createAppStore } from '../../../../renderer/src/state/appStore';
import { startSession } from '../../../../renderer/src/state/startSession';
import { StoreProvider } from '../../../../renderer/src/state/StoreProvider';
import { fakeClient, type Handlers } from './fakeClient';
import { appInfo, hostInfo, noAlerts, noKubeconfig, sample, series, settings } from './fixtures';

export const NOW = 1_700_000_900_000;

/** Answers for every channel, each replaceable per test. */
export function defaultHandlers(over: Handlers = {}): Handlers {
  return {
    'app.info': () => appInfo(),
    'host.info': () => hostInfo(),
    'host.latest': () => sample(NOW),
    'host.series': ({ range }) => ({ ...series('15m', NOW, 3), range }),
    'alerts.summary': () => noAlerts(),
    'settings.get': () => settings(),
    'settings.update': (patch) => settings(patch),
    'secrets.status': () => ({ available: true, backend: 'Secret Service', reason: null }),
    'k8s.contexts': () => noKubeconfig(),
    'audit.list': () => [],
    'insights.list': () => ({ insights: [], computedAt: null, errors: [] }),
    // The Overview's command center, with nothing connected.
    'overview.sources': () => [],
    'overview.recommendations': () => ({ items: [], failures: [], computedAt: NOW }),
    'overview.deliveryMetrics': () => ({ computedAt: NOW, commitTimeAnnotation: 'opsdeck.io/commit-time', rows: [], errors: [] }),
    'readiness.reports': () => [],
    'incidents.list': () => ({ items: [], total: 0 }),
    'cost.summary': () => ({ connected: false, hint: 'Import a billing export in the Cost tab.', currency: 'USD', monthToDate: 0, previousPeriodToDate: 0, forecastMonthEnd: null, budgets: [] }),
    'recovery.summary': () => ({ targets: [], plans: [] }),
    ...over,
  };
}

/** The whole app on a fake host, as main.tsx starts it. */
export function renderApp(options: { handlers?: Handlers; tab?: TabId } = {}) {
  const fake = fakeClient(defaultHandlers(options.handlers));
  const store = createAppStore(fake.client, { connection: 'open', tab: options.tab });
  const stop = startSession(store);
  const view = render(
    <StoreProvider store={store}>
      <App />
    </StoreProvider>,
  );
  return { ...fake, store, stop, ...view };
}

/**
 * A view's chunk is compiled on first import in tests (recharts is large);
 * give findBy* and the test itself room for that cold start.
 */
export const LAZY = { timeout: 10_000 };
vi.setConfig({ testTimeout: 20_000 });
