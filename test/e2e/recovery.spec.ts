import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startServe } from './serveFixture';

test('creates a repository, backs up a folder, shows the snapshot and restores it', async ({ page }) => {
  // The repository password goes to the keychain: serve runs with a private GNOME Keyring.
  const serve = await startServe({}, { keyring: true });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdeck-e2e-recovery-'));
  try {
    const site = path.join(work, 'site');
    fs.mkdirSync(path.join(site, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(site, 'index.html'), '<h1>hello</h1>\n');
    fs.writeFileSync(path.join(site, 'assets', 'app.js'), 'console.log("app");\n'.repeat(500));

    await page.goto(serve.url);
    await page.getByRole('tab', { name: 'Disaster Recovery' }).click();
    const setup = page.getByTestId('recovery-setup');
    await expect(setup).toContainText('Start by creating a backup repository');
    await page.getByTestId('repo-password').fill('e2e repository password');
    await page.getByTestId('repo-submit').click();
    await expect(page.getByTestId('recovery-repo')).toContainText(path.join(serve.dataDir, 'backups'));

    await page.getByTestId('target-new').click();
    await page.getByTestId('target-name').fill('site');
    await page.getByTestId('target-root').fill(site);
    await page.getByRole('button', { name: 'Save target' }).click();
    const row = page.locator('tr[data-target="site"]');
    await expect(row).toContainText('no backup yet');

    await row.getByTestId('target-backup').click();
    await expect(page.locator('[data-job-kind="backup"][data-state="succeeded"]')).toBeVisible();
    await expect(row).toContainText('RPO met');

    const snapshots = page.getByTestId('snapshots');
    await expect(snapshots.locator('tbody tr')).toHaveCount(1);
    await expect(snapshots.locator('tbody tr td').nth(5)).toHaveText('2');
    await snapshots.locator('tbody tr td').last().getByRole('button').click();
    const browser = page.getByTestId('snapshot-browser');
    await expect(browser.locator('li[data-path="index.html"]')).toContainText('15 B');
    await expect(browser.locator('li[data-path="assets"]')).toBeVisible();

    const destination = path.join(work, 'restored');
    await page.getByTestId('snapshot-restore').click();
    await page.getByTestId('restore-destination').fill(destination);
    await page.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(page.locator('[data-job-kind="restore"][data-state="succeeded"]')).toBeVisible();
    expect(fs.readFileSync(path.join(destination, 'index.html'), 'utf8')).toBe('<h1>hello</h1>\n');
    expect(fs.readFileSync(path.join(destination, 'assets', 'app.js'))).toEqual(fs.readFileSync(path.join(site, 'assets', 'app.js')));
  } finally {
    await serve.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
});
