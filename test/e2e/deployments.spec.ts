import { expect, test } from '@playwright/test';
import type { TestApiServer } from '../k8s';
import { startClusterServe, type ClusterServe } from './clusterServe';

test.describe.configure({ mode: 'serial' });

let cluster: ClusterServe;
let api: TestApiServer;
let serve: ClusterServe['serve'];

test.beforeAll(async () => {
  cluster = await startClusterServe({ namespaces: 3, deploymentsPerNs: 4, podsPerNs: 8, nodes: 2 }, { context: 'e2e-deploy' });
  ({ api, serve } = cluster);
});

test.afterAll(() => cluster?.stop());

test('says how to watch a cluster until one is, then lists its deployments with their history', async ({ page }) => {
  await page.goto(`${serve.url}#/deployments`);
  await expect(page.getByText('No cluster is watched')).toBeVisible();
  await page.getByRole('button', { name: 'Clusters tab' }).click();
  await page.getByRole('switch', { name: 'Watch e2e-deploy' }).check();
  await expect(page.locator('tr[data-context="e2e-deploy"]')).toContainText('connected');

  await page.getByRole('tab', { name: /Deployments/ }).click();
  const table = page.getByRole('table', { name: 'Deployments' });
  await expect(page.getByTestId('deployments-count')).toHaveAttribute('data-count', String(api.store.list('deployments').length));
  await page.getByRole('searchbox', { name: 'Name contains' }).fill('app-002');
  await expect(table.locator('tr[data-deployment]')).toHaveCount(3);

  await table.locator('tr[data-deployment="ns-0001/app-002"]').click();
  const pane = page.getByTestId('detail-pane');
  await expect(pane.getByRole('tab', { name: 'Rollout history' })).toHaveAttribute('aria-selected', 'true');
  await expect(pane.getByTestId('rollout-history').locator('tr[data-revision="1"]')).toHaveAttribute('data-current', 'true');
  expect(page.url()).toContain('ctx=e2e-deploy');

  await pane.getByRole('button', { name: 'Restart…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Restart' }).click();
  await expect(pane.getByTestId('action-result')).toBeVisible();
  // A restart changes the pod template: a new revision becomes current.
  await expect(pane.getByTestId('rollout-history').locator('tr[data-revision="2"]')).toHaveAttribute('data-current', 'true');
});
