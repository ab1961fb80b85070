// @vitest-environment happy-dom
import type { PromRangeResult } from '@contract';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LAZY, NOW, renderApp } from './helpers/renderApp';
import { monitoringHandlers, promSource } from './monitoringFixtures';

beforeEach(() => history.replaceState(null, '', '/#/monitoring?view=prometheus'));
afterEach(cleanup);

const SECRET = 'hunter2-secret';

const rangeResult = (query: string, start: number, end: number, stepMs: number): PromRangeResult => ({
  source: 1,
  query,
  start,
  end,
  stepMs,
  totalSeries: 2,
  truncated: false,
  warnings: [],
  data: {
    resultType: 'matrix',
    series: [
      { metric: { __name__: 'up', job: 'node' }, name: 'up{job="node"}', points: [[start, 1], [start + stepMs, 1], [start + 2 * stepMs, null]] },
      { metric: { __name__: 'up', job: 'pushgateway' }, name: 'up{job="pushgateway"}', points: [[start, 0], [start + stepMs, 1]] },
    ],
  },
});

describe('Monitoring: Prometheus sources', () => {
  it('says how to add a source when there is none', async () => {
    renderApp({ tab: 'monitoring', handlers: monitoringHandlers({ 'prom.sources': () => ({ sources: [], hint: 'Add a Prometheus source under Monitoring.' }) }) });
    expect(await screen.findByText(/Add the URL of a Prometheus server, e\.g\. http:\/\/localhost:9090/, {}, LAZY)).toBeTruthy();
    expect(screen.getByText('Add a Prometheus source under Monitoring.')).toBeTruthy();
  });

  it('adds a source with basic auth and never shows the secret again', async () => {
    let sources = [] as ReturnType<typeof promSource>[];
    const { callsTo } = renderApp({
      tab: 'monitoring',
      handlers: monitoringHandlers({
        'prom.sources': () => ({ sources, hint: null }),
        'prom.addSource': ({ name, url }) => {
          sources = [promSource({ name, url })];
          return { sources, hint: null };
        },
      }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Add source…' }, LAZY));
    let dialog = screen.getByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: 'main' } });
    fireEvent.change(within(dialog).getByLabelText('URL'), { target: { value: 'http://prom.example:9090' } });
    fireEvent.change(within(dialog).getByLabelText('Authentication'), { target: { value: 'basic' } });
    fireEvent.change(within(dialog).getByLabelText('User'), { target: { value: 'ops' } });
    const add = within(dialog).getByRole('button', { name: 'Add source' }) as HTMLButtonElement;
    expect(add.disabled).toBe(true); // no password yet
    fireEvent.change(within(dialog).getByLabelText('Password'), { target: { value: SECRET } });
    fireEvent.click(add);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(callsTo('prom.addSource').map((c) => c.input)).toEqual([
      { name: 'main', url: 'http://prom.example:9090', auth: { kind: 'basic', username: 'ops', password: SECRET } },
    ]);

    const row = await screen.findByText('http://prom.example:9090');
    fireEvent.click(within(row.closest('tr')!).getByRole('button', { name: 'Edit…' }));
    dialog = screen.getByRole('dialog');
    const password = within(dialog).getByLabelText('Password') as HTMLInputElement;
    expect(password.value).toBe('');
    expect(password.type).toBe('password');
    expect(document.body.innerHTML).not.toContain(SECRET);
  });

  it('edits a source without touching its stored credentials unless a new secret is typed', async () => {
    const { callsTo } = renderApp({
      tab: 'monitoring',
      handlers: monitoringHandlers({ 'prom.updateSource': () => ({ sources: [promSource({ name: 'renamed' })], hint: null }) }),
    });
    const row = (await screen.findByText('http://prom.example:9090', {}, LAZY)).closest('tr')!;
    fireEvent.click(within(row).getByRole('button', { name: 'Edit…' }));
    const dialog = screen.getByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: 'renamed' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save source' }));
    await waitFor(() => expect(callsTo('prom.updateSource')).toHaveLength(1));
    expect(callsTo('prom.updateSource')[0]!.input).toEqual({ id: 1, name: 'renamed', url: 'http://prom.example:9090' });
  });

  it('removes a source only after the confirmation', async () => {
    const { callsTo } = renderApp({ tab: 'monitoring', handlers: monitoringHandlers({ 'prom.removeSource': () => ({ sources: [], hint: null }) }) });
    const row = (await screen.findByText('http://prom.example:9090', {}, LAZY)).closest('tr')!;
    fireEvent.click(within(row).getByRole('button', { name: 'Remove…' }));
    expect(callsTo('prom.removeSource')).toHaveLength(0);
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Remove source' }));
    await waitFor(() => expect(callsTo('prom.removeSource').map((c) => c.input)).toEqual([{ id: 1 }]));
  });
});

describe('Monitoring: PromQL explorer', () => {
  it('runs a range query on Ctrl+Enter and draws a line per series, or lists them in the table', async () => {
    const { callsTo } = renderApp({
      tab: 'monitoring',
      handlers: monitoringHandlers({ 'prom.queryRange': ({ query, start, end, stepMs }) => rangeResult(query, start, end, stepMs) }),
    });
    const input = await screen.findByTestId('promql-input', {}, LAZY);
    fireEvent.click(screen.getByTestId('range-15m'));
    fireEvent.change(input, { target: { value: 'up' } });
    fireEvent.keyDown(input, { key: 'Enter', ctrlKey: true });
    const chart = await screen.findByTestId('promql-chart');
    expect(chart.getAttribute('data-series')).toBe('2');
    expect(chart.getAttribute('data-points')).toBe('5');
    const call = callsTo('prom.queryRange')[0]!.input as { query: string; start: number; end: number; stepMs: number };
    expect(call.query).toBe('up');
    expect(call.end - call.start).toBe(15 * 60_000);
    expect(call.stepMs).toBe(4000);
    expect(location.hash).toContain('expr=up');

    fireEvent.click(screen.getByRole('button', { name: 'Table' }));
    const rows = within(screen.getByTestId('promql-table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.querySelector('td')!.textContent)).toEqual(['up{job="node"}', 'up{job="pushgateway"}']);
    expect(rows[0]!.textContent).toContain('NaN/Inf');
  });

  it('runs an instant query and shows values as Prometheus spells them', async () => {
    renderApp({
      tab: 'monitoring',
      handlers: monitoringHandlers({
        'prom.query': ({ query }) => ({
          source: 1,
          query,
          totalSeries: 1,
          truncated: false,
          warnings: [],
          data: { resultType: 'vector', series: [{ metric: { job: 'node' }, name: '{job="node"}', sample: { ts: NOW, value: null, text: '+Inf' } }] },
        }),
      }),
    });
    const input = await screen.findByTestId('promql-input', {}, LAZY);
    fireEvent.click(screen.getByRole('button', { name: 'Instant' }));
    fireEvent.change(input, { target: { value: 'sum by (job) (up) / 0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run' }));
    const table = await screen.findByTestId('promql-table');
    expect(table.textContent).toContain('+Inf');
  });

  it("shows Prometheus's error in its own words", async () => {
    renderApp({
      tab: 'monitoring',
      handlers: monitoringHandlers({
        'prom.queryRange': () => {
          throw new Error('bad_data: invalid parameter "query": 1:4: parse error: unexpected end of input');
        },
      }),
    });
    const input = await screen.findByTestId('promql-input', {}, LAZY);
    fireEvent.change(input, { target: { value: 'up{' } });
    fireEvent.keyDown(input, { key: 'Enter', ctrlKey: true });
    expect((await screen.findByTestId('promql-error')).textContent).toBe('bad_data: invalid parameter "query": 1:4: parse error: unexpected end of input');
  });
});
