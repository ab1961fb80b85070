// @vitest-environment happy-dom
import type { Alert } from '@contract';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LAZY, NOW, renderApp } from './helpers/renderApp';

beforeEach(() => history.replaceState(null, '', '/'));
afterEach(cleanup);

const cpu: Alert = {
  id: 'HostHighCpu',
  rule: 'HostHighCpu',
  severity: 'warning',
  summary: 'CPU busy 95.2%',
  labels: { source: 'host' },
  activeSince: NOW - 600_000,
  state: 'firing',
  value: 95.2,
};
const disk: Alert = {
  id: 'HostDiskAlmostFull:mount=/',
  rule: 'HostDiskAlmostFull',
  severity: 'critical',
  summary: 'Disk / 93.1% full',
  labels: { mount: '/', source: 'host' },
  activeSince: NOW - 30_000,
  state: 'pending',
  value: 93.1,
};

const rules = () =>
  within(screen.getByRole('table'))
    .getAllByRole('row')
    .slice(1)
    .map((r) => r.querySelector('td')?.textContent);

describe('Monitoring & Alerts', () => {
  it('says so when no host alert is active, and what this build does not cover', async () => {
    renderApp({ tab: 'monitoring' });
    expect(await screen.findByText(/No host alerts: CPU, memory and disk are within their thresholds/, {}, LAZY)).toBeTruthy();
    expect(screen.getByText(/Prometheus sources, alert rule files and notification routing are not part of this build yet/)).toBeTruthy();
  });

  it('lists firing and pending alerts, sortable by column', async () => {
    renderApp({
      tab: 'monitoring',
      handlers: { 'alerts.summary': () => ({ firing: [cpu], pending: [disk], updatedAt: NOW }) },
    });
    await screen.findByRole('table', {}, LAZY);
    expect(rules()).toEqual(['HostDiskAlmostFull', 'HostHighCpu']); // critical first
    const row = screen.getByText('Disk / 93.1% full').closest('tr')!;
    expect(row.textContent).toContain('mount=/, source=host');
    expect(row.textContent).toContain('pending');
    expect(row.textContent).toContain('93.1');

    const severity = screen.getByRole('columnheader', { name: /Severity/ });
    expect(severity.getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(within(severity).getByRole('button'));
    expect(severity.getAttribute('aria-sort')).toBe('ascending');
    expect(rules()).toEqual(['HostHighCpu', 'HostDiskAlmostFull']);

    fireEvent.click(within(screen.getByRole('columnheader', { name: /State/ })).getByRole('button'));
    expect(rules()).toEqual(['HostHighCpu', 'HostDiskAlmostFull']); // firing first
  });

  it('updates on alerts.changed', async () => {
    const { emit } = renderApp({ tab: 'monitoring' });
    await screen.findByText(/No host alerts:/, {}, LAZY);
    act(() => emit('alerts.changed', { firing: [cpu], pending: [], updatedAt: NOW }));
    expect(rules()).toEqual(['HostHighCpu']);
  });

  it('highlights the alert a notification click navigated to', async () => {
    const { emit } = renderApp({
      handlers: { 'alerts.summary': () => ({ firing: [cpu], pending: [disk], updatedAt: NOW }) },
    });
    act(() => emit('ui.navigate', { tab: 'monitoring', alertId: disk.id }));
    await screen.findByRole('table', {}, LAZY);
    const row = screen.getByText('Disk / 93.1% full').closest('tr')!;
    expect(row.getAttribute('aria-current')).toBe('true');
    expect(screen.getByText('CPU busy 95.2%').closest('tr')!.getAttribute('aria-current')).toBeNull();
  });

  it('says when the navigated-to alert has already resolved', async () => {
    const { emit } = renderApp();
    act(() => emit('ui.navigate', { tab: 'monitoring', alertId: 'HostHighCpu' }));
    expect(await screen.findByText('The alert HostHighCpu is no longer active.', {}, LAZY)).toBeTruthy();
  });

  it('shows a load error with Retry', async () => {
    let fail = true;
    renderApp({
      tab: 'monitoring',
      handlers: {
        'alerts.summary': () => {
          if (fail) throw new Error('Alert engine is not running');
          return { firing: [cpu], pending: [], updatedAt: NOW };
        },
      },
    });
    expect(await screen.findByText('Alert engine is not running', {}, LAZY)).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('CPU busy 95.2%')).toBeTruthy();
  });
});
