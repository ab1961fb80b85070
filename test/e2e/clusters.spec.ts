import { expect, test, type Page } from '@playwright/test';
import type { TestApiServer, Workload } from '../k8s';
import { startClusterServe, type ClusterServe } from './clusterServe';

// The second test reloads what the first one set up.
test.describe.configure({ mode: 'serial' });

let cluster: ClusterServe;
let api: TestApiServer;
let serve: ClusterServe['serve'];

test.beforeAll(async () => {
  cluster = await startClusterServe({ namespaces: 5, deploymentsPerNs: 3, podsPerNs: 40, nodes: 3, notReadyEvery: 11 }, { context: 'e2e-cluster', namespace: 'ns-0002' });
  ({ api, serve } = cluster);
});

test.afterAll(() => cluster?.stop());

const podNames = () => api.store.list('pods').map((p) => p.metadata.name ?? '');

test('connects a kubeconfig context, shows its real pods and filters them', async ({ page }) => {
  await page.goto(`${serve.url}#/clusters`);
  const contexts = page.getByRole('table', { name: 'Kubeconfig contexts' });
  const row = contexts.locator('tr[data-context="e2e-cluster"]');
  await expect(row).toContainText(api.url);
  await expect(row).toContainText('disabled');

  await page.getByRole('switch', { name: 'Watch e2e-cluster' }).check();
  await expect(row).toContainText('connected');

  const count = page.getByTestId('pods-count');
  await expect(count).toHaveAttribute('data-total', String(podNames().length));
  await expect(page.getByTestId('tile-pods')).toHaveAttribute('data-total', String(podNames().length));
  await expect(page.getByTestId('tile-nodes')).toContainText('3 / 3');
  await expect(page.locator('tr[data-pod]').first()).toBeVisible();

  await page.getByRole('searchbox').fill('app-001');
  const matching = podNames().filter((n) => n.includes('app-001'));
  await expect(count).toHaveAttribute('data-matched', String(matching.length));
  const shown = () => page.locator('tr[data-pod]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-pod') ?? ''));
  // Only the rows in view are in the page; scrolling to the end brings the last match.
  expect((await shown()).length).toBeLessThan(matching.length);
  expect((await shown()).every((key) => key.split('/')[1]!.includes('app-001'))).toBe(true);
  const sortedKeys = api.store.list('pods').filter((p) => p.metadata.name!.includes('app-001')).map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
  sortedKeys.sort((a, b) => (a.split('/')[1]! < b.split('/')[1]! ? -1 : a.split('/')[1]! > b.split('/')[1]! ? 1 : a < b ? -1 : 1));
  await page.getByTestId('pods-scroll').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(page.locator(`tr[data-pod="${sortedKeys.at(-1)}"]`)).toBeVisible();
  expect(page.url()).toContain('q=app-001');

  // A change on the server reaches the table without a reload.
  const [victim] = api.store.list('pods').filter((p) => p.metadata.name!.includes('app-001'));
  api.store.delete('pods', victim!.metadata.namespace, victim!.metadata.name!);
  await api.store.settled();
  const after = podNames().filter((n) => n.includes('app-001'));
  await expect(count).toHaveAttribute('data-matched', String(after.length));
  await expect(count).toHaveAttribute('data-total', String(podNames().length));
});

test('keeps the context enabled and its filters across a reload', async ({ page }) => {
  await page.goto(`${serve.url}#/clusters?q=app-002`);
  await expect(page.getByRole('switch', { name: 'Watch e2e-cluster' })).toBeChecked();
  await expect(page.getByRole('searchbox')).toHaveValue('app-002');
  await expect(page.getByTestId('pods-count')).toHaveAttribute('data-matched', String(podNames().filter((n) => n.includes('app-002')).length));
});

const revisionRow = (page: Page, revision: number) => page.getByTestId('rollout-history').locator(`tr[data-revision="${revision}"]`);

test('opens a deployment, shows its rollout history and rolls it back to revision 1', async ({ page }) => {
  // A new image makes revision 2, as kubectl set image would.
  api.store.mutate('deployments', 'ns-0001', 'app-001', (d) => {
    (d as Workload).spec.template.spec.containers[0]!.image = 'registry.local/app-001:2.0.0';
  });
  await api.store.settled();

  await page.goto(`${serve.url}#/clusters`);
  await page.getByRole('navigation', { name: 'Kinds' }).getByRole('button', { name: 'Deployments' }).click();
  await page.getByRole('searchbox', { name: 'Name contains' }).fill('app-001');
  await page.locator('tr[data-object="ns-0001/app-001"]').click();
  const pane = page.getByTestId('detail-pane');
  await expect(pane).toHaveAttribute('data-object', 'ns-0001/app-001');
  await pane.getByRole('tab', { name: 'Rollout history' }).click();
  await expect(revisionRow(page, 2)).toHaveAttribute('data-current', 'true');
  await expect(revisionRow(page, 2)).toContainText('registry.local/app-001:2.0.0');
  await expect(revisionRow(page, 1)).toContainText('registry.local/app-001:1.1.0');

  await pane.getByRole('button', { name: 'Roll back to revision 1' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Roll back deployment ns-0001/app-001 to revision 1');
  await dialog.getByRole('button', { name: 'Roll back' }).click();
  await expect(dialog).toBeHidden();
  await expect(pane.getByTestId('action-result')).toBeVisible();
  // Undo reuses revision 1's ReplicaSet and gives it the next number.
  await expect(revisionRow(page, 3)).toHaveAttribute('data-current', 'true');
  await expect(revisionRow(page, 3)).toContainText('registry.local/app-001:1.1.0');
  const deployment = api.store.get('deployments', 'ns-0001', 'app-001') as Workload;
  expect(deployment.spec.template.spec.containers[0]!.image).toBe('registry.local/app-001:1.1.0');
});

test('follows a pod’s log as lines are written, and searches it', async ({ page }) => {
  // A running pod: a pending one has no log yet (the API server answers 400, as a real one does).
  const pod = api.store
    .list('pods', { namespace: 'ns-0002' })
    .filter((p) => (p as { status?: { phase?: string } }).status?.phase === 'Running')
    .map((p) => p.metadata.name ?? '')
    .sort()[0]!;
  await page.goto(`${serve.url}#/clusters?kind=pods&obj=ns-0002%2F${pod}`);
  const pane = page.getByTestId('detail-pane');
  await pane.getByRole('button', { name: 'Logs of app' }).click();
  await expect(page.getByTestId('log-status')).toBeVisible();
  await pane.getByRole('checkbox', { name: 'Follow' }).check();
  await expect(page.getByTestId('log-status')).toContainText('following');

  api.store.appendLog('ns-0002', pod, ['GET /orders 200 12ms', 'e2e marker: payment failed']);
  const lines = page.getByTestId('log-lines');
  await expect(lines).toContainText('e2e marker: payment failed');
  api.store.appendLog('ns-0002', pod, ['e2e marker: retry succeeded']);
  await expect(lines).toContainText('e2e marker: retry succeeded');

  await pane.getByRole('textbox', { name: 'Search the log' }).fill('e2e marker');
  await expect(page.getByTestId('log-matches')).toHaveAttribute('data-count', '2');
  await expect(lines.locator('mark').first()).toHaveText('e2e marker');
  await pane.getByRole('button', { name: 'Close details' }).click();
  await expect(pane).toBeHidden();
});

test('cordons a node after confirming', async ({ page }) => {
  await page.goto(`${serve.url}#/clusters?kind=nodes`);
  await page.locator('tr[data-object="node-0001"]').click();
  const pane = page.getByTestId('detail-pane');
  await pane.getByRole('button', { name: 'Cordon…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Cordon node node-0001 in context e2e-cluster?');
  await dialog.getByRole('button', { name: 'Cordon' }).click();
  await expect(dialog).toBeHidden();
  await expect(pane.getByTestId('action-result')).toBeVisible();
  await expect.poll(() => (api.store.get('nodes', undefined, 'node-0001') as { spec?: { unschedulable?: boolean } }).spec?.unschedulable).toBe(true);
  await expect(pane.getByRole('button', { name: 'Uncordon…' })).toBeVisible();
  await expect(page.locator('tr[data-object="node-0001"]')).toContainText('SchedulingDisabled');
});
