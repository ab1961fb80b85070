import { app, dialog } from 'electron';
import path from 'node:path';
import { createClient } from '@contract';
import { readEnvConfig, type EnvConfig } from '../src/host/config';
import { createHost, type Host } from '../src/host/createHost';
import { adoptLoginShellEnv } from '../src/shell/loginShellEnv';
import { preloadFile, rendererSource, resourcesDir } from './appPaths';
import { isAppUrl } from './appUrl';
import { forwardHostEvents, handleInvoke } from './ipc';
import { notifyFiringAlerts } from './notifications';
import { applySecurityPolicy } from './security';
import { createTray } from './tray';
import { createMainWindow, showWindow, toggleWindow } from './window';

const APP_ID = 'dev.opsdeck.app';

function readConfig(): EnvConfig | Error {
  try {
    return readEnvConfig();
  } catch (err) {
    return err as Error;
  }
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Says why on screen and on stderr (for launches from a terminal or a test), then exits. */
function fail(title: string, message: string): void {
  console.error(`[opsdeck] ${title}: ${message}`);
  dialog.showErrorBox(title, message);
  app.exit(1);
}

const config = readConfig();
app.setName('Opsdeck');
// The same directory in development and packaged builds, whatever the package is called.
// OPSDECK_DATA_DIR makes a separate profile: its own store, Chromium state and
// single-instance lock, so a second profile (or a test run) runs alongside.
const customDataDir = config instanceof Error ? undefined : config.OPSDECK_DATA_DIR;
app.setPath('userData', customDataDir ? path.resolve(customDataDir) : path.join(app.getPath('appData'), 'Opsdeck'));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Read while Electron gets ready: the host needs it (exec plugins on PATH, KUBECONFIG) from its start.
  const loginShell = adoptLoginShellEnv({ log: (m) => console.error(`[opsdeck] ${m}`) });
  void app
    .whenReady()
    .then(() => loginShell)
    .then(() => (config instanceof Error ? fail('Opsdeck settings are invalid', config.message) : start(config)));
}

async function start(config: EnvConfig): Promise<void> {
  const dataDir = app.getPath('userData');
  let host: Host;
  try {
    host = await createHost({
      dataDir,
      mode: 'desktop',
      electronVersion: process.versions.electron,
      sampleIntervalMs: config.OPSDECK_SAMPLE_INTERVAL_MS,
      resourcesDir,
    });
  } catch (err) {
    fail(
      'Opsdeck could not start',
      `${messageOf(err)}\n\nOpsdeck keeps its data in ${dataDir}. Set OPSDECK_DATA_DIR to use another directory.`,
    );
    return;
  }

  // Windows shows notifications only for an app with a registered id.
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

  const isOwnPage = (url: string) => isAppUrl(url, rendererSource);
  applySecurityPolicy(isOwnPage, 'devServerUrl' in rendererSource ? rendererSource.devServerUrl : undefined);
  const stopInvoke = handleInvoke(host, isOwnPage);

  let quitting = false;
  const mainWindow = createMainWindow({
    preferences: host.preferences,
    rendererSource,
    preloadFile,
    resourcesDir,
    isQuitting: () => quitting,
  });
  const stopForwarding = forwardHostEvents(host, mainWindow.webContents, isOwnPage);

  const client = createClient(host);
  const destroyTray = createTray({
    client,
    iconDir: path.join(resourcesDir, 'tray'),
    onOpen: () => showWindow(mainWindow),
    onToggle: () => toggleWindow(mainWindow),
    onQuit: () => app.quit(),
  });
  const stopNotifications = notifyFiringAlerts(client, (alert) => {
    showWindow(mainWindow);
    host.navigate({ tab: 'monitoring', alertId: alert.id });
  });

  app.on('second-instance', () => showWindow(mainWindow));
  // macOS: clicking the dock icon brings back the window hidden by closing it.
  app.on('activate', () => showWindow(mainWindow));
  // Logging out or `kill` ends the app through the same path as Quit, so the store closes cleanly.
  process.once('SIGTERM', () => app.quit());
  process.once('SIGINT', () => app.quit());

  app.on('before-quit', () => {
    quitting = true;
  });
  let stopped = false;
  app.on('will-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    stopNotifications();
    destroyTray();
    stopForwarding();
    stopInvoke();
    host
      .stop()
      .catch((err: Error) => console.error(`[opsdeck] host did not stop cleanly: ${err.message}`))
      .finally(() => {
        stopped = true;
        app.quit();
      });
  });
}
