import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TAB_IDS } from '../../src/contract/types';

const repo = path.resolve(__dirname, '../..');
const mainFile = path.join(repo, 'out/main/main.js');

/**
 * The Electron executable, worked out the way the electron package does it.
 * Not require('electron'): when the binary is missing that starts a download.
 */
function electronExecutable(): { path: string } | { missing: string } {
  const packageDir = path.dirname(require.resolve('electron/package.json'));
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const executable = override
    ? path.join(override, relative ?? 'electron')
    : relative && path.join(packageDir, 'dist', relative);
  if (executable && fs.existsSync(executable)) return { path: executable };
  return {
    missing: `Electron binary not installed (${executable ?? `no ${pathFile}`}); set ELECTRON_OVERRIDE_DIST_PATH to run the desktop test`,
  };
}

function whyNotRunnable(executable: ReturnType<typeof electronExecutable>): string | null {
  if ('missing' in executable) return executable.missing;
  if (process.platform === 'linux' && !process.env.DISPLAY) {
    return 'No X display (DISPLAY is unset); start Xvfb and set DISPLAY to run the desktop test';
  }
  return null;
}

const executable = electronExecutable();
const skipReason = whyNotRunnable(executable);
if (skipReason) console.log(`desktop test skipped: ${skipReason}`);
test.skip(skipReason !== null, skipReason ?? '');

test.describe.configure({ mode: 'serial' });

let app: ElectronApplication;
let page: Page;
let dataDir: string;

test.beforeAll(async () => {
  if (!('path' in executable)) return;
  expect(fs.existsSync(mainFile), `${mainFile} is missing: run npm run build first`).toBe(true);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdeck-desktop-'));
  // The built renderer, not a dev server; a clean profile in a temp data directory.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined && entry[0] !== 'ELECTRON_RENDERER_URL' && entry[0] !== 'ELECTRON_RUN_AS_NODE',
    ),
  );
  app = await electron.launch({
    executablePath: executable.path,
    args: [mainFile],
    env: { ...env, OPSDECK_DATA_DIR: dataDir },
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await app?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

test('opens the window with every tab', async () => {
  await expect(page).toHaveTitle('Opsdeck');
  await expect(page.getByRole('tab')).toHaveCount(TAB_IDS.length);
});

test('gives the page the bridge and nothing of Node or Electron', async () => {
  const globals = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    return {
      bridge: Object.keys((w.opsdeck as object | undefined) ?? {}).sort(),
      require: typeof w.require,
      process: typeof w.process,
      module: typeof w.module,
    };
  });
  expect(globals).toEqual({
    bridge: ['invoke', 'subscribe'],
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
  });
});

test('answers contract calls through the bridge, with errors as results', async () => {
  const [info, unknown] = await page.evaluate(async () => {
    const bridge = (window as unknown as { opsdeck: { invoke(c: string, p: unknown): Promise<unknown> } }).opsdeck;
    return [await bridge.invoke('app.info', {}), await bridge.invoke('no.such.channel', {})];
  });
  expect(info).toMatchObject({ ok: true, value: { name: 'Opsdeck', mode: 'desktop', dataDir: path.resolve(dataDir) } });
  expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  expect(fs.existsSync(path.join(dataDir, 'opsdeck.db'))).toBe(true);
});

test('runs the page with secure web preferences', async () => {
  const preferences = await app.evaluate(({ BrowserWindow }) => {
    // Present at runtime, though Electron's typings leave it out.
    const contents = BrowserWindow.getAllWindows()[0]?.webContents as
      | (Electron.WebContents & { getLastWebPreferences(): Electron.WebPreferences | null })
      | undefined;
    const p = contents?.getLastWebPreferences();
    return {
      contextIsolation: p?.contextIsolation,
      sandbox: p?.sandbox,
      nodeIntegration: p?.nodeIntegration,
      nodeIntegrationInSubFrames: p?.nodeIntegrationInSubFrames,
      webSecurity: p?.webSecurity,
      allowRunningInsecureContent: p?.allowRunningInsecureContent,
      webviewTag: p?.webviewTag,
    };
  });
  expect(preferences).toEqual({
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
  });
});

test('keeps the window on its own page', async () => {
  const ownUrl = page.url();
  const popupOpened = await page.evaluate(() => window.open('about:blank') !== null);
  await page.evaluate(() => {
    location.href = 'file:///';
  });
  // A navigation that went through would have replaced the page by now.
  await page.waitForTimeout(500);
  expect(popupOpened).toBe(false);
  expect(page.url()).toBe(ownUrl);
  expect(app.windows()).toHaveLength(1);
});

test('hides to the tray when the window is closed', async () => {
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
  await expect
    .poll(() =>
      app.evaluate(({ BrowserWindow }) =>
        BrowserWindow.getAllWindows().map((w) => ({ destroyed: w.isDestroyed(), visible: w.isVisible() })),
      ),
    )
    .toEqual([{ destroyed: false, visible: false }]);
});
