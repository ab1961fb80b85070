import { screen, type BrowserWindow } from 'electron';
import type { KeyValueStore } from '../src/store/keyValue';
import { initialPlacement, type Placement, type SavedWindowState } from './windowBounds';

const KEY = 'window.state';
const DEFAULT_SIZE = { width: 1280, height: 800 };
// Moving or resizing fires many events; write once the hand rests.
const SAVE_DELAY_MS = 500;

export function restoreWindowState(preferences: KeyValueStore): Placement {
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((display) => display.id !== primary.id);
  const workAreas = [primary, ...others].map((display) => display.workArea);
  return initialPlacement(preferences.get(KEY), workAreas, DEFAULT_SIZE);
}

/** Remembers size, position and maximized state; the normal bounds survive a maximize. */
export function trackWindowState(win: BrowserWindow, preferences: KeyValueStore): void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    clearTimeout(timer);
    if (win.isDestroyed()) return;
    const state: SavedWindowState = { bounds: win.getNormalBounds(), maximized: win.isMaximized() };
    try {
      preferences.set(KEY, state);
    } catch (err) {
      // A forgotten window position is not worth an error dialog.
      console.error(`[opsdeck] could not save the window position: ${(err as Error).message}`);
    }
  };
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };
  win.on('resize', saveSoon);
  win.on('move', saveSoon);
  win.on('maximize', saveSoon);
  win.on('unmaximize', saveSoon);
  win.on('close', save);
}
