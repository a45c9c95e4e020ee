/**
 * Asks the D-Bus session bus whether a StatusNotifierWatcher is there, i.e. whether a Linux
 * desktop will show a tray icon (see core/background/tray-support.ts for the whole heuristic).
 *
 * Electron has no API for it, so this runs `dbus-send` (shipped with D-Bus itself) with a short
 * timeout. Any failure — no dbus-send, no session bus, a timeout — answers null: "could not
 * ask", and the desktop name decides instead.
 */
import { execFile } from 'node:child_process';

const WATCHER = 'org.kde.StatusNotifierWatcher';

/** The dbus-send arguments of the NameHasOwner call. */
export const NAME_HAS_OWNER_ARGS = [
  '--session',
  '--dest=org.freedesktop.DBus',
  '--type=method_call',
  '--print-reply',
  '--reply-timeout=1500',
  '/org/freedesktop/DBus',
  'org.freedesktop.DBus.NameHasOwner',
  `string:${WATCHER}`,
] as const;

/** `boolean true` / `boolean false` from dbus-send's printed reply; null for anything else. */
export function parseNameHasOwner(stdout: string): boolean | null {
  const match = /\bboolean (true|false)\b/u.exec(stdout);
  return match ? match[1] === 'true' : null;
}

/** True or false as the session bus answers; null when it could not be asked in `timeoutMs`. */
export function hasStatusNotifierWatcher(
  timeoutMs = 2_000,
  env: NodeJS.ProcessEnv = process.env,
): Promise<boolean | null> {
  return new Promise((resolve) => {
    try {
      execFile(
        'dbus-send',
        NAME_HAS_OWNER_ARGS,
        { timeout: timeoutMs, windowsHide: true, env },
        (error, stdout) => {
          resolve(error ? null : parseNameHasOwner(String(stdout)));
        },
      );
    } catch {
      resolve(null);
    }
  });
}
