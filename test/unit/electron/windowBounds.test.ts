import { describe, expect, it } from 'vitest';
import { fitsOnDisplay, initialPlacement, parseSavedState } from '../../../electron/windowBounds';

const laptop = { x: 0, y: 25, width: 1440, height: 875 };
const leftMonitor = { x: -1920, y: 0, width: 1920, height: 1080 };
const defaultSize = { width: 1280, height: 800 };

describe('fitsOnDisplay', () => {
  it('accepts a window wholly inside a work area', () => {
    expect(fitsOnDisplay({ x: 100, y: 100, width: 800, height: 600 }, [laptop])).toBe(true);
  });

  it('accepts a window that exactly fills a work area', () => {
    expect(fitsOnDisplay(laptop, [laptop])).toBe(true);
  });

  it('accepts a window on a secondary display at negative coordinates', () => {
    expect(fitsOnDisplay({ x: -1800, y: 50, width: 1200, height: 800 }, [laptop, leftMonitor])).toBe(true);
  });

  it('rejects a window on a display that is no longer connected', () => {
    expect(fitsOnDisplay({ x: -1800, y: 50, width: 1200, height: 800 }, [laptop])).toBe(false);
  });

  it('rejects a window hanging over an edge or under the menu bar', () => {
    expect(fitsOnDisplay({ x: 1000, y: 100, width: 800, height: 600 }, [laptop])).toBe(false);
    expect(fitsOnDisplay({ x: 100, y: 0, width: 800, height: 600 }, [laptop])).toBe(false);
  });

  it('rejects a window straddling two displays', () => {
    expect(fitsOnDisplay({ x: -400, y: 100, width: 800, height: 600 }, [laptop, leftMonitor])).toBe(false);
  });

  it('rejects everything when no display is known', () => {
    expect(fitsOnDisplay({ x: 0, y: 0, width: 10, height: 10 }, [])).toBe(false);
  });
});

describe('parseSavedState', () => {
  it('reads a well-formed state', () => {
    expect(parseSavedState({ bounds: { x: 1, y: 2, width: 3, height: 4 }, maximized: true })).toEqual({
      bounds: { x: 1, y: 2, width: 3, height: 4 },
      maximized: true,
    });
  });

  it('rejects missing, partial or nonsensical values', () => {
    expect(parseSavedState(undefined)).toBeNull();
    expect(parseSavedState('1280x800')).toBeNull();
    expect(parseSavedState({ bounds: { x: 1, y: 2, width: 3 } })).toBeNull();
    expect(parseSavedState({ bounds: { x: 1, y: 2, width: 0, height: 4 } })).toBeNull();
    expect(parseSavedState({ bounds: { x: Number.NaN, y: 2, width: 3, height: 4 } })).toBeNull();
  });

  it('treats anything but true as not maximized', () => {
    expect(parseSavedState({ bounds: { x: 1, y: 2, width: 3, height: 4 }, maximized: 'yes' })?.maximized).toBe(false);
  });
});

describe('initialPlacement', () => {
  it('uses the default size, centred, when nothing was saved', () => {
    expect(initialPlacement(undefined, [laptop], defaultSize)).toEqual({ bounds: defaultSize, maximized: false });
  });

  it('shrinks the default size to a small primary display', () => {
    const small = { x: 0, y: 0, width: 1024, height: 700 };
    expect(initialPlacement(undefined, [small], defaultSize).bounds).toEqual({ width: 1024, height: 700 });
  });

  it('restores a saved window that still fits', () => {
    const saved = { bounds: { x: -1800, y: 50, width: 1200, height: 800 }, maximized: true };
    expect(initialPlacement(saved, [laptop, leftMonitor], defaultSize)).toEqual(saved);
  });

  it('keeps the size but centres a window whose display is gone', () => {
    const saved = { bounds: { x: -1800, y: 50, width: 1200, height: 800 }, maximized: false };
    expect(initialPlacement(saved, [laptop], defaultSize)).toEqual({
      bounds: { width: 1200, height: 800 },
      maximized: false,
    });
  });

  it('falls back to the default size when the saved size is too big for the primary display', () => {
    const saved = { bounds: { x: -1920, y: 0, width: 1920, height: 1080 }, maximized: true };
    expect(initialPlacement(saved, [laptop], defaultSize)).toEqual({ bounds: defaultSize, maximized: true });
  });
});
