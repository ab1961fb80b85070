import fs from 'node:fs';
import { expect, test } from './serveFixture';

const TABS = [
  'Overview',
  'Clusters',
  'Containers',
  'Monitoring & Alerts',
  'Cost',
  'Disaster Recovery',
  'Runbooks',
  'Deployments & Readiness',
  'Settings',
];

const meminfoTotal = () => Number(/^MemTotal:\s+(\d+) kB/m.exec(fs.readFileSync('/proc/meminfo', 'utf8'))![1]) * 1024;

test.describe('serve mode in Chromium', () => {
  test('refuses a request without the token', async ({ page, serve }) => {
    const res = await page.goto(serve.origin + '/');
    expect(res?.status()).toBe(401);
    await expect(page.locator('body')).toContainText('needs its access token');
    // a page without the cookie cannot open the API socket either
    const refused = await page.evaluate(async (origin) => {
      return await new Promise<string>((resolve) => {
        const ws = new WebSocket(origin.replace('http', 'ws') + '/api');
        ws.onopen = () => resolve('open');
        ws.onerror = () => resolve('refused');
      });
    }, serve.origin);
    expect(refused).toBe('refused');
  });

  test('opens with the token and shows every tab', async ({ page, serve }) => {
    await page.goto(serve.url);
    expect(new URL(page.url()).searchParams.has('token')).toBe(false);
    const tabs = page.getByRole('tab');
    await expect(tabs).toHaveText(TABS);
    await expect(page.getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true');
  });

  test('shows this machine: memory total equals /proc/meminfo', async ({ page, serve }) => {
    await page.goto(serve.url);
    await expect(page.getByTestId('dashboard-ready')).toBeAttached();
    const shown = Number(await page.getByTestId('mem-total').getAttribute('data-bytes'));
    const expected = meminfoTotal();
    expect(Math.abs(shown - expected) / expected).toBeLessThan(0.01);
    await expect(page.getByTestId('mem-total')).toContainText('GiB');
  });

  test('the CPU chart gains points live and the range can be switched', async ({ page, serve }) => {
    await page.goto(serve.url);
    const chart = page.getByTestId('chart-cpu');
    await expect(chart).toHaveAttribute('data-points', /[1-9]/);
    const before = Number(await chart.getAttribute('data-points'));
    await expect.poll(async () => Number(await chart.getAttribute('data-points')), { timeout: 15_000 }).toBeGreaterThan(before);

    await page.getByTestId('range-1h').click();
    await expect(page.getByTestId('range-1h')).toHaveAttribute('aria-pressed', 'true');
    await expect(chart).toHaveAttribute('data-range', '1h');
    await expect(chart).toHaveAttribute('data-step-ms', '4000'); // one hour in at most 1,000 points
    await page.getByTestId('range-24h').click();
    await expect(chart).toHaveAttribute('data-range', '24h');
    await expect(chart).toHaveAttribute('data-step-ms', '87000');
    expect(Number(await chart.getAttribute('data-points'))).toBeLessThanOrEqual(1000);
  });

  test('moves between tabs with the keyboard and keeps the tab across reload', async ({ page, serve }) => {
    await page.goto(serve.url);
    await page.getByRole('tab', { name: 'Overview' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'Clusters' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel')).toContainText(/kubeconfig/i);
    await page.keyboard.press('Control+9');
    await expect(page.getByRole('tab', { name: 'Settings' })).toHaveAttribute('aria-selected', 'true');
    await page.reload();
    await expect(page.getByRole('tab', { name: 'Settings' })).toHaveAttribute('aria-selected', 'true');
  });

  test('settings persist through the host', async ({ page, serve }) => {
    await page.goto(serve.url + '#/settings');
    await page.getByLabel(/pause desktop notifications/i).check();
    await page.reload();
    await expect(page.getByLabel(/pause desktop notifications/i)).toBeChecked();
    await expect(page.getByRole('tabpanel')).toContainText(serve.dataDir);
  });
});
