export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SavedWindowState {
  bounds: Rect;
  maximized: boolean;
}

export interface Placement {
  /** Without x and y the window is centred. */
  bounds: Pick<Rect, 'width' | 'height'> & Partial<Pick<Rect, 'x' | 'y'>>;
  maximized: boolean;
}

const isRect = (value: unknown): value is Rect => {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    [r.x, r.y, r.width, r.height].every((n) => typeof n === 'number' && Number.isFinite(n)) &&
    (r.width as number) > 0 &&
    (r.height as number) > 0
  );
};

/** Stored state comes from disk and may be from an older build or hand-edited. */
export function parseSavedState(value: unknown): SavedWindowState | null {
  if (typeof value !== 'object' || value === null) return null;
  const { bounds, maximized } = value as Record<string, unknown>;
  if (!isRect(bounds)) return null;
  return { bounds, maximized: maximized === true };
}

/** True when the window lies wholly inside one display's work area. */
export function fitsOnDisplay(bounds: Rect, workAreas: readonly Rect[]): boolean {
  return workAreas.some(
    (area) =>
      bounds.x >= area.x &&
      bounds.y >= area.y &&
      bounds.x + bounds.width <= area.x + area.width &&
      bounds.y + bounds.height <= area.y + area.height,
  );
}

/**
 * Where the window opens. The saved position is used only while it is still on
 * a connected display; otherwise the window is centred, keeping the saved size
 * when the primary display (first work area) can hold it.
 */
export function initialPlacement(
  stored: unknown,
  workAreas: readonly Rect[],
  defaultSize: Pick<Rect, 'width' | 'height'>,
): Placement {
  const primary = workAreas[0];
  const clamp = (size: Pick<Rect, 'width' | 'height'>) => ({
    width: primary ? Math.min(size.width, primary.width) : size.width,
    height: primary ? Math.min(size.height, primary.height) : size.height,
  });
  const saved = parseSavedState(stored);
  if (!saved) return { bounds: clamp(defaultSize), maximized: false };
  if (fitsOnDisplay(saved.bounds, workAreas)) return { bounds: { ...saved.bounds }, maximized: saved.maximized };
  const sizeFits = !primary || (saved.bounds.width <= primary.width && saved.bounds.height <= primary.height);
  const { width, height } = sizeFits ? saved.bounds : clamp(defaultSize);
  return { bounds: { width, height }, maximized: saved.maximized };
}
