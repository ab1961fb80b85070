// @vitest-environment happy-dom
import type { K8sAction, K8sObjectRow } from '@contract';
import { ContractCallError } from '@contract/errors';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deploymentRow, detail, objectsHost, renderClusterAt } from './clustersFixtures';
import type { Handlers } from './helpers/fakeClient';
import { LAZY } from './helpers/renderApp';

afterEach(cleanup);

const node = (unschedulable: boolean): K8sObjectRow => ({
  kind: 'nodes',
  namespace: null,
  name: 'node-0001',
  uid: 'node-uid',
  createdAt: null,
  status: unschedulable ? 'Ready,SchedulingDisabled' : 'Ready',
  health: unschedulable ? 'warning' : 'ok',
  cells: {},
  unschedulable,
});

const statefulset: K8sObjectRow = { ...deploymentRow('data', 'db'), kind: 'statefulsets', uid: 'sts', status: '2/2', desiredReplicas: 2 };

const renderPane = (query: string, over: Handlers = {}) =>
  renderClusterAt(query, { 'k8s.objects': objectsHost({ deployments: [deploymentRow('shop', 'web')], statefulsets: [statefulset], nodes: [node(false)] }), ...over });

interface Case {
  name: string;
  hash: string;
  handlers?: Handlers;
  /** Clicked first, e.g. the Rollout history tab. */
  before?: string;
  button: string;
  statement: string;
  confirm: string;
  fill?: string;
  action: K8sAction;
}

const CASES: Case[] = [
  {
    name: 'scales a deployment',
    hash: 'kind=deployments&obj=shop%2Fweb',
    button: 'Scale…',
    fill: '5',
    statement: 'Scale deployment shop/web to 5 replicas in context prod?',
    confirm: 'Scale',
    action: { context: 'prod', action: 'scale', kind: 'deployment', namespace: 'shop', name: 'web', replicas: 5 },
  },
  {
    name: 'scales a deployment that the table’s name search does not return',
    hash: 'kind=deployments&obj=shop%2Fweb',
    handlers: { 'k8s.objects': objectsHost({}) },
    button: 'Scale…',
    fill: '4',
    statement: 'Scale deployment shop/web to 4 replicas in context prod?',
    confirm: 'Scale',
    action: { context: 'prod', action: 'scale', kind: 'deployment', namespace: 'shop', name: 'web', replicas: 4 },
  },
  {
    name: 'restarts a deployment',
    hash: 'kind=deployments&obj=shop%2Fweb',
    button: 'Restart…',
    statement: 'Restart deployment shop/web in context prod?',
    confirm: 'Restart',
    action: { context: 'prod', action: 'restart', namespace: 'shop', name: 'web' },
  },
  {
    name: 'rolls a deployment back to the chosen revision',
    hash: 'kind=deployments&obj=shop%2Fweb',
    before: 'Rollout history',
    button: 'Roll back to revision 1',
    statement: 'Roll back deployment shop/web to revision 1 (registry.example/web:1.1) in context prod?',
    confirm: 'Roll back',
    action: { context: 'prod', action: 'rollback', namespace: 'shop', name: 'web', revision: 1 },
  },
  {
    name: 'scales a statefulset',
    hash: 'kind=statefulsets&obj=data%2Fdb',
    button: 'Scale…',
    fill: '0',
    statement: 'Scale statefulset data/db to 0 replicas in context prod?',
    confirm: 'Scale',
    action: { context: 'prod', action: 'scale', kind: 'statefulset', namespace: 'data', name: 'db', replicas: 0 },
  },
  {
    name: 'deletes a pod',
    hash: 'kind=pods&obj=shop%2Fweb-6d4b-x1',
    button: 'Delete pod…',
    statement: 'Delete pod shop/web-6d4b-x1 in context prod?',
    confirm: 'Delete pod',
    action: { context: 'prod', action: 'deletePod', namespace: 'shop', name: 'web-6d4b-x1' },
  },
  {
    name: 'cordons a node',
    hash: 'kind=nodes&obj=node-0001',
    button: 'Cordon…',
    statement: 'Cordon node node-0001 in context prod?',
    confirm: 'Cordon',
    action: { context: 'prod', action: 'cordon', name: 'node-0001' },
  },
  {
    name: 'uncordons a cordoned node',
    hash: 'kind=nodes&obj=node-0001',
    handlers: {
      'k8s.objects': objectsHost({ nodes: [node(true)] }),
      'k8s.detail': () => detail({ kind: 'nodes', namespace: null, name: 'node-0001', unschedulable: true }),
    },
    button: 'Uncordon…',
    statement: 'Uncordon node node-0001 in context prod?',
    confirm: 'Uncordon',
    action: { context: 'prod', action: 'uncordon', name: 'node-0001' },
  },
];

describe('detail pane actions', () => {
  it.each(CASES)('$name only after confirming, and shows the host’s answer', async (c) => {
    const view = renderPane(c.hash, c.handlers);
    const pane = await screen.findByTestId('detail-pane', {}, LAZY);
    if (c.before) fireEvent.click(within(pane).getByRole('tab', { name: c.before }));
    const button = await within(pane).findByRole('button', { name: c.button });
    await waitFor(() => expect(button.hasAttribute('disabled')).toBe(false));

    // Cancel sends nothing.
    fireEvent.click(button);
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();

    fireEvent.click(button);
    const dialog = screen.getByRole('dialog');
    if (c.fill !== undefined) fireEvent.change(within(dialog).getByRole('spinbutton'), { target: { value: c.fill } });
    expect(dialog.textContent).toContain(c.statement);
    expect(view.callsTo('k8s.action')).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: c.confirm }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(view.callsTo('k8s.action').map((call) => call.input)).toEqual([c.action]);
    expect((await screen.findByTestId('action-result')).textContent).toBe(`done: ${c.action.action}`);
  });

  it('keeps the dialog open with the API server’s refusal in its own words', async () => {
    const refusal = 'deployments.apps "web" is forbidden: User "dev" cannot patch resource "deployments" in API group "apps" in the namespace "shop"';
    renderPane('kind=deployments&obj=shop%2Fweb', {
      'k8s.action': () => {
        throw new ContractCallError('k8s.action', { code: 'FORBIDDEN', message: refusal });
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Restart…' }, LAZY));
    const dialog = screen.getByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Restart' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe(refusal);
    expect(screen.queryByTestId('action-result')).toBeNull();

    // Esc closes the dialog only; a second Esc closes the pane.
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByTestId('detail-pane')).toBeTruthy();
    fireEvent.keyDown(document.body, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('detail-pane')).toBeNull());
  });
});

describe('detail pane content', () => {
  it('shows summary, labels, annotations, conditions, events and YAML with a copy button', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const view = renderPane('kind=deployments&obj=shop%2Fweb');
    const pane = await screen.findByTestId('detail-pane', {}, LAZY);
    await within(pane).findByText('MinimumReplicasAvailable');
    expect(within(pane).getByRole('heading', { level: 2 }).textContent).toBe('shop/web');
    expect(within(pane).getByLabelText('Labels').textContent).toContain('tier=frontend');
    expect(within(pane).getByLabelText('Annotations').textContent).toContain('deployment.kubernetes.io/revision=2');
    expect(pane.querySelector('[data-condition="Progressing"]')?.textContent).toContain('ReplicaSet "web-6d4b" has successfully progressed.');
    await waitFor(() => expect(within(pane).getByText('3/3')).toBeTruthy());
    expect(view.callsTo('k8s.detail')[0]?.input).toEqual({ context: 'prod', kind: 'deployments', namespace: 'shop', name: 'web' });

    fireEvent.click(within(pane).getByRole('tab', { name: 'Events (1)' }));
    expect(within(pane).getByRole('table', { name: 'Events' }).textContent).toContain('Scaled up replica set web-6d4b to 3');

    fireEvent.click(within(pane).getByRole('tab', { name: 'YAML' }));
    expect(within(pane).getByTestId('object-yaml').textContent).toContain('kind: Deployment');
    fireEvent.click(within(pane).getByRole('button', { name: 'Copy YAML' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(detail().yaml));
    expect(await within(pane).findByText('Copied')).toBeTruthy();
  });

  it('spells out a pod’s row: status, restarts and node, with its containers and owner chain', async () => {
    renderPane('kind=pods&obj=shop%2Fpod-00002');
    const pane = await screen.findByTestId('detail-pane', {}, LAZY);
    await waitFor(() => expect(pane.textContent).toContain('Running · 1/1 ready · 2 restarts'));
    expect(pane.textContent).toContain('node-2');
    expect(pane.querySelector('[data-container="web"]')?.textContent).toContain('waiting (CrashLoopBackOff)');
    expect([...within(pane).getByLabelText('Owners').querySelectorAll('li')].map((li) => li.textContent)).toEqual(['ReplicaSet/web-6d4b', 'Deployment/web']);
  });

  it('lists the rollout history with the current revision marked', async () => {
    renderPane('kind=deployments&obj=shop%2Fweb');
    const pane = await screen.findByTestId('detail-pane', {}, LAZY);
    fireEvent.click(within(pane).getByRole('tab', { name: 'Rollout history' }));
    const table = await within(pane).findByRole('table', { name: 'Rollout history' });
    const current = table.querySelector('[data-revision="2"]')!;
    expect(current.getAttribute('data-current')).toBe('true');
    expect(current.textContent).toContain('kubectl set image deployment/web web=registry.example/web:1.2');
    expect(within(current as HTMLElement).queryByRole('button')).toBeNull();
    expect(table.querySelector('[data-revision="1"]')?.textContent).toContain('none recorded');
  });

  it('says so when the object is gone', async () => {
    renderPane('kind=deployments&obj=shop%2Fgone', {
      'k8s.detail': () => {
        throw new ContractCallError('k8s.detail', { code: 'NOT_FOUND', message: 'deployments.apps "gone" not found' });
      },
    });
    expect((await screen.findByRole('alert', {}, LAZY)).textContent).toContain('deployments.apps "gone" not found');
  });
});
