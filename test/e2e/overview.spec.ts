import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestApiServer, writeKubeconfig, type TestApiServer } from '../k8s';
import { startPausableProxy, type PausableProxy } from './pausableProxy';
import { startServe } from './serveFixture';

test.describe.configure({ mode: 'serial' });

let api: TestApiServer;
let proxy: PausableProxy;
let serve: Awaited<ReturnType<typeof startServe>>;
let kubeDir: string;

test.beforeAll(async () => {
  api = await startTestApiServer({ bookmarkIntervalMs: 500 });
  // Seeded deployments are quick ones: no probes, no resources, root, so readiness finds plenty.
  api.store.seed({ namespaces: 2, deploymentsPerNs: 2, podsPerNs: 4, nodes: 1 });
  proxy = await startPausableProxy(api.port);
  kubeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdeck-e2e-kube-'));
  const kubeconfig = writeKubeconfig(kubeDir, { server: `https://127.0.0.1:${proxy.port}`, token: api.token, user: api.user, ca: api.ca, context: 'e2e-ready' });
  serve = await startServe({ KUBECONFIG: kubeconfig });
});

test.afterAll(async () => {
  await serve?.stop();
  await proxy?.close();
  await api?.close();
  if (kubeDir) fs.rmSync(kubeDir, { recursive: true, force: true });
});

test('runs all checks with progress and a summary, then lists readiness recommendations', async ({ page }) => {
  await page.goto(`${serve.url}#/clusters`);
  await page.getByRole('switch', { name: 'Watch e2e-ready' }).check();
  await expect(page.locator('tr[data-context="e2e-ready"]')).toContainText('connected');

  await page.getByRole('tab', { name: 'Overview' }).click();
  await expect(page.getByTestId('command-center')).toBeVisible();
  await expect(page.locator('[data-source="k8s/e2e-ready"]')).toHaveAttribute('data-state', 'ok');
  await expect(page.getByTestId('card-readiness')).toContainText('Not checked');

  // Hold the cluster's traffic: the readiness check waits on it while the other checks finish.
  proxy.pause();
  await page.getByRole('button', { name: 'Run all checks' }).click();
  const progress = page.getByTestId('checks-progress');
  await expect(progress).toBeVisible();
  await expect(page.locator('tr[data-check="clusters"]')).toHaveAttribute('data-status', 'pass');
  await expect(page.locator('tr[data-check="readiness"]')).toHaveCount(0);
  await expect(progress).toContainText(/of \d+ done/);
  proxy.resume();

  await expect(page.getByTestId('checks-summary')).toBeVisible();
  await expect(progress).toBeHidden();
  await expect(page.locator('tr[data-check="readiness"]')).toHaveAttribute('data-status', 'warn');
  await expect(page.locator('tr[data-check="docker"]')).toBeVisible();
  await expect(page.getByTestId('card-readiness')).toContainText('/100');
  await expect(page.locator('[data-engine="readiness"]').first()).toBeVisible();
});

test('shows the findings in Deployments & Readiness and exports a namespace\'s go/no-go report', async ({ page }) => {
  await page.goto(`${serve.url}#/deployments?view=readiness`);
  const section = page.getByTestId('readiness');
  await expect(section.getByTestId('readiness-score')).toContainText('Cluster score');
  const row = section.locator('tr[data-namespace="ns-0001"]');
  await expect(row).toHaveAttribute('data-verdict', 'no-go');

  await section.getByRole('combobox', { name: 'Namespace' }).selectOption('ns-0001');
  await expect(section.getByTestId('readiness-workloads')).toHaveAttribute('data-count', '2');
  await expect(section.locator('tr[data-workload="ns-0001/app-000"] li[data-rule="probes.readiness"]')).toBeVisible();

  const download = page.waitForEvent('download');
  await row.getByRole('button', { name: 'Markdown' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('readiness-e2e-ready-ns-0001.md');
  const text = fs.readFileSync((await file.path())!, 'utf8');
  expect(text).toContain('# Production readiness: ns-0001 (e2e-ready)');
  expect(text).toContain('**Verdict: NO-GO**');
  expect(text).toContain('Readiness probe');
});
