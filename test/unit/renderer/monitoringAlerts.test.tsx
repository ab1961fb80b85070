// @vitest-environment happy-dom
import type { AlertInstance, Silence } from '@contract';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LAZY, NOW, renderApp } from './helpers/renderApp';
import { alertInstance, monitoringHandlers } from './monitoringFixtures';

beforeEach(() => history.replaceState(null, '', '/#/monitoring'));
afterEach(cleanup);

const pending = alertInstance({ id: 8, alertname: 'DiskFilling', state: 'pending', labels: { alertname: 'DiskFilling', severity: 'warning', mount: '/' }, annotations: { summary: 'Disk fills in 3h' }, firedAt: null, value: 91 });

const rowNames = () =>
  [...screen.getByTestId('alerts-table').querySelectorAll('tbody tr[data-alert]')].map((r) => r.getAttribute('data-alert'));

describe('Monitoring: alerts', () => {
  it('lists firing and pending alerts with label chips, sorts and filters them', async () => {
    renderApp({ tab: 'monitoring', handlers: monitoringHandlers({ 'alerts.list': () => [pending, alertInstance({ silencedBy: [3] })] }) });
    await screen.findByTestId('alerts-table', {}, LAZY);
    expect(rowNames()).toEqual(['QueueTooLong', 'DiskFilling']); // firing first
    const row = screen.getByTestId('alerts-table').querySelector('tr[data-alert="QueueTooLong"]')!;
    expect(within(row as HTMLElement).getByText('job=worker')).toBeTruthy();
    expect(row.textContent).toContain('silenced');
    expect(row.textContent).toContain('Queue holds 120 jobs');

    fireEvent.click(within(within(screen.getByTestId('alerts-table')).getByRole('columnheader', { name: /^Alert/ })).getByRole('button'));
    expect(rowNames()).toEqual(['DiskFilling', 'QueueTooLong']);

    fireEvent.change(screen.getByPlaceholderText('name, label or annotation'), { target: { value: 'mount=/' } });
    expect(rowNames()).toEqual(['DiskFilling']);
    expect(location.hash).toContain('q=mount');
  });

  it('works from the keyboard: / focuses the filter, arrows and Enter open an alert, Esc closes it', async () => {
    renderApp({ tab: 'monitoring', handlers: monitoringHandlers({ 'alerts.list': () => [pending, alertInstance()] }) });
    const table = await screen.findByTestId('alerts-table', {}, LAZY);
    fireEvent.keyDown(document.body, { key: '/' });
    expect(document.activeElement).toBe(screen.getByPlaceholderText('name, label or annotation'));
    fireEvent.keyDown(table, { key: 'ArrowDown' });
    fireEvent.keyDown(table, { key: 'ArrowDown' });
    fireEvent.keyDown(table, { key: 'Enter' });
    expect(within(screen.getByTestId('alert-detail')).getByRole('heading', { level: 3 }).textContent).toContain('DiskFilling');
    expect(location.hash).toContain('alert=8');
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(screen.queryByTestId('alert-detail')).toBeNull();
  });

  it('opens an alert with its annotations and timeline, and acknowledges it only after the confirmation', async () => {
    const { callsTo } = renderApp({
      tab: 'monitoring',
      handlers: monitoringHandlers({
        'alerts.list': () => [alertInstance()],
        'alerts.ack': ({ id, comment }) => alertInstance({ id, ack: { by: 'ops', at: NOW, comment: comment ?? '' } }),
      }),
    });
    await screen.findByTestId('alerts-table', {}, LAZY);
    fireEvent.click(screen.getByText('Queue holds 120 jobs'));
    const detail = screen.getByTestId('alert-detail');
    expect(within(detail).getByText('https://runbooks.example/queue')).toBeTruthy();
    expect(detail.textContent).toContain('Firing since');
    expect(location.hash).toContain('alert=7');

    fireEvent.click(within(detail).getByRole('button', { name: 'Acknowledge…' }));
    const dialog = screen.getByRole('dialog');
    expect(dialog.textContent).toContain('Acknowledge QueueTooLong (#7)?');
    fireEvent.change(within(dialog).getByLabelText('Comment'), { target: { value: 'looking into it' } });
    expect(callsTo('alerts.ack')).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Acknowledge' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(callsTo('alerts.ack').map((c) => c.input)).toEqual([{ id: 7, comment: 'looking into it' }]);
  });

  it('cancelling the acknowledgement sends nothing', async () => {
    const { callsTo } = renderApp({ tab: 'monitoring', handlers: monitoringHandlers({ 'alerts.list': () => [alertInstance()] }) });
    await screen.findByTestId('alerts-table', {}, LAZY);
    fireEvent.click(screen.getByText('Queue holds 120 jobs'));
    fireEvent.click(screen.getByRole('button', { name: 'Acknowledge…' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(callsTo('alerts.ack')).toHaveLength(0);
  });

  it('silences an alert with matchers prefilled from its labels, edited, for the chosen duration', async () => {
    const created: Silence[] = [];
    const { callsTo } = renderApp({
      tab: 'monitoring',
      handlers: monitoringHandlers({
        'alerts.list': () => [alertInstance()],
        'silences.create': (input) => {
          const s: Silence = { id: 3, matchers: input.matchers, startsAt: NOW, endsAt: input.endsAt, createdBy: 'ops', createdAt: NOW, comment: input.comment, state: 'active' };
          created.push(s);
          return s;
        },
      }),
    });
    await screen.findByTestId('alerts-table', {}, LAZY);
    fireEvent.click(screen.getByText('Queue holds 120 jobs'));
    fireEvent.click(screen.getByRole('button', { name: 'Silence…' }));
    const dialog = screen.getByRole('dialog');
    const rows = within(dialog).getAllByTestId('matcher-row');
    expect(rows.map((r) => [...r.querySelectorAll('input')].map((i) => i.value))).toEqual([
      ['alertname', 'QueueTooLong'],
      ['job', 'worker'],
      ['severity', 'critical'],
    ]);
    const create = within(dialog).getByRole('button', { name: 'Create silence' });
    expect((create as HTMLButtonElement).disabled).toBe(true); // a comment is required
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove matcher 2' }));
    fireEvent.change(within(dialog).getByLabelText('Matcher 2 operator'), { target: { value: '=~' } });
    fireEvent.change(within(dialog).getByLabelText('Matcher 2 value'), { target: { value: 'critical|warning' } });
    fireEvent.change(within(dialog).getByLabelText('Duration'), { target: { value: '4' } });
    fireEvent.change(within(dialog).getByLabelText('Comment (required)'), { target: { value: 'maintenance' } });
    expect(callsTo('silences.create')).toHaveLength(0);
    const before = Date.now();
    fireEvent.click(create);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const [call] = callsTo('silences.create') as { input: { matchers: unknown; endsAt: number; comment: string } }[];
    expect(call!.input.matchers).toEqual([
      { name: 'alertname', op: '=', value: 'QueueTooLong' },
      { name: 'severity', op: '=~', value: 'critical|warning' },
    ]);
    expect(call!.input.comment).toBe('maintenance');
    expect(call!.input.endsAt - before).toBeGreaterThanOrEqual(4 * 3_600_000);
    expect(call!.input.endsAt - Date.now()).toBeLessThanOrEqual(4 * 3_600_000);
  });

  it('pages through the history and filters it by state', async () => {
    const items: AlertInstance[] = Array.from({ length: 50 }, (_, i) => alertInstance({ id: 100 + i, state: 'resolved', resolvedAt: NOW }));
    const { callsTo } = renderApp({ tab: 'monitoring', handlers: monitoringHandlers({ 'alerts.history': () => ({ items, total: 120 }) }) });
    expect(await screen.findByText('1–50 of 120', {}, LAZY)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Older' }));
    await screen.findByText('51–100 of 120', {}, LAZY);
    fireEvent.change(screen.getByLabelText('State'), { target: { value: 'resolved' } });
    await screen.findByText('1–50 of 120', {}, LAZY);
    expect(callsTo('alerts.history').map((c) => c.input)).toEqual([
      { limit: 50, offset: 0 },
      { limit: 50, offset: 50 },
      { state: 'resolved', limit: 50, offset: 0 },
    ]);
  });

  it('names the engine that raised an engine alert instead of a rule file', async () => {
    const budget = alertInstance({ id: 12, alertname: 'BudgetExceeded', file: 'engine:cost', group: 'cost', labels: { alertname: 'BudgetExceeded', budget: 'cloud' }, annotations: { summary: 'cloud budget at 104%' } });
    renderApp({ tab: 'monitoring', handlers: monitoringHandlers({ 'alerts.list': () => [budget, alertInstance()] }) });
    await screen.findByTestId('alerts-table', {}, LAZY);
    fireEvent.click(screen.getByText('cloud budget at 104%'));
    expect(screen.getByTestId('alert-detail').textContent).toContain('raised by the cost engine');
    fireEvent.click(screen.getByText('Queue holds 120 jobs'));
    expect(screen.getByTestId('alert-detail').textContent).toContain('rule group');
  });
});
