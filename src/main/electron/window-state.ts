/**
 * The window's size, position and maximized state: read at start, saved as they change.
 *
 * Where it opens is decided by core/background/window-bounds.ts from today's displays; this
 * file only asks Electron's `screen` and listens to the window. Moves and resizes are saved
 * once they settle (half a second), maximize/unmaximize and close at once, always with the
 * normal bounds, so a maximized window restores to the size it had before.
 */
import { screen, type BrowserWindow } from 'electron';
import { placeWindow, type WindowPlacement } from '../core/background/window-bounds';
import type { WindowState } from '../core/settings/window-state';

/** Where the window opens, given what was saved (null: nothing, or unreadable). */
export function initialPlacement(saved: WindowState | null): WindowPlacement {
  return placeWindow(saved, screen.getAllDisplays(), screen.getPrimaryDisplay());
}

/** The window's state as it would be saved now. */
export function currentWindowState(window: BrowserWindow): WindowState {
  const bounds = window.getNormalBounds();
  return {
    x: Math.round(bounds.x),
    y: Math.round(bounds.y),
    width: Math.round(bounds.width),
    height: Math.round(bounds.height),
    maximized: window.isMaximized(),
  };
}

/** Saves the window's state whenever it changes; returns a function that stops it. */
export function trackWindowState(
  window: BrowserWindow,
  save: (state: WindowState) => void,
  settleMs = 500,
): () => void {
  let pending: ReturnType<typeof setTimeout> | null = null;
  const saveNow = (): void => {
    if (pending !== null) clearTimeout(pending);
    pending = null;
    if (!window.isDestroyed()) save(currentWindowState(window));
  };
  const saveSoon = (): void => {
    if (pending !== null) clearTimeout(pending);
    pending = setTimeout(saveNow, settleMs);
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('maximize', saveNow);
  window.on('unmaximize', saveNow);
  window.on('close', saveNow);
  return () => {
    if (pending !== null) clearTimeout(pending);
    pending = null;
  };
}
