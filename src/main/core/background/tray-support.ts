/**
 * Whether this desktop shows Keyflare's tray icon, decided by a documented heuristic.
 *
 * macOS (menu bar) and Windows (notification area) always have one. On Linux, Electron's tray is
 * a StatusNotifierItem: it shows only where a StatusNotifierWatcher owns its name on the session
 * bus (KDE Plasma, XFCE, Cinnamon, MATE, Budgie, LXQt, and GNOME with the AppIndicator
 * extension). Creating the Tray succeeds either way, so the shell asks the bus (see
 * electron/session-bus.ts); without a watcher, an X11 session of a desktop other than GNOME may
 * still show the legacy XEmbed icon Chromium falls back to, while GNOME and every Wayland session
 * cannot. When the bus cannot be asked, XDG_CURRENT_DESKTOP decides: plain GNOME has no tray,
 * Ubuntu's and Pop!_OS's GNOME ship the AppIndicator extension, other desktops have one.
 * A Tray constructor that throws means no tray on any platform.
 *
 * With no tray Keyflare quits when its window closes, and the settings dialog shows the reason.
 */
import { msg, type Message } from '../../../shared/i18n/message';

export interface TrayHost {
  platform: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Whether a StatusNotifierWatcher is on the session bus; null when the bus could not be asked. */
  statusNotifierWatcher: boolean | null;
  /** The Tray constructor threw. */
  trayFailed: boolean;
}

export interface TraySupport {
  tray: boolean;
  /** Why there is no tray (`notifications.background.*`) for the settings dialog; null when there is one. */
  reason: Message | null;
}

/** Desktops whose GNOME session ships the AppIndicator extension, enabled by default. */
const GNOME_WITH_INDICATORS = ['ubuntu', 'pop', 'unity'];

function desktops(env: TrayHost['env']): string[] {
  return (env['XDG_CURRENT_DESKTOP'] ?? '')
    .split(':')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
}

function isWayland(env: TrayHost['env']): boolean {
  return env['XDG_SESSION_TYPE'] === 'wayland' || Boolean(env['WAYLAND_DISPLAY']);
}

export function traySupport(host: TrayHost): TraySupport {
  if (host.trayFailed) return { tray: false, reason: msg('notifications.background.trayFailed') };
  if (host.platform !== 'linux') return { tray: true, reason: null };
  if (host.statusNotifierWatcher === true) return { tray: true, reason: null };
  const names = desktops(host.env);
  const gnome = names.includes('gnome');
  const noTrayHere = msg(gnome ? 'notifications.background.noTrayGnome' : 'notifications.background.noTray');
  if (host.statusNotifierWatcher === false)
    return !gnome && !isWayland(host.env)
      ? { tray: true, reason: null }
      : { tray: false, reason: noTrayHere };
  if (gnome && !names.some((name) => GNOME_WITH_INDICATORS.includes(name)))
    return { tray: false, reason: noTrayHere };
  return { tray: true, reason: null };
}
