// @vitest-environment happy-dom
import type { ChannelInput, K8sContextInfo, K8sContexts, K8sOverview, K8sPodPage, K8sPodRow } from '@contract';
import { ContractCallError } from '@contract/errors';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROW_PX } from '../../../renderer/src/views/clusters/PodsTable';
import { k8sContext, noKubeconfig } from './helpers/fixtures';
import { LAZY, NOW, renderApp } from './helpers/renderApp';

beforeEach(() => history.replaceState(null, '', '/#/clusters'));
afterEach(cleanup);


const contexts = (list: K8sContextInfo[], over: Partial<K8sContexts> = {}): K8sContexts => ({
  files: ['/home/ops/.kube/config'],
  found: ['/home/ops/.kube/config'],
  problems: [],
  currentContext: 'prod',
  contexts: list,
  ...over,
});

const overview = (): K8sOverview => ({
  context: 'prod',
  state: 'connected',
  kinds: [
    { kind: 'namespaces', state: 'synced', count: 2, message: null },
    { kind: 'nodes', state: 'forbidden', count: 0, message: 'nodes is forbidden: User "dev" cannot list resource "nodes"' },
    { kind: 'pods', state: 'synced', count: 5000, message: null },
    { kind: 'deployments', state: 'synced', count: 3, message: null },
  ],
  nodes: { total: 3, ready: 2, notReady: 1, unschedulable: 0, allocatableCpuMillis: 12_000, allocatableMemoryBytes: 48 * 1024 ** 3 },
  pods: { total: 5000, byPhase: { Pending: 12, Running: 4980, Succeeded: 0, Failed: 8, Unknown: 0 }, restarts: 37 },
  deployments: { total: 3, notAtDesired: 1, lagging: [{ namespace: 'shop', name: 'web', desired: 3, ready: 1 }] },
  namespaces: { total: 2 },
});

const pod = (i: number): K8sPodRow => ({
  namespace: i % 2 ? 'billing' : 'shop',
  name: `pod-${String(i).padStart(5, '0')}`,
  uid: `uid-${i}`,
  phase: 'Running',
  status: i === 3 ? 'CrashLoopBackOff' : 'Running',
  readyContainers: 1,
  containers: 1,
  restarts: i % 7,
  node: `node-${i % 3}`,
  createdAt: NOW - 3_600_000,
});

/** A host holding `count` pods that filters by namespace and text, sorts by name or restarts, and pages. */
function podsHost(count: number) {
  const all = Array.from({ length: count }, (_, i) => pod(i));
  return (input: ChannelInput<'k8s.pods'>): K8sPodPage => {
    if (input.labelSelector === 'app in (web') {
      throw new ContractCallError('k8s.pods', { code: 'BAD_REQUEST', message: 'Label selector: expected "," or ")" at position 12, found the end' });
    }
    let rows = all.filter((p) => (!input.namespace || p.namespace === input.namespace) && (!input.text || p.name.includes(input.text)));
    if (input.sort === 'restarts') rows = [...rows].sort((a, b) => a.restarts - b.restarts || (a.name < b.name ? -1 : 1));
    if (input.dir === 'desc') rows = [...rows].reverse();
    const offset = input.offset ?? 0;
    return { context: input.context, total: all.length, matched: rows.length, offset, rows: rows.slice(offset, offset + (input.limit ?? 100)), synced: true };
  };
}

const enabledProd = () => contexts([k8sContext({ enabled: true, state: 'connected', current: true })]);

function renderCluster(count = 5000) {
  return renderApp({
    tab: 'clusters',
    handlers: {
      'k8s.contexts': enabledProd,
      'k8s.overview': overview,
      'k8s.namespaces': () => [
        { name: 'billing', phase: 'Active', pods: count / 2 },
        { name: 'shop', phase: 'Active', pods: count / 2 },
      ],
      'k8s.pods': podsHost(count),
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
        'k8s.pods': () => ({ context: 'prod', total: 0, matched: 0, offset: 0, rows: [], synced: false }),
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
    expect(screen.getByTestId('tile-deployments').textContent).toContain('shop/web 1/3');
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
    await waitFor(() => expect(view.callsTo('k8s.pods').at(-1)?.input).toMatchObject({ sort: 'restarts', dir: 'desc' }));
    expect(screen.getByRole('columnheader', { name: /Restarts/ }).getAttribute('aria-sort')).toBe('descending');
    expect(location.hash).toContain('sort=restarts');

    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'pod-0012' } });
    await waitFor(() => expect(screen.getByTestId('pods-count').dataset.matched).toBe('10'));
    expect(view.callsTo('k8s.pods').at(-1)?.input).toMatchObject({ context: 'prod', text: 'pod-0012', offset: 0 });
    expect(podRows().every((r) => r.getAttribute('data-pod')!.includes('pod-0012'))).toBe(true);
    expect(location.hash).toContain('q=pod-0012');

    // Away and back: the filter comes back from the URL.
    fireEvent.click(screen.getByRole('tab', { name: 'Settings' }));
    fireEvent.click(screen.getByRole('tab', { name: 'Clusters' }));
    expect(((await screen.findByRole('searchbox', {}, LAZY)) as HTMLInputElement).value).toBe('pod-0012');
    await waitFor(() => expect(screen.getByTestId('pods-count').dataset.matched).toBe('10'));
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
});
