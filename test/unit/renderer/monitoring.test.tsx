// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LAZY, NOW, renderApp } from './helpers/renderApp';
import { DEFAULT_MONITORING_ROUTE, hashWithMonitoringRoute, monitoringRouteFromHash } from '../../../renderer/src/views/monitoring/monitoringRoute';
import { alertInstance, monitoringHandlers } from './monitoringFixtures';

beforeEach(() => history.replaceState(null, '', '/'));
afterEach(cleanup);

describe('Monitoring & Alerts', () => {
  it('says so when no alert is active', async () => {
    renderApp({ tab: 'monitoring', handlers: monitoringHandlers() });
    expect(await screen.findByText(/No rule is pending or firing/, {}, LAZY)).toBeTruthy();
  });

  it('reads the alerts again on alerts.changed', async () => {
    let alerts = [] as ReturnType<typeof alertInstance>[];
    const { emit } = renderApp({ tab: 'monitoring', handlers: monitoringHandlers({ 'alerts.list': () => alerts }) });
    await screen.findByText(/No rule is pending or firing/, {}, LAZY);
    alerts = [alertInstance()];
    act(() => emit('alerts.changed', { firing: [], pending: [], updatedAt: NOW }));
    expect(await screen.findByText('Queue holds 120 jobs')).toBeTruthy();
  });

  it('opens the alert a notification click navigated to', async () => {
    const { emit } = renderApp({ handlers: monitoringHandlers({ 'alerts.list': () => [alertInstance()] }) });
    act(() => emit('ui.navigate', { tab: 'monitoring', alertId: 'rule:7' }));
    const detail = await screen.findByTestId('alert-detail', {}, LAZY);
    expect(within(detail).getByRole('heading', { level: 3 }).textContent).toContain('QueueTooLong');
  });

  it('says when the navigated-to alert is no longer active', async () => {
    const { emit } = renderApp({ handlers: monitoringHandlers({ 'alerts.list': () => [alertInstance()] }) });
    act(() => emit('ui.navigate', { tab: 'monitoring', alertId: 'rule:99' }));
    expect(await screen.findByText('Alert #99 is no longer active; it is in the history below.', {}, LAZY)).toBeTruthy();
  });

  it('keeps the section in the URL hash', async () => {
    history.replaceState(null, '', '/#/monitoring?view=silences');
    renderApp({ tab: 'monitoring', handlers: monitoringHandlers() });
    expect(await screen.findByText(/A silence mutes the alerts its matchers select/, {}, LAZY)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Routing' }));
    expect(location.hash).toBe('#/monitoring?view=routing');
  });

  it('reads its route from the hash, ignoring values it does not know', () => {
    expect(monitoringRouteFromHash('#/monitoring?view=bogus&alert=-3&range=2w&step=abc&mode=instant')).toEqual({ ...DEFAULT_MONITORING_ROUTE, mode: 'instant' });
    const route = { ...DEFAULT_MONITORING_ROUTE, section: 'prometheus' as const, expr: 'up{job="node"}', range: '6h' as const, step: 30 };
    const hash = hashWithMonitoringRoute('#/monitoring', route);
    expect(hash).toBe('#/monitoring?view=prometheus&expr=up%7Bjob%3D%22node%22%7D&range=6h&step=30');
    expect(monitoringRouteFromHash(hash)).toEqual(route);
  });

  it('shows a load error with Retry', async () => {
    let fail = true;
    renderApp({
      tab: 'monitoring',
      handlers: monitoringHandlers({
        'alerts.list': () => {
          if (fail) throw new Error('The alert book is not open');
          return [alertInstance()];
        },
      }),
    });
    expect(await screen.findByText('The alert book is not open', {}, LAZY)).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Queue holds 120 jobs')).toBeTruthy();
  });
});
