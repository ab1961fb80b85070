import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './serveFixture';

const SAMPLE = path.resolve(__dirname, '../../../shared/data/focus/focus_sample.csv');

test('imports the FOCUS sample, shows totals by provider and exports the breakdown as CSV', async ({ page, serve }) => {
  await page.goto(serve.url);
  await page.getByRole('tab', { name: 'Cost' }).click();
  const empty = page.getByRole('region', { name: 'No billing data yet' });
  await expect(empty).toContainText('drop files into');
  await expect(empty).toContainText(path.join(serve.dataDir, 'billing'));

  await page.getByTestId('cost-import').click();
  await page.getByTestId('cost-import-path').fill(SAMPLE);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByTestId('cost-import-outcome')).toContainText('1,000 rows');

  const table = page.getByTestId('cost-breakdown');
  await expect(table.locator('tr[data-key="AWS"] td').nth(1)).toHaveText('13.00 USD');
  await expect(table.locator('tr[data-key="Microsoft"] td').nth(1)).toHaveText('1.98 USD');
  await expect(table.locator('tr[data-key="Oracle"] td').nth(1)).toHaveText('0.00 USD');
  await expect(page.getByTestId('cost-breakdown-total')).toHaveText('14.98 USD');
  await expect(page.getByTestId('cost-mtd')).toContainText('14.98 USD');
  await expect(page.getByTestId('cost-trend')).toHaveAttribute('data-series', '3');
  await expect(page.getByTestId('cost-imports').locator('tr[data-status="ok"]')).toContainText('focus_sample.csv');

  const download = page.waitForEvent('download');
  await page.getByTestId('cost-export-breakdown').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('cost-by-provider-2024-09-01-2024-09-30.csv');
  const lines = fs.readFileSync((await file.path())!, 'utf8').trim().split('\r\n');
  expect(lines[0]).toBe('provider,cost (USD),previous (2024-08-02 to 2024-08-31),change,rows');
  const cents = Object.fromEntries(lines.slice(1).map((l) => l.split(',')).map(([k, cost]) => [k, Math.round(Number(cost) * 100)]));
  expect(cents).toEqual({ AWS: 1300, Microsoft: 198, Oracle: 0 });
});
