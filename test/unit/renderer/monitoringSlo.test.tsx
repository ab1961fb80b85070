// @vitest-environment happy-dom
import type { NotificationDelivery, SloDetail, SloList, SloStatus } from '@contract';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LAZY, NOW, renderApp } from './helpers/renderApp';
import { monitoringHandlers } from './monitoringFixtures';

afterEach(cleanup);

const sloStatus = (over: Partial<SloStatus> = {}): SloStatus => ({
  definition: { name: 'api-availability', source: 1, spec: { type: 'ratio', good: 'sum(rate(ok[$window]))', total: 'sum(rate(all[$window]))' }, target: 99.9, window: '30d', description: 'API answers' },
  sourceName: 'main',
  sli: 0.9995,
  budget: { allowedFraction: 0.001, totalMs: 2_592_000, remainingFraction: 0.5, remainingMs: 1_296_000 },
  burnRates: { '5m': 0.5, '30m': 0.4, '1h': 0.5, '6h': 0.5, '3d': null },
  burning: [],
  state: 'ok',
  error: null,
  alerting: { ruleFile: 'generated/slo-api-availability.yml', note: null },
  computedAt: NOW,
  ...over,
});

const sloList = (slos: SloStatus[]): SloList => ({ slos, path: '/home/ops/.opsdeck/slos.yml', hint: null });

const sloDetail = (): SloDetail => ({
  ...sloStatus(),
  range: { start: NOW - 3_600_000, end: NOW, stepMs: 60_000 },
  burnWindow: '1h',
  burnRate: [
    { ts: NOW - 120_000, value: 0.4 },
    { ts: NOW - 60_000, value: 0.5 },
    { ts: NOW, value: null },
  ],
  sliSeries: [{ ts: NOW, value: 0.9995 }],
  latency: { p95: [], p99: [] },
  queries: { good: 'sum(rate(ok[1h]))', total: 'sum(rate(all[1h]))', burnRate: '(1 - sum(rate(ok[1h])) / sum(rate(all[1h]))) / 0.001', p95: null, p99: null },
});

const delivery = (over: Partial<NotificationDelivery> = {}): NotificationDelivery => ({
  id: 4,
  receiver: 'pager',
  integration: 'webhook',
  groupKey: '{}:{alertname="QueueTooLong"}',
  payload: { status: 'firing', alerts: [{ labels: { alertname: 'QueueTooLong' } }] },
  status: 'failed',
  attempts: 2,
  nextAttemptAt: NOW + 30_000,
  lastError: 'connect ECONNREFUSED 127.0.0.1:9',
  createdAt: NOW - 60_000,
  sentAt: null,
  ...over,
});

const sloHandlers = () =>
  monitoringHandlers({
    'slo.list': () => sloList([sloStatus()]),
    'slo.get': () => sloDetail(),
    'insights.list': () => ({
      insights: [{ id: 'f1', kind: 'forecast', ref: { kind: 'host', metric: 'diskUsedPct', mount: '/' }, text: 'Disk / full in 9 h (±2 h)', confidence: 0.91, at: NOW + 9 * 3_600_000 }],
      computedAt: NOW,
      errors: [],
    }),
  });

describe('Monitoring: SLOs and insights', () => {
  it('lists SLOs with budget and burn rates, opens one with its charts and queries, and lists insights', async () => {
    history.replaceState(null, '', '/#/monitoring?view=slos');
    renderApp({ tab: 'monitoring', handlers: sloHandlers() });
    const row = (await screen.findByRole('button', { name: 'api-availability' }, LAZY)).closest('tr')!;
    expect(row.textContent).toContain('99.950%');
    expect(row.textContent).toContain('50.0%');
    expect(row.textContent).toContain('0.50');
    expect(screen.getByText('Disk / full in 9 h (±2 h)').closest('tr')!.textContent).toContain('91%');

    fireEvent.click(within(row).getByRole('button', { name: 'api-availability' }));
    const detail = await screen.findByTestId('slo-detail');
    const [burn] = await within(detail).findAllByTestId('promql-chart');
    expect(burn!.getAttribute('data-points')).toBe('3');
    fireEvent.click(within(detail).getByRole('button', { name: 'sum(rate(ok[1h]))' }));
    expect(location.hash).toContain('view=prometheus');
    expect(await screen.findByTestId('promql-input')).toHaveProperty('value', 'sum(rate(ok[1h]))');
  });

  it('creates a ratio SLO and deletes one only after the confirmation', async () => {
    history.replaceState(null, '', '/#/monitoring?view=slos');
    const { callsTo } = renderApp({
      tab: 'monitoring',
      handlers: { ...sloHandlers(), 'slo.save': () => sloList([sloStatus()]), 'slo.delete': () => sloList([]) },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'New SLO…' }, LAZY));
    const dialog = screen.getByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: 'checkout' } });
    await within(dialog).findByRole('option', { name: 'main' });
    fireEvent.change(within(dialog).getByLabelText('Prometheus source'), { target: { value: '1' } });
    fireEvent.change(within(dialog).getByLabelText('Good events ($window for the range)'), { target: { value: 'sum(rate(ok[$window]))' } });
    fireEvent.change(within(dialog).getByLabelText('Total events ($window for the range)'), { target: { value: 'sum(rate(all[$window]))' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save SLO' }));
    await waitFor(() => expect(callsTo('slo.save')).toHaveLength(1));
    expect(callsTo('slo.save')[0]!.input).toEqual({
      name: 'checkout',
      source: 1,
      target: 99.9,
      window: '30d',
      description: '',
      spec: { type: 'ratio', good: 'sum(rate(ok[$window]))', total: 'sum(rate(all[$window]))' },
    });

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'Delete…' }));
    expect(callsTo('slo.delete')).toHaveLength(0);
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete SLO' }));
    await waitFor(() => expect(callsTo('slo.delete').map((c) => c.input)).toEqual([{ name: 'api-availability' }]));
  });
});

describe('Monitoring: notifications', () => {
  it('lists deliveries with their status and error, filters by status, and shows a payload', async () => {
    history.replaceState(null, '', '/#/monitoring?view=notifications');
    const { callsTo } = renderApp({ tab: 'monitoring', handlers: monitoringHandlers({ 'notifications.list': () => ({ items: [delivery()], total: 1 }) }) });
    const row = (await screen.findByText('connect ECONNREFUSED 127.0.0.1:9', {}, LAZY)).closest('tr')!;
    expect(row.getAttribute('data-status')).toBe('failed');
    fireEvent.click(row);
    expect(screen.getByTestId('delivery-payload').textContent).toContain('"alertname": "QueueTooLong"');
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'dead' } });
    await waitFor(() => expect(callsTo('notifications.list').at(-1)!.input).toEqual({ status: 'dead', limit: 50, offset: 0 }));
  });

  it('stores a secret without showing it again, and deletes one after the confirmation', async () => {
    history.replaceState(null, '', '/#/monitoring?view=notifications');
    const { callsTo } = renderApp({
      tab: 'monitoring',
      handlers: monitoringHandlers({ 'secrets.set': ({ name }) => ({ name }), 'secrets.delete': ({ name }) => ({ name, deleted: true }) }),
    });
    fireEvent.change(await screen.findByLabelText('Secret name', {}, LAZY), { target: { value: 'slack-hook' } });
    fireEvent.change(screen.getByLabelText('Secret value'), { target: { value: 'https://hooks.example/T0/B0/xyz' } });
    fireEvent.click(screen.getByRole('button', { name: 'Store secret' }));
    expect(await screen.findByText(/Stored slack-hook in the keychain/)).toBeTruthy();
    expect(callsTo('secrets.set').map((c) => c.input)).toEqual([{ name: 'slack-hook', value: 'https://hooks.example/T0/B0/xyz' }]);
    expect(document.body.innerHTML).not.toContain('hooks.example');

    fireEvent.click(screen.getByRole('button', { name: 'Delete secret…' }));
    expect(callsTo('secrets.delete')).toHaveLength(0);
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete secret' }));
    expect(await screen.findByText('Deleted slack-hook.')).toBeTruthy();
  });
});
