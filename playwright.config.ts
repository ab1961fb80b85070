import { defineConfig } from '@playwright/test';

/** Debian's Chromium: Playwright's own browser download is not available everywhere Opsdeck is tested. */
export const chromiumLaunch = {
  executablePath: process.env.OPSDECK_CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

export default defineConfig({
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: { trace: 'retain-on-failure' },
  projects: [
    {
      name: 'serve-chromium',
      testDir: 'test/e2e',
      use: { browserName: 'chromium', launchOptions: chromiumLaunch },
    },
    { name: 'electron', testDir: 'test/electron' },
  ],
});
