import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { TestApiServer } from '../k8s';
import { startClusterServe, type ClusterServe } from './clusterServe';

test.describe.configure({ mode: 'serial' });

let cluster: ClusterServe;
let api: TestApiServer;

test.beforeAll(async () => {
  cluster = await startClusterServe({ namespaces: 1, deploymentsPerNs: 1, podsPerNs: 2, nodes: 1 }, { context: 'e2e-rb' });
  ({ api } = cluster);
});

test.afterAll(() => cluster?.stop());

const replicas = () => (api.store.get('deployments', 'ns-0000', 'app-000')?.spec as { replicas: number }).replicas;

test('searches a runbook offline, runs it step by step with a bound action, and exports the report', async ({ page, context }) => {
  // Nothing but the loopback server: the library, the rendering and the run need no network.
  const refused: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') return route.continue();
    refused.push(url.href);
    return route.abort('internetdisconnected');
  });

  await page.goto(`${cluster.serve.url}#/clusters`);
  await page.getByRole('switch', { name: 'Watch e2e-rb' }).check();
  await expect(page.locator('tr[data-context="e2e-rb"]')).toContainText('connected');

  await page.getByRole('tab', { name: 'Runbooks' }).click();
  await expect(page.getByTestId('runbook-count')).toHaveAttribute('data-count', /^(1[2-9]|[2-9]\d)$/);
  await page.keyboard.press('/');
  const search = page.getByRole('searchbox', { name: 'Search runbooks' });
  await expect(search).toBeFocused();
  await search.fill('oom memory');
  const hits = page.getByRole('list', { name: 'Runbooks found' });
  const first = hits.locator('button[data-runbook]').first();
  await expect(first).toHaveAttribute('data-runbook', 'memory-pressure');
  await expect(first.locator('mark').first()).toHaveText(/memory/i);

  await first.click();
  const detail = page.getByTestId('runbook-detail');
  await expect(detail.getByRole('heading', { name: 'Memory pressure on a host or node', level: 2 })).toBeVisible();
  await expect(detail.getByRole('navigation', { name: 'Contents' }).getByRole('button', { name: 'Verification' })).toBeVisible();
  await expect(detail.getByTestId('code-block').first()).toContainText('kubectl --context <context> top pods');

  await detail.getByRole('button', { name: 'Start run' }).click();
  const run = page.getByTestId('run-panel');
  // The box shows the host's answer: it turns checked once the step is recorded.
  const checkOff = async (step: number) => {
    await run.getByRole('checkbox', { name: `Step ${step} done` }).click();
    await expect(run.locator(`li[data-step="${step}"]`)).toHaveAttribute('data-done', 'true');
  };
  await expect(run.getByTestId('run-status')).toHaveText('active');
  for (const step of [1, 2, 3]) {
    await run.getByRole('textbox', { name: `Note for step ${step}` }).fill(`checked step ${step}`);
    await checkOff(step);
  }

  const target = replicas() + 2;
  await run.locator('li[data-step="4"]').getByRole('button', { name: 'Run action…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Kubernetes context' }).fill('e2e-rb');
  await dialog.getByRole('textbox', { name: 'Namespace' }).fill('ns-0000');
  await dialog.getByRole('textbox', { name: 'Workload name' }).fill('app-000');
  await dialog.getByRole('textbox', { name: 'Replicas' }).fill(String(target));
  await expect(dialog).toContainText(`Scale deployment ns-0000/app-000 in context e2e-rb to ${target} replicas.`);
  await dialog.getByRole('button', { name: 'Run action' }).click();
  await expect(run.locator('li[data-step="4"]').getByTestId('action-result')).toContainText(`Succeeded: Deployment ns-0000/app-000 scaled to ${target} replicas.`);
  expect(replicas()).toBe(target);
  await expect(run.locator('li[data-step="4"]')).toHaveAttribute('data-done', 'true');

  for (const step of [5, 6, 7]) await checkOff(step);
  await run.getByRole('button', { name: 'Complete' }).click();
  await expect(run.getByTestId('run-status')).toHaveText('completed');

  const download = page.waitForEvent('download');
  await run.getByRole('button', { name: 'Export report' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^run-\d+-memory-pressure\.md$/);
  const report = fs.readFileSync((await file.path())!, 'utf8');
  expect(report).toContain('# Run ');
  expect(report).toContain('Memory pressure on a host or node');
  expect(report).toContain('- Note: checked step 2');
  expect(report).toContain(`**succeeded**: Deployment ns-0000/app-000 scaled to ${target} replicas.`);
  expect(report).toContain('| Steps done | 7 of 7 |');
  expect(refused).toEqual([]);
});

const RULES = `groups:
  - name: e2e-runbooks
    source: host
    interval: 1s
    rules:
      - alert: E2eDiskWatched
        expr: opsdeck_host_disk_used_percent >= 0
        labels:
          severity: warning
        annotations:
          summary: Disk {{ $labels.mount }} is watched
          runbook: disk-filling-up
`;

test('opens the runbook an alert names and runs it for that alert, its labels filling the action', async ({ page }) => {
  fs.writeFileSync(path.join(cluster.serve.dataDir, 'rules', 'e2e-runbooks.yml'), RULES);
  await page.goto(`${cluster.serve.url}#/monitoring`);
  const row = page.getByTestId('alerts-table').locator('tr[data-alert="E2eDiskWatched"]').first();
  await expect(row).toHaveAttribute('data-state', 'firing', { timeout: 30_000 });
  await row.click();
  await page.getByTestId('alert-detail').getByRole('link', { name: 'Open runbook: Disk filling up' }).click();

  const detail = page.getByTestId('runbook-detail');
  await expect(detail.getByRole('heading', { name: 'Disk filling up', level: 2 })).toBeVisible();
  await detail.getByRole('button', { name: /^Start run for alert #\d+$/ }).click();
  const run = page.getByTestId('run-panel');
  await expect(run).toContainText(/for alert #\d+/);
  const step = run.locator('li[data-step="5"]');
  await expect(step.getByTestId('step-action')).toContainText('matchers=alertname="E2eDiskWatched", mount="/');
  await step.getByRole('button', { name: 'Run action…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('textbox')).toHaveCount(0);
  await expect(dialog).toContainText('Silence alerts matching {alertname="E2eDiskWatched", mount="/');
  await dialog.getByRole('button', { name: 'Run action' }).click();
  await expect(step.getByTestId('action-result')).toContainText(/^Succeeded: Silence \d+ created/);
});
