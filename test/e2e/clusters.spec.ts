import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestApiServer, type TestApiServer } from '../k8s';
import { startServe } from './serveFixture';

// The second test reloads what the first one set up.
test.describe.configure({ mode: 'serial' });

let api: TestApiServer;
let serve: Awaited<ReturnType<typeof startServe>>;
let kubeDir: string;

test.beforeAll(async () => {
  api = await startTestApiServer({ bookmarkIntervalMs: 500 });
  api.store.seed({ namespaces: 5, deploymentsPerNs: 3, podsPerNs: 40, nodes: 3, notReadyEvery: 11 });
  kubeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdeck-e2e-kube-'));
  serve = await startServe({ KUBECONFIG: api.kubeconfigPath(kubeDir, { context: 'e2e-cluster', namespace: 'ns-0002' }) });
});

test.afterAll(async () => {
  await serve?.stop();
  await api?.close();
  fs.rmSync(kubeDir, { recursive: true, force: true });
});

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
