/**
 * Launch at login through each OS's own mechanism, and whether this start was one.
 *
 * macOS: a login item (`app.setLoginItemSettings`); a start from it reports `wasOpenedAtLogin`.
 * Windows: the Run key, with `--hidden` as its argument. Linux: an XDG autostart entry running
 * `keyflare --hidden` (core/background/xdg-autostart.ts; an AppImage is started through its
 * `APPIMAGE` path, since the mounted executable moves at every start). A build run from source
 * registers nothing: the entry would start a development copy with none of its flags (a demo's
 * temporary data folder, its keychain service), so the settings dialog says so instead.
 */
import os from 'node:os';
import { app } from 'electron';
import { createXdgAutostart, HIDDEN_FLAG } from '../core/background/xdg-autostart';
import type { LoginItemPort } from '../core/ports';
import { msg, type Message } from '../../shared/i18n/message';

export interface LoginItemChoice {
  port: LoginItemPort | null;
  /** Why launch at login cannot be set here, for the settings dialog. */
  /** Why launch at login is unavailable (`notifications.background.*`); null when it is available. */
  unavailable: Message | null;
}

export interface LoginItemHost {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  env: NodeJS.ProcessEnv;
  execPath: string;
  homeDir?: string;
}

export const FROM_SOURCE = msg('notifications.background.fromSource');

export function loginItemFor(host: LoginItemHost): LoginItemChoice {
  if (!host.isPackaged) return { port: null, unavailable: FROM_SOURCE };
  switch (host.platform) {
    case 'linux':
      return {
        port: createXdgAutostart({
          env: host.env,
          homeDir: host.homeDir ?? os.homedir(),
          command: [host.env['APPIMAGE'] || host.execPath, HIDDEN_FLAG],
        }),
        unavailable: null,
      };
    case 'darwin':
      return {
        port: {
          isEnabled: () => app.getLoginItemSettings().openAtLogin,
          setEnabled: (enabled) => app.setLoginItemSettings({ openAtLogin: enabled }),
        },
        unavailable: null,
      };
    case 'win32':
      return {
        port: {
          isEnabled: () => app.getLoginItemSettings({ args: [HIDDEN_FLAG] }).openAtLogin,
          setEnabled: (enabled) => app.setLoginItemSettings({ openAtLogin: enabled, args: [HIDDEN_FLAG] }),
        },
        unavailable: null,
      };
    default:
      return { port: null, unavailable: msg('notifications.background.noLoginItem') };
  }
}

/** Whether this start came from the login item, so the window stays hidden in the tray. */
export function startedAtLogin(argv: readonly string[], platform: NodeJS.Platform): boolean {
  if (argv.includes(HIDDEN_FLAG)) return true;
  if (platform !== 'darwin') return false;
  try {
    return app.getLoginItemSettings().wasOpenedAtLogin;
  } catch {
    return false;
  }
}
