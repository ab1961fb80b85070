import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runContainer, startPrivateDockerd, type PrivateDockerd } from '../docker';
import { startServe } from './serveFixture';

// The tests act on the same engine one after the other.
test.describe.configure({ mode: 'serial' });

let d: PrivateDockerd;
let serve: Awaited<ReturnType<typeof startServe>>;
let emptyDir: string;

const COMPOSE = { 'com.docker.compose.project': 'e2e', 'com.docker.compose.service': 'web' };

test.beforeAll(async () => {
  test.setTimeout(120_000);
  d = await startPrivateDockerd();
  await runContainer(d, { name: 'e2e-web', labels: COMPOSE, script: 'echo hello-from-e2e; echo trouble-on-stderr >&2; while true; do sleep 1; done' });
  await runContainer(d, { name: 'e2e-worker', script: 'trap "exit 0" TERM; while true; do sleep 0.2; done' });
  // Only the private engine: no docker contexts or Podman sockets of this machine.
  emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdeck-e2e-docker-'));
  serve = await startServe({ DOCKER_HOST: d.host, DOCKER_CONFIG: emptyDir, XDG_RUNTIME_DIR: emptyDir });
});

test.afterAll(async () => {
  await serve?.stop();
  await d?.close();
  if (emptyDir) fs.rmSync(emptyDir, { recursive: true, force: true });
});

test('lists the engine and its containers grouped by project, with live stats', async ({ page }) => {
  await page.goto(`${serve.url}#/containers`);
  const engineRow = page.getByRole('table', { name: 'Container engines' }).locator('tr[data-engine="default"]');
  await expect(engineRow).toContainText('connected');
  await expect(engineRow).toContainText((await d.docker.version()).Version);

  await expect(page.getByTestId('containers-count')).toHaveAttribute('data-total', '2');
  await expect(page.locator('tr[data-group="e2e"]')).toContainText('1 of 1 running');
  const web = page.locator('tr[data-container="e2e-web"]');
  await expect(web).toHaveAttribute('data-state', 'running');
  // A stats reading, then enough of them for a sparkline.
  await expect(web.locator('td').nth(7)).toContainText(/ \/ /);
  await expect(web.locator('.sparkline')).toHaveCount(2);
});

test('stops a container after a confirmation and shows its new state', async ({ page }) => {
  await page.goto(`${serve.url}#/containers`);
  const worker = page.locator('tr[data-container="e2e-worker"]');
  await expect(worker).toHaveAttribute('data-state', 'running');
  await worker.click();
  const pane = page.getByTestId('container-detail');
  await pane.getByRole('button', { name: 'Stop…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Stop e2e-worker on engine default?');
  await dialog.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(worker).toHaveAttribute('data-state', 'exited');
  await expect(pane.getByRole('button', { name: 'Start' })).toBeVisible();
  const [info] = await d.docker.listContainers({ all: true, filters: { name: ['e2e-worker'] } });
  expect(info?.State).toBe('exited');
});

test('shows the lines a container wrote, stderr apart, and keeps the choice in the URL', async ({ page }) => {
  await page.goto(`${serve.url}#/containers`);
  await page.locator('tr[data-container="e2e-web"]').click();
  const pane = page.getByTestId('container-detail');
  await pane.getByRole('tab', { name: 'Logs' }).click();
  const lines = pane.getByTestId('log-lines');
  await expect(lines).toContainText('hello-from-e2e');
  await expect(lines.locator('.log-line--stderr')).toHaveText('trouble-on-stderr');
  expect(page.url()).toContain('pane=logs');

  await pane.getByRole('combobox', { name: 'Streams' }).selectOption('stdout');
  await expect(lines).not.toContainText('trouble-on-stderr');
  await pane.getByRole('textbox', { name: 'Search the log' }).fill('hello');
  await expect(lines.locator('mark')).toHaveText('hello');

  // Another tab and back: the open container and its pane are still there.
  await page.getByRole('tab', { name: 'Overview' }).click();
  await page.getByRole('tab', { name: 'Containers' }).click();
  await expect(page.getByTestId('container-detail')).toBeVisible();
  await expect(page.getByTestId('container-detail').getByRole('tab', { name: 'Logs' })).toHaveAttribute('aria-selected', 'true');
});

test('previews a prune of stopped containers, then prunes and shows what went', async ({ page }) => {
  await page.goto(`${serve.url}#/containers`);
  await expect(page.locator('tr[data-container="e2e-worker"]')).toHaveAttribute('data-state', 'exited');
  await page.getByRole('button', { name: 'Prune…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('checkbox', { name: 'Dangling images' }).uncheck();
  await dialog.getByRole('checkbox', { name: 'Unused volumes' }).uncheck();
  await expect(dialog.getByTestId('prune-plan').locator('[data-prune-group="containers"]')).toContainText('e2e-worker');
  await expect(dialog.getByTestId('prune-plan')).not.toContainText('e2e-web');
  await dialog.getByRole('button', { name: 'Prune', exact: true }).click();
  await expect(page.getByTestId('prune-result')).toContainText('1 containers');
  await expect(page.locator('tr[data-container="e2e-worker"]')).toHaveCount(0);
  await expect(page.getByTestId('containers-count')).toHaveAttribute('data-total', '1');
  expect((await d.docker.listContainers({ all: true })).map((c) => c.Names[0])).toEqual(['/e2e-web']);
});
