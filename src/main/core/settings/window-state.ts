/**
 * The main window's last size, position and maximized state, kept in the profile store.
 *
 * Kept beside the settings (key `windowState` of the settings table) rather than in a JSON file
 * of its own: the profile store already has atomic writes and a schema check, a data folder from
 * a newer Keyflare is refused without a byte written (a separate file would be written anyway),
 * and there is one place that holds the user's preferences. It never crosses IPC: only the
 * Electron shell reads and writes it, through these two functions.
 */
import { z } from 'zod';
import { readSettings, saveSettings } from '../db/settings-repository';
import type { Db } from '../db/sqlite-file';

const Coordinate = z.number().int().min(-1_000_000).max(1_000_000);
const Length = z.number().int().min(1).max(100_000);

export const WindowState = z.object({
  /** The normal (not maximized) bounds, in screen coordinates (DIP). */
  x: Coordinate,
  y: Coordinate,
  width: Length,
  height: Length,
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowState>;

const KEY = 'windowState';

/** The saved state, or null when there is none or it cannot be read (then the window opens centered). */
export function readWindowState(db: Db): WindowState | null {
  const parsed = WindowState.safeParse(readSettings(db)[KEY]);
  return parsed.success ? parsed.data : null;
}

export function writeWindowState(db: Db, state: WindowState): void {
  saveSettings(db, { [KEY]: WindowState.parse(state) });
}
