import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { startPrometheusStack, type PrometheusStack } from '../prometheus';
import { startServe } from './serveFixture';

// One story on one Opsdeck and one Prometheus: source, query, rule, firing alert, acknowledgement.
test.describe.configure({ mode: 'serial' });

let stack: PrometheusStack;
let serve: Awaited<ReturnType<typeof startServe>>;

const RULE_FILE = `groups:
  - name: e2e
    interval: 1s
    rules:
      - alert: E2eQueueTooLong
        expr: e2e_queue_length > 100
        labels:
          severity: critical
        annotations:
          summary: Queue holds {{ $value }} jobs
`;

const ROUTING = `route:
  receiver: default
  group_by: [alertname]
  routes:
    - receiver: pager
      matchers:
        - severity="critical"
receivers:
  - name: default
  - name: pager
`;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  stack = await startPrometheusStack();
  await stack.push('e2e', 'e2e_queue_length 5\n');
  serve = await startServe();
});

test.afterAll(async () => {
  await serve?.stop();
  await stack?.stop();
});

test('adds the Prometheus source through the form and charts a PromQL query', async ({ page }) => {
  await page.goto(`${serve.url}#/monitoring?view=prometheus`);
  await expect(page.getByText(/Add the URL of a Prometheus server, e\.g\. http:\/\/localhost:9090/)).toBeVisible();
  await page.getByRole('button', { name: 'Add source…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill('e2e');
  await dialog.getByLabel('URL').fill(stack.prometheusUrl);
  await dialog.getByRole('button', { name: 'Add source' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('tr[data-source="e2e"]')).toHaveAttribute('data-state', 'connected');

  await page.getByTestId('promql-input').fill('up');
  await page.getByTestId('promql-input').press('Control+Enter');
  const chart = page.getByTestId('promql-chart');
  await expect(chart).toHaveAttribute('data-series', '2');
  expect(Number(await chart.getAttribute('data-points'))).toBeGreaterThan(0);
  await expect(chart.locator('.recharts-line')).toHaveCount(2);
  await expect(chart).toContainText('up{instance=');

  await page.getByRole('button', { name: 'Table' }).click();
  await expect(page.getByTestId('promql-table').locator('tbody tr')).toHaveCount(2);
});

test('saves a rule file through the editor, then the alert fires past its threshold and is acknowledged', async ({ page }) => {
  await page.goto(`${serve.url}#/monitoring?view=rules`);
  await page.getByRole('button', { name: 'New rule file…' }).click();
  await page.getByLabel('Rule file name').fill('e2e.yml');
  await page.getByTestId('rule-editor').fill(RULE_FILE);
  await page.getByRole('button', { name: 'Validate' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Valid.' })).toBeVisible();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved e2e.yml.' })).toBeVisible();
  await expect(page.locator('tr[data-rule="E2eQueueTooLong"]')).toHaveAttribute('data-health', 'ok', { timeout: 30_000 });

  // Opened from the list, a file comes back from the host as saved; a shipped one is read-only.
  await page.locator('tr[data-file="e2e.yml"]').getByRole('button', { name: 'Open' }).click();
  await expect(page.getByTestId('rule-editor')).toHaveValue(RULE_FILE);
  await page.locator('tr[data-file="defaults/node.yml"]').getByRole('button', { name: 'Open' }).click();
  await expect(page.getByTestId('rule-editor')).toHaveValue(fs.readFileSync('resources/rules/node.yml', 'utf8'));
  await expect(page.getByTestId('rule-editor')).not.toBeEditable();
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();

  await stack.push('e2e', 'e2e_queue_length 150\n');
  await page.getByRole('button', { name: 'Alerts', exact: true }).click();
  const row = page.getByTestId('alerts-table').locator('tr[data-alert="E2eQueueTooLong"]');
  await expect(row).toHaveAttribute('data-state', 'firing', { timeout: 30_000 });
  await expect(row).toContainText('Queue holds 150 jobs');

  await row.click();
  const detail = page.getByTestId('alert-detail');
  await detail.getByRole('button', { name: 'Acknowledge…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Comment').fill('on it');
  await dialog.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(dialog).toBeHidden();
  await expect(detail).toContainText('on it');
  await expect(row).toContainText('acked');

  await detail.getByRole('button', { name: 'Silence…' }).click();
  await expect(dialog.getByLabel('Matcher 1 label')).toHaveValue('alertname');
  await expect(dialog.getByLabel('Matcher 1 value')).toHaveValue('E2eQueueTooLong');
  await dialog.getByLabel('Comment (required)').fill('e2e maintenance');
  await dialog.getByRole('button', { name: 'Create silence' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('silenced');
});

test('draws the saved route tree and tests which route an alert takes', async ({ page }) => {
  // Before anything is saved, serve mode shows the routing config Opsdeck ships.
  await page.goto(`${serve.url}#/monitoring?view=routing`);
  await expect(page.getByTestId('routing-editor')).toHaveValue(fs.readFileSync('resources/routing/alertmanager.yml', 'utf8'));

  fs.writeFileSync(path.join(serve.dataDir, 'alertmanager.yml'), ROUTING);
  await page.goto(`${serve.url}#/monitoring?view=routing`);
  await expect(page.getByTestId('routing-editor')).toHaveValue(ROUTING);
  await expect(page.locator('[data-route="0"]')).toContainText('pager');
  await page.getByLabel('Label 1 value').fill('E2eQueueTooLong');
  await page.getByLabel('Label 2 value').fill('critical');
  await page.getByRole('button', { name: 'Test routing' }).click();
  await expect(page.getByTestId('matched-route')).toHaveCount(1);
  await expect(page.getByTestId('matched-route')).toContainText('pager');
  await expect(page.locator('[data-route="0"]')).toHaveAttribute('data-matched', 'true');
  await expect(page.locator('[data-route="root"]')).not.toHaveAttribute('data-matched', 'true');
});
