// @vitest-environment happy-dom
import type { AuditEntry } from '@contract';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ROW_PX } from '../../../renderer/src/components/VirtualTable';
import { contexts, deploymentRow, detail, enabledProd, METRICS, objectsHost, overview, podDetail, podsHost } from './clustersFixtures';
import { k8sContext, noKubeconfig } from './helpers/fixtures';
import type { Handlers } from './helpers/fakeClient';
import { LAZY, NOW, renderApp } from './helpers/renderApp';

beforeEach(() => history.replaceState(null, '', '/#/clusters'));
afterEach(cleanup);


function renderCluster(count = 5000, over: Handlers = {}) {
  return renderApp({
    tab: 'clusters',
    handlers: {
      'k8s.contexts': enabledProd,
      'k8s.overview': () => overview(),
      'k8s.namespaces': () => [
        { name: 'billing', phase: 'Active', pods: count / 2 },
        { name: 'shop', phase: 'Active', pods: count / 2 },
      ],
      'k8s.pods': podsHost(count),
      ...over,
    },
  });
}

const podRows = () => screen.getAllByRole('row').filter((r) => r.hasAttribute('data-pod'));

describe('Clusters', () => {
  it('explains where the kubeconfig comes from when there is none', async () => {
    renderApp({ tab: 'clusters', handlers: { 'k8s.contexts': noKubeconfig } });
    expect(await screen.findByText('No kubeconfig found', {}, LAZY)).toBeTruthy();
    const panel = screen.getByRole('tabpanel');
    expect(panel.textContent).toContain('KUBECONFIG');
    expect(panel.textContent).toContain('~/.kube/config');
    expect(panel.textContent).toContain('Opsdeck looked for /home/ops/.kube/config and found no file.');
  });

  it('lists contexts with their state in the server’s words, warnings and file problems', async () => {
    renderApp({
      tab: 'clusters',
      handlers: {
        'k8s.contexts': () =>
          contexts(
            [
              k8sContext({ name: 'lab', server: 'https://10.0.0.5:6443', warnings: ['TLS certificate verification is off (insecure-skip-tls-verify): anyone on the network path could read or change this traffic.'] }),
              k8sContext({ name: 'prod', current: true, enabled: true, state: 'unreachable', message: 'connect ECONNREFUSED 10.0.0.9:6443', lastAttemptAt: NOW, nextRetryAt: NOW + 8000 }),
              k8sContext({ name: 'staging', enabled: true, state: 'unauthorized', message: 'Unauthorized' }),
            ],
            { problems: [{ file: '/home/ops/.kube/broken', message: 'bad indentation of a mapping entry (3:5)' }] },
          ),
      },
    });
    const table = await screen.findByRole('table', { name: 'Kubeconfig contexts' }, LAZY);
    const row = (name: string) => table.querySelector(`[data-context="${name}"]`) as HTMLElement;
    expect(row('prod').textContent).toContain('unreachable');
    expect(row('prod').textContent).toContain('connect ECONNREFUSED 10.0.0.9:6443');
    expect(row('prod').textContent).toContain('current');
    expect(row('staging').textContent).toContain('Unauthorized');
    expect(within(row('lab')).getByRole('note').textContent).toMatch(/insecure-skip-tls-verify/);
    expect(screen.getByText(/bad indentation of a mapping entry/).closest('li')?.textContent).toContain('/home/ops/.kube/broken');
    // the shown context is the first enabled one, and its problem is spelled out
    expect(screen.getByText('prod is unreachable')).toBeTruthy();
  });

  it('enables a context through the host and shows the state it answers with', async () => {
    let answer: () => void = () => undefined;
    const view = renderApp({
      tab: 'clusters',
      handlers: {
        'k8s.contexts': () => contexts([k8sContext()]),
        'k8s.setEnabled': ({ enabled }) =>
          new Promise((resolve) => {
            answer = () => resolve(contexts([k8sContext({ enabled, state: enabled ? 'connecting' : 'disabled' })]));
          }),
        'k8s.overview': () => ({ ...overview(), state: 'connecting' }),
        'k8s.namespaces': () => [],
        'k8s.pods': () => ({ context: 'prod', total: 0, matched: 0, offset: 0, rows: [], synced: false, metrics: METRICS }),
      },
    });
    const toggle = await screen.findByRole('switch', { name: 'Watch prod' }, LAZY);
    expect(screen.getByText(/Turn on/).textContent).toContain('prod');
    fireEvent.click(toggle);
    await waitFor(() => expect(view.callsTo('k8s.setEnabled')).toEqual([{ channel: 'k8s.setEnabled', input: { context: 'prod', enabled: true } }]));
    // The switch stays where the user put it while the host answers.
    expect((toggle as HTMLInputElement).checked).toBe(true);
    act(() => answer());
    expect(await screen.findByText('connecting')).toBeTruthy();
    expect(await screen.findByText(/Listing the cluster/)).toBeTruthy();
  });

  it('shows the overview figures and a virtualized table of the pods', async () => {
    const view = renderCluster(5000);
    expect((await screen.findByTestId('tile-nodes', {}, LAZY)).textContent).toContain('2 / 3');
    expect(screen.getByTestId('tile-pods').textContent).toContain('5,000');
    expect(screen.getByTestId('tile-pods').textContent).toContain('8 failed');
    expect(screen.getByTestId('tile-workloads').textContent).toContain('2 / 3');
    expect(screen.getByText(/Cannot watch nodes: nodes is forbidden/)).toBeTruthy();

    await waitFor(() => expect(podRows().length).toBeGreaterThan(0));
    expect(screen.getByTestId('pods-count').dataset).toMatchObject({ matched: '5000', total: '5000' });
    // Only a window of the 5,000 rows is in the document.
    expect(podRows().length).toBeLessThan(60);
    expect(screen.getByRole('table', { name: 'Pods' }).getAttribute('aria-rowcount')).toBe('5001');
    expect(podRows()[3]!.textContent).toContain('CrashLoopBackOff');
    expect(view.callsTo('k8s.pods').map((c) => (c.input as { offset: number }).offset)).toEqual([0]);

    const scroller = screen.getByTestId('pods-scroll');
    act(() => {
      scroller.scrollTop = 2500 * ROW_PX;
      fireEvent.scroll(scroller);
    });
    await waitFor(() => expect(podRows()[0]?.getAttribute('data-pod')).toMatch(/pod-024[89]\d/));
    expect(view.callsTo('k8s.pods').map((c) => (c.input as { offset: number }).offset)).toContain(2400);
    expect(podRows().length).toBeLessThan(60);
  });

  it('sorts by a column and filters by name, keeping both in the URL', async () => {
    const view = renderCluster(300);
    await waitFor(() => expect(podRows().length).toBeGreaterThan(0), LAZY);

    fireEvent.click(within(screen.getByRole('columnheader', { name: /Restarts/ })).getByRole('button'));
    await waitFor(() => expect(view.callsTo('k8s.pods').at(-1)?.input).toMatchObject({ sort: 'restarts', dir: 'desc' }), LAZY);
    expect(screen.getByRole('columnheader', { name: /Restarts/ }).getAttribute('aria-sort')).toBe('descending');
    expect(location.hash).toContain('sort=restarts');

    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'pod-0012' } });
    await waitFor(() => expect(screen.getByTestId('pods-count').dataset.matched).toBe('10'), LAZY);
    expect(view.callsTo('k8s.pods').at(-1)?.input).toMatchObject({ context: 'prod', text: 'pod-0012', offset: 0 });
    expect(podRows().every((r) => r.getAttribute('data-pod')!.includes('pod-0012'))).toBe(true);
    expect(location.hash).toContain('q=pod-0012');

    // Away and back: the filter comes back from the URL.
    fireEvent.click(screen.getByRole('tab', { name: 'Settings' }));
    fireEvent.click(screen.getByRole('tab', { name: 'Clusters' }));
    expect(((await screen.findByRole('searchbox', {}, LAZY)) as HTMLInputElement).value).toBe('pod-0012');
    await waitFor(() => expect(screen.getByTestId('pods-count').dataset.matched).toBe('10'), LAZY);
  });

  it('shows why a label selector does not parse, next to it', async () => {
    renderCluster(50);
    const input = await screen.findByRole('textbox', { name: 'Label selector' }, LAZY);
    fireEvent.change(input, { target: { value: 'app in (web' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect((await screen.findByText('expected "," or ")" at position 12, found the end')).getAttribute('role')).toBe('alert');
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });

  it('refetches the rows in view and the overview when the host says pods changed', async () => {
    const view = renderCluster(200);
    await waitFor(() => expect(podRows().length).toBeGreaterThan(0), LAZY);
    const pods = view.callsTo('k8s.pods').length;
    const overviews = view.callsTo('k8s.overview').length;
    act(() => view.emit('k8s.changed', { context: 'other', kinds: ['pods'], at: NOW }));
    act(() => view.emit('k8s.changed', { context: 'prod', kinds: ['pods'], at: NOW }));
    await waitFor(() => expect(view.callsTo('k8s.pods').length).toBe(pods + 1));
    expect(view.callsTo('k8s.overview').length).toBe(overviews + 1);

    act(() => view.emit('k8s.contextsChanged', contexts([k8sContext({ enabled: true, state: 'unreachable', message: 'connect ETIMEDOUT' })])));
    expect(await screen.findByText('prod is unreachable')).toBeTruthy();
  });

  it('shows capacity against requests, says why usage is missing, and lists recent warnings', async () => {
    renderCluster(10, { 'k8s.detail': () => podDetail({ name: 'web-1' }) });
    const cpu = await screen.findByTestId('capacity-cpu', {}, LAZY);
    expect(cpu.textContent).toContain('12 cores allocatable');
    expect(within(cpu).getByRole('meter', { name: 'CPU requested' }).getAttribute('aria-valuenow')).toBe('50');
    expect(cpu.textContent).toContain('not reported');
    expect(screen.getByTestId('capacity-memory').textContent).toContain('12.0 GiB · 25%');
    expect(screen.getByTestId('metrics-note').textContent).toContain('metrics.k8s.io is not served by this cluster (404).');

    const lagging = screen.getByTestId('lagging-workloads');
    expect(within(lagging).getByRole('button', { name: 'Scale deployment shop/web' })).toBeTruthy();
    // A DaemonSet runs one pod per node: there is nothing to scale.
    expect(within(lagging).queryByRole('button', { name: /Scale daemonset/ })).toBeNull();

    const warnings = screen.getByRole('table', { name: 'Recent warnings' });
    expect(warnings.textContent).toContain('Back-off restarting failed container web in pod web-1');
    fireEvent.click(within(warnings).getByRole('button', { name: 'Pod/shop/web-1' }));
    expect((await screen.findByTestId('detail-pane')).dataset.object).toBe('shop/web-1');
    expect(location.hash).toContain('obj=shop%2Fweb-1');
  });

  it('shows pod CPU and memory columns when the cluster serves metrics', async () => {
    renderCluster(20, { 'k8s.overview': () => overview({ metrics: METRICS, nodes: { ...overview().nodes, usage: { cpuMillis: 3_000, memoryBytes: 6 * 1024 ** 3 } } }), 'k8s.pods': podsHost(20, METRICS) });
    await waitFor(() => expect(podRows().length).toBeGreaterThan(0), LAZY);
    expect(screen.getByRole('columnheader', { name: /CPU/ })).toBeTruthy();
    expect(podRows()[2]!.textContent).toContain('12m');
    expect(podRows()[2]!.textContent).toContain('3.0 MiB');
    expect(screen.queryByTestId('metrics-note')).toBeNull();
    expect(within(screen.getByTestId('capacity-cpu')).getByRole('meter', { name: 'CPU used' }).getAttribute('aria-valuenow')).toBe('25');
  });

  it('asks for the rows in view again every 30 seconds, so the host keeps watching the kind', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const view = renderCluster(20);
      await waitFor(() => expect(podRows().length).toBeGreaterThan(0), LAZY);
      const before = view.callsTo('k8s.pods').length;
      act(() => vi.advanceTimersByTime(29_000));
      expect(view.callsTo('k8s.pods').length).toBe(before);
      act(() => vi.advanceTimersByTime(1_000));
      expect(view.callsTo('k8s.pods').length).toBe(before + 1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('switches kinds, lists them with the host’s columns, filters problems only, and refetches on their changes', async () => {
    const rows = [deploymentRow('shop', 'web', { status: '1/3', health: 'warning' }), deploymentRow('shop', 'api'), deploymentRow('billing', 'ledger')];
    const view = renderCluster(10, { 'k8s.objects': objectsHost({ deployments: rows }) });
    fireEvent.click(await screen.findByRole('button', { name: 'Deployments' }, LAZY));
    const table = await screen.findByRole('table', { name: 'Deployments' });
    expect(within(table).getByRole('columnheader', { name: 'UP-TO-DATE' })).toBeTruthy();
    expect(within(table).getByRole('columnheader', { name: 'IMAGES' })).toBeTruthy();
    expect(table.querySelectorAll('tr[data-object]')).toHaveLength(3);
    expect(location.hash).toContain('kind=deployments');
    expect(view.callsTo('k8s.objects').at(-1)?.input).toMatchObject({ context: 'prod', kind: 'deployments', problems: false, offset: 0 });

    fireEvent.click(screen.getByRole('checkbox', { name: 'Problems only' }));
    await waitFor(() => expect(screen.getByTestId('deployments-count').dataset.matched).toBe('1'));
    expect(view.callsTo('k8s.objects').at(-1)?.input).toMatchObject({ problems: true });
    expect(location.hash).toContain('problems=true');
    expect(screen.getByRole('table', { name: 'Deployments' }).querySelector('tr[data-object="shop/web"]')?.textContent).toContain('1/3');

    const before = view.callsTo('k8s.objects').length;
    act(() => view.emit('k8s.changed', { context: 'prod', kinds: ['pods'], at: NOW }));
    act(() => view.emit('k8s.changed', { context: 'prod', kinds: ['deployments'], at: NOW }));
    act(() => view.emit('k8s.changed', { context: 'prod', kinds: ['deployments'], at: NOW }));
    await waitFor(() => expect(view.callsTo('k8s.objects').length).toBe(before + 1));
  });

  it('moves through rows with the arrow keys, opens one with Enter, closes it with Esc, and / jumps to the filter', async () => {
    renderCluster(50, { 'k8s.detail': ({ name }) => podDetail({ name }), 'k8s.logs': () => ({ lines: [], truncated: false }) });
    await waitFor(() => expect(podRows().length).toBeGreaterThan(0), LAZY);
    const scroller = screen.getByTestId('pods-scroll');
    scroller.focus();
    fireEvent.keyDown(scroller, { key: 'ArrowDown' });
    fireEvent.keyDown(scroller, { key: 'ArrowDown' });
    expect(podRows()[1]!.className).toContain('table__row--focused');
    fireEvent.keyDown(scroller, { key: 'Enter' });
    const pane = await screen.findByTestId('detail-pane');
    expect(pane.dataset.object).toBe('billing/pod-00001');
    expect(podRows()[1]!.getAttribute('aria-selected')).toBe('true');
    expect(location.hash).toContain('obj=billing%2Fpod-00001');

    fireEvent.keyDown(window, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('detail-pane')).toBeNull());
    expect(location.hash).not.toContain('obj=');

    fireEvent.keyDown(document.body, { key: '/' });
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Name contains' }));
  });

  it('opens the object an event is about when the event is opened', async () => {
    const event = { ...deploymentRow('billing', 'pod-00001.17a3'), kind: 'events' as const, status: 'Warning', health: 'warning' as const, cells: { object: 'pod/pod-00001', reason: 'BackOff' } };
    renderCluster(10, { 'k8s.objects': objectsHost({ events: [event] }), 'k8s.detail': ({ name }) => podDetail({ name }) });
    fireEvent.click(await screen.findByRole('button', { name: 'Events' }, LAZY));
    fireEvent.click((await screen.findByRole('table', { name: 'Events' })).querySelector('tr[data-object]')!);
    const pane = await screen.findByTestId('detail-pane');
    expect(pane.dataset).toMatchObject({ kind: 'pods', object: 'billing/pod-00001' });
    expect(location.hash).toBe('#/clusters?obj=billing%2Fpod-00001');
  });

  it('opens the object in the URL after a reload, and follows the owner chain', async () => {
    history.replaceState(null, '', '/#/clusters?kind=pods&obj=shop%2Fweb-6d4b-x1');
    const view = renderCluster(10, {
      'k8s.detail': ({ kind }) => (kind === 'pods' ? podDetail() : detail()),
      'k8s.objects': objectsHost({ deployments: [deploymentRow('shop', 'web')] }),
      'k8s.rolloutHistory': () => ({ context: 'prod', namespace: 'shop', name: 'web', revisions: [] }),
    });
    const pane = await screen.findByTestId('detail-pane', {}, LAZY);
    expect(await within(pane).findByText('containers with unready status: [web]')).toBeTruthy();
    fireEvent.click(within(pane).getByRole('button', { name: 'Deployment/web' }));
    await waitFor(() => expect(screen.getByTestId('detail-pane').dataset.kind).toBe('deployments'));
    expect(location.hash).toContain('kind=deployments');
    expect(view.callsTo('k8s.detail').at(-1)?.input).toEqual({ context: 'prod', kind: 'deployments', namespace: 'shop', name: 'web' });
  });

  it('scales a lagging deployment from the overview to the count entered, and lists the action from the audit log', async () => {
    const audit: AuditEntry[] = [];
    const view = renderCluster(10, { 'audit.list': () => [...audit], 'k8s.action': () => ({ message: 'Deployment shop/web scaled to 5 replicas.', auditId: 2 }) });
    fireEvent.click(await screen.findByRole('button', { name: 'Scale deployment shop/web' }, LAZY));
    const dialog = screen.getByRole('dialog');
    const replicas = within(dialog).getByRole('spinbutton');
    fireEvent.change(replicas, { target: { value: '-2' } });
    expect(within(dialog).getByRole('button', { name: 'Scale' }).hasAttribute('disabled')).toBe(true);
    fireEvent.change(replicas, { target: { value: '5' } });
    expect(dialog.textContent).toContain('Scale deployment shop/web to 5 replicas in context prod?');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Scale' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(view.callsTo('k8s.action').map((c) => c.input)).toEqual([{ context: 'prod', action: 'scale', kind: 'deployment', namespace: 'shop', name: 'web', replicas: 5 }]);
    expect(screen.getByText('Deployment shop/web scaled to 5 replicas.')).toBeTruthy();

    const entry: AuditEntry = { id: 2, ts: NOW, actor: 'ops (desktop)', action: 'scale', target: { kind: 'deployment', namespace: 'shop', name: 'web', replicas: 5 }, context: 'prod', result: 'ok', message: 'Deployment shop/web scaled to 5 replicas.' };
    audit.push(entry);
    act(() => view.emit('audit.appended', entry));
    const recent = await screen.findByRole('table', { name: 'Recent actions' });
    await waitFor(() => expect(recent.textContent).toContain('scale deployment shop/web to 5'));
    expect(recent.textContent).toContain('ops (desktop)');
  });
});
