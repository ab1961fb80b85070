import { BrowserWindow } from 'electron';
import path from 'node:path';
import type { KeyValueStore } from '../src/store/keyValue';
import type { RendererSource } from './appUrl';
import { restoreWindowState, trackWindowState } from './windowState';

export interface MainWindowOptions {
  preferences: KeyValueStore;
  rendererSource: RendererSource;
  preloadFile: string;
  resourcesDir: string;
  /** While quitting, closing really closes; otherwise it hides to the tray. */
  isQuitting: () => boolean;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const placement = restoreWindowState(options.preferences);
  const win = new BrowserWindow({
    ...placement.bounds,
    minWidth: 800,
    minHeight: 560,
    title: 'Opsdeck',
    show: false,
    // Linux desktops take the window icon from here; macOS and Windows use the app bundle's.
    ...(process.platform === 'linux' ? { icon: path.join(options.resourcesDir, 'icon.png') } : {}),
    webPreferences: {
      preload: options.preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // A middle-click would otherwise open links in a new window, outside will-navigate's reach.
      disableBlinkFeatures: 'Auxclick',
    },
  });

  win.once('ready-to-show', () => {
    if (placement.maximized) win.maximize();
    win.show();
  });
  win.on('close', (event) => {
    if (options.isQuitting()) return;
    event.preventDefault();
    win.hide();
  });
  trackWindowState(win, options.preferences);

  const source = options.rendererSource;
  const loading =
    'devServerUrl' in source ? win.loadURL(source.devServerUrl) : win.loadFile(source.indexFile);
  loading.catch((err: Error) => console.error(`[opsdeck] the window could not load: ${err.message}`));
  return win;
}

export function showWindow(win: BrowserWindow): void {
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

/** A tray click brings the window forward, or puts it away when it already is. */
export function toggleWindow(win: BrowserWindow): void {
  if (win.isVisible() && win.isFocused()) win.hide();
  else showWindow(win);
}
