// @vitest-environment happy-dom
import type { Silence } from '@contract';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LAZY, NOW, renderApp } from './helpers/renderApp';
import { monitoringHandlers, rulesList } from './monitoringFixtures';

afterEach(cleanup);

const silence: Silence = {
  id: 3,
  matchers: [{ name: 'job', op: '=~', value: 'worker.*' }],
  startsAt: NOW - 1000,
  endsAt: NOW + 3_600_000,
  createdBy: 'ops',
  createdAt: NOW - 1000,
  comment: 'deploy window',
  state: 'active',
};

describe('Monitoring: silences', () => {
  beforeEach(() => history.replaceState(null, '', '/#/monitoring?view=silences'));

  it('lists silences and expires one only after the confirmation', async () => {
    const { callsTo } = renderApp({ tab: 'monitoring', handlers: monitoringHandlers({ 'silences.list': () => [silence], 'silences.expire': () => ({ ...silence, state: 'expired' }) }) });
    const row = (await screen.findByText('deploy window', {}, LAZY)).closest('tr')!;
    expect(row.textContent).toContain('job=~"worker.*"');
    fireEvent.click(within(row).getByRole('button', { name: 'Expire…' }));
    expect(callsTo('silences.expire')).toHaveLength(0);
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Expire silence' }));
    await waitFor(() => expect(callsTo('silences.expire').map((c) => c.input)).toEqual([{ id: 3 }]));
  });

  it('creates a silence from scratch with a negative regex matcher', async () => {
    const { callsTo } = renderApp({ tab: 'monitoring', handlers: monitoringHandlers({ 'silences.create': () => silence }) });
    fireEvent.click(await screen.findByRole('button', { name: 'New silence…' }, LAZY));
    const dialog = screen.getByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Matcher 1 label'), { target: { value: 'instance' } });
    fireEvent.change(within(dialog).getByLabelText('Matcher 1 operator'), { target: { value: '!~' } });
    fireEvent.change(within(dialog).getByLabelText('Matcher 1 value'), { target: { value: 'db-.*' } });
    fireEvent.change(within(dialog).getByLabelText('Comment (required)'), { target: { value: 'noisy' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create silence' }));
    await waitFor(() => expect(callsTo('silences.create')).toHaveLength(1));
    expect((callsTo('silences.create')[0]!.input as { matchers: unknown }).matchers).toEqual([{ name: 'instance', op: '!~', value: 'db-.*' }]);
  });
});

describe('Monitoring: rules', () => {
  beforeEach(() => history.replaceState(null, '', '/#/monitoring?view=rules'));

  it("shows each rule's health and Prometheus's error text", async () => {
    renderApp({ tab: 'monitoring', handlers: monitoringHandlers() });
    const row = (await screen.findByText('queue_length > 100', {}, LAZY)).closest('tr')!;
    expect(row.getAttribute('data-health')).toBe('err');
    expect(row.textContent).toContain('bad_data: 1:14: parse error: unexpected end of input');
  });

  it('says where the rules folder is when there are no rules', async () => {
    renderApp({ tab: 'monitoring', handlers: monitoringHandlers({ 'rules.list': () => rulesList({ groups: [] }) }) });
    expect(await screen.findByText(/No rule file holds a group/, {}, LAZY)).toBeTruthy();
    expect(screen.getByText('/home/ops/.opsdeck/rules')).toBeTruthy();
  });

  it('chooses the source rules run against', async () => {
    const { callsTo } = renderApp({ tab: 'monitoring', handlers: monitoringHandlers({ 'rules.setSource': () => rulesList({ source: null }) }) });
    const select = await screen.findByLabelText('Rules source', {}, LAZY);
    await screen.findByRole('option', { name: 'main (connected)' });
    fireEvent.change(select, { target: { value: '' } });
    await waitFor(() => expect(callsTo('rules.setSource').map((c) => c.input)).toEqual([{ source: null }]));
  });

  it('validates a rule file, lists problems with their line, and moves the cursor to a clicked one', async () => {
    const { callsTo } = renderApp({
      tab: 'monitoring',
      handlers: monitoringHandlers({
        'rules.validate': ({ name }) => ({ valid: false, exprsChecked: true, problems: [{ file: name ?? 'rules.yml', line: 3, column: 5, message: 'field alrt not found in type rulefmt.RuleNode' }] }),
      }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'New rule file…' }, LAZY));
    const text = 'groups:\n  - name: g\n    alrt: x\n';
    const editor = screen.getByTestId('rule-editor') as HTMLTextAreaElement;
    fireEvent.change(editor, { target: { value: text } });
    fireEvent.change(screen.getByLabelText('Rule file name'), { target: { value: 'mine.yml' } });
    fireEvent.click(screen.getByRole('button', { name: 'Validate' }));
    const problem = await screen.findByText(/field alrt not found/);
    expect(callsTo('rules.validate').map((c) => c.input)).toEqual([{ name: 'mine.yml', text }]);
    fireEvent.click(within(problem.closest('li')!).getByRole('button', { name: 'Line 3:5' }));
    expect(editor.selectionStart).toBe(text.indexOf('alrt'));

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(callsTo('rules.validate')).toHaveLength(2));
    expect(callsTo('rules.save')).toHaveLength(0);
  });

  it('saves a rule file', async () => {
    const { callsTo } = renderApp({ tab: 'monitoring', handlers: monitoringHandlers({ 'rules.save': () => [], 'rules.validate': () => ({ valid: true, problems: [], exprsChecked: true }) }) });
    fireEvent.click(await screen.findByRole('button', { name: 'New rule file…' }, LAZY));
    fireEvent.change(screen.getByTestId('rule-editor'), { target: { value: 'groups: []\n' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(callsTo('rules.save').map((c) => c.input)).toEqual([{ name: 'rules.yml', text: 'groups: []\n' }]));
  });
});

describe('Monitoring: routing', () => {
  beforeEach(() => history.replaceState(null, '', '/#/monitoring?view=routing'));

  it('draws the route tree and highlights the routes a tested alert takes', async () => {
    const { callsTo } = renderApp({
      tab: 'monitoring',
      handlers: monitoringHandlers({
        'routing.test': () => ({
          routes: [
            {
              path: [0],
              line: 4,
              receiver: 'pager',
              matchers: [{ name: 'severity', op: '=', value: 'critical' }],
              groupBy: ['alertname'],
              groupLabels: { alertname: 'QueueTooLong' },
              groupKey: '{}/{severity="critical"}:{alertname="QueueTooLong"}',
              continued: false,
              groupWaitMs: 30_000,
              groupIntervalMs: 300_000,
              repeatIntervalMs: 14_400_000,
            },
          ],
        }),
      }),
    });
    const node = await screen.findByText('pager', { selector: '.route-node strong' }, LAZY);
    expect(node.closest('.route-node')!.textContent).toContain('severity="critical"');
    fireEvent.change(screen.getByLabelText('Label 1 value'), { target: { value: 'QueueTooLong' } });
    fireEvent.change(screen.getByLabelText('Label 2 value'), { target: { value: 'critical' } });
    fireEvent.click(screen.getByRole('button', { name: 'Test routing' }));
    const matched = await screen.findByTestId('matched-route');
    expect(matched.textContent).toContain('{}/{severity="critical"}:{alertname="QueueTooLong"}');
    expect(document.querySelector('[data-route="0"]')!.getAttribute('data-matched')).toBe('true');
    expect(document.querySelector('[data-route="root"]')!.getAttribute('data-matched')).toBeNull();
    const input = callsTo('routing.test')[0]!.input as { labels: unknown; text: string };
    expect(input.labels).toEqual({ alertname: 'QueueTooLong', severity: 'critical' });
    expect(input.text).toContain('receiver: pager');
  });

  it('validates the routing text with the shared editor and lists problems by line', async () => {
    renderApp({ tab: 'monitoring', handlers: monitoringHandlers({ 'routing.validate': () => ({ valid: false, problems: [{ line: 2, column: 3, message: 'undefined receiver "nobody" used in route' }] }) }) });
    await screen.findByTestId('routing-editor', {}, LAZY);
    fireEvent.click(screen.getByRole('button', { name: 'Validate' }));
    expect(await screen.findByText(/undefined receiver "nobody" used in route/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Line 2:3' })).toBeTruthy();
  });
});
