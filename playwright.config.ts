import { defineConfig } from '@playwright/test';

import chromium from './test/chromium.json';

/** Debian's Chromium (see test/chromium.json): Playwright's own browser download is not available everywhere. */
const chromiumLaunch = {
  ...chromium,
  executablePath: process.env.OPSDECK_CHROMIUM ?? chromium.executablePath,
};

export default defineConfig({
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
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
