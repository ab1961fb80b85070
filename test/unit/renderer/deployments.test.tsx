// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_DEPLOYMENTS_ROUTE, deploymentsRouteFromHash, hashWithDeploymentsRoute } from '../../../renderer/src/views/deployments/deploymentsRoute';
import { contexts, deploymentRow, detail, objectsHost, rolloutHistory } from './clustersFixtures';
import { k8sContext } from './helpers/fixtures';
import type { Handlers } from './helpers/fakeClient';
import { LAZY, NOW, renderApp } from './helpers/renderApp';

beforeEach(() => history.replaceState(null, '', '/#/deployments'));
afterEach(cleanup);

const twoClusters = () =>
  contexts([
    k8sContext({ name: 'prod', enabled: true, state: 'connected', current: true }),
    k8sContext({ name: 'staging', enabled: true, state: 'connected' }),
    k8sContext({ name: 'lab' }),
  ]);

const prodRows = [deploymentRow('shop', 'web', { status: '1/3', health: 'warning' }), deploymentRow('shop', 'api', { createdAt: NOW - 1000 })];
const stagingRows = [deploymentRow('shop', 'web', { cells: { upToDate: 2, images: 'registry.example/web:1.3' } }), deploymentRow('billing', 'ledger')];

function renderDeployments(over: Handlers = {}) {
  return renderApp({
    tab: 'deployments',
    handlers: {
      'k8s.contexts': twoClusters,
      'k8s.objects': (input) => objectsHost({ deployments: input.context === 'prod' ? prodRows : stagingRows })(input),
      'k8s.detail': ({ name, namespace }) => detail({ name, namespace: namespace ?? null }),
      'k8s.rolloutHistory': () => rolloutHistory(),
      'k8s.action': () => ({ message: 'Deployment shop/web rolled back to revision 1.', auditId: 3 }),
      ...over,
    },
  });
}

const rows = () => [...screen.getByRole('table', { name: 'Deployments' }).querySelectorAll('tr[data-deployment]')].map((r) => `${r.getAttribute('data-context')} ${r.getAttribute('data-deployment')}`);

describe('Deployments', () => {
  it('says how to watch a cluster when none is, with a way to the Clusters tab', async () => {
    const view = renderApp({ tab: 'deployments', handlers: { 'k8s.contexts': () => contexts([k8sContext()]) } });
    expect(await screen.findByText('No cluster is watched', {}, LAZY)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clusters tab' }));
    expect(view.store.getState().tab).toBe('clusters');
  });

  it('lists the deployments of every watched context in one sortable, filterable table', async () => {
    const view = renderDeployments();
    await waitFor(() => expect(rows()).toHaveLength(4), LAZY);
    // The context that is not watched is not asked.
    expect(new Set(view.callsTo('k8s.objects').map((c) => (c.input as { context: string }).context))).toEqual(new Set(['prod', 'staging']));
    expect(rows()).toEqual(['prod shop/api', 'staging billing/ledger', 'prod shop/web', 'staging shop/web']);
    const staging = screen.getByRole('table', { name: 'Deployments' }).querySelector('tr[data-context="staging"][data-deployment="shop/web"]')!;
    expect(staging.textContent).toContain('registry.example/web:1.3');

    fireEvent.click(within(screen.getByRole('columnheader', { name: /Ready/ })).getByRole('button'));
    await waitFor(() => expect(rows()[0]).toBe('prod shop/web'));
    expect(location.hash).toContain('sort=ready');

    fireEvent.change(screen.getByRole('searchbox', { name: 'Name contains' }), { target: { value: 'web' } });
    await waitFor(() => expect(rows()).toEqual(['prod shop/web', 'staging shop/web']));
    expect(view.callsTo('k8s.objects').at(-1)?.input).toMatchObject({ kind: 'deployments', text: 'web' });
  });

  it('opens a deployment in the shared detail pane on its rollout history, and rolls back from there', async () => {
    const view = renderDeployments();
    await waitFor(() => expect(rows()).toHaveLength(4), LAZY);
    fireEvent.click(screen.getByRole('table', { name: 'Deployments' }).querySelector('tr[data-context="prod"][data-deployment="shop/web"]')!);
    const pane = await screen.findByTestId('detail-pane');
    expect(location.hash).toContain('ctx=prod');
    expect(within(pane).getByRole('tab', { name: 'Rollout history' }).getAttribute('aria-selected')).toBe('true');
    fireEvent.click(await within(pane).findByRole('button', { name: 'Roll back to revision 1' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Roll back' }));
    await waitFor(() => expect(view.callsTo('k8s.action').map((c) => c.input)).toEqual([{ context: 'prod', action: 'rollback', namespace: 'shop', name: 'web', revision: 1 }]));
    expect((await within(pane).findByTestId('action-result')).textContent).toBe('Deployment shop/web rolled back to revision 1.');
    expect(within(pane).getByRole('button', { name: 'Restart…' })).toBeTruthy();
  });

  it('says which context could not list its deployments and shows the others', async () => {
    renderDeployments({
      'k8s.objects': (input) => {
        if (input.context === 'staging') throw new Error('deployments.apps is forbidden: User "dev" cannot list resource "deployments"');
        return objectsHost({ deployments: prodRows })(input);
      },
    });
    expect((await screen.findByText(/Could not list deployments in staging/, {}, LAZY)).textContent).toContain('cannot list resource "deployments"');
    expect(rows()).toEqual(['prod shop/api', 'prod shop/web']);
  });
});

describe('deployments route', () => {
  it('reads and writes the filter, sort and open deployment', () => {
    const route = { ...DEFAULT_DEPLOYMENTS_ROUTE, text: 'web', sort: 'ready' as const, context: 'arn:aws:eks:eu-west-1:1:cluster/prod', selected: 'shop/web' };
    const hash = hashWithDeploymentsRoute('#/deployments', route);
    expect(deploymentsRouteFromHash(hash)).toEqual(route);
    // Half an open deployment is none.
    expect(deploymentsRouteFromHash('#/deployments?obj=shop%2Fweb')).toEqual(DEFAULT_DEPLOYMENTS_ROUTE);
    expect(deploymentsRouteFromHash('#/deployments?sort=size')).toEqual(DEFAULT_DEPLOYMENTS_ROUTE);
  });
});
