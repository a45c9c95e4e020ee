/**
 * Where the main window opens: its last place if a display still shows it, else centered on the
 * primary display.
 *
 * A pure function over what Electron's `screen.getAllDisplays()` and `getPrimaryDisplay()`
 * answer, so it is tested without a screen. "Still shows it" means the window's title bar can
 * be grabbed: a strip at its top edge, at least 100 px wide (or the whole width of a narrower
 * window) and half the title bar high, lies in some display's work area. A window saved on a
 * monitor that has since been unplugged, or moved up under the menu bar, fails that test and
 * comes back centered on the primary display with its size kept where it fits.
 */
import type { WindowState } from '../settings/window-state';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The part of Electron's Display this needs: the area not covered by docks, panels and bars. */
export interface DisplayArea {
  workArea: Rect;
}

export interface WindowPlacement {
  bounds: Rect;
  maximized: boolean;
}

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 800 } as const;
const TITLE_BAR_HEIGHT = 32;
const GRAB_WIDTH = 100;

function intersection(a: Rect, b: Rect): Rect | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}

/** Whether the window's title bar can be grabbed on this work area. */
function titleBarOn(window: Rect, area: Rect): boolean {
  const strip = intersection({ ...window, height: TITLE_BAR_HEIGHT }, area);
  return (
    strip !== null &&
    strip.width >= Math.min(GRAB_WIDTH, window.width) &&
    strip.height >= TITLE_BAR_HEIGHT / 2
  );
}

/** The size, shrunk to fit the work area. */
function fitted(size: { width: number; height: number }, area: Rect): { width: number; height: number } {
  return { width: Math.min(size.width, area.width), height: Math.min(size.height, area.height) };
}

function centered(size: { width: number; height: number }, area: Rect): Rect {
  const { width, height } = fitted(size, area);
  return {
    x: area.x + Math.round((area.width - width) / 2),
    y: area.y + Math.round((area.height - height) / 2),
    width,
    height,
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

/** Where to open the window, given the saved state (null: never saved) and today's displays. */
export function placeWindow(
  saved: WindowState | null,
  displays: readonly DisplayArea[],
  primary: DisplayArea,
): WindowPlacement {
  if (!saved) return { bounds: centered(DEFAULT_WINDOW_SIZE, primary.workArea), maximized: false };
  const window: Rect = { x: saved.x, y: saved.y, width: saved.width, height: saved.height };
  const home = displays
    .filter((display) => titleBarOn(window, display.workArea))
    .map((display) => ({ area: display.workArea, overlap: intersection(window, display.workArea) }))
    .sort((a, b) => area(b.overlap) - area(a.overlap))[0];
  if (!home) return { bounds: centered(window, primary.workArea), maximized: saved.maximized };
  const size = fitted(window, home.area);
  if (size.width === window.width && size.height === window.height)
    return { bounds: window, maximized: saved.maximized };
  // The display got smaller: shrink the window and keep it inside.
  return {
    bounds: {
      x: clamp(window.x, home.area.x, home.area.x + home.area.width - size.width),
      y: clamp(window.y, home.area.y, home.area.y + home.area.height - size.height),
      ...size,
    },
    maximized: saved.maximized,
  };
}

function area(rect: Rect | null): number {
  return rect ? rect.width * rect.height : 0;
}
