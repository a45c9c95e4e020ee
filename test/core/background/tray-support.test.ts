/**
 * Whether the desktop shows a tray icon: the documented heuristic of tray-support.ts.
 */
import { describe, expect, it } from 'vitest';
import { traySupport } from '../../../src/main/core/background/tray-support';
import { englishText } from '../../../src/shared/i18n/english-message';

const linux = (env: Record<string, string>, statusNotifierWatcher: boolean | null, trayFailed = false) =>
  traySupport({ platform: 'linux', env, statusNotifierWatcher, trayFailed });

describe('traySupport', () => {
  it('macOS and Windows always have one, unless the Tray itself failed', () => {
    expect(
      traySupport({ platform: 'darwin', env: {}, statusNotifierWatcher: null, trayFailed: false }),
    ).toEqual({
      tray: true,
      reason: null,
    });
    expect(
      traySupport({ platform: 'win32', env: {}, statusNotifierWatcher: null, trayFailed: true }),
    ).toEqual({
      tray: false,
      reason: { key: 'notifications.background.trayFailed' },
    });
  });

  it('Linux: a StatusNotifierWatcher on the session bus means a tray, whatever the desktop', () => {
    expect(linux({ XDG_CURRENT_DESKTOP: 'GNOME', XDG_SESSION_TYPE: 'wayland' }, true).tray).toBe(true);
    expect(linux({ XDG_CURRENT_DESKTOP: 'KDE' }, true).tray).toBe(true);
  });

  it('Linux: no watcher means no tray on GNOME and on Wayland, and says why', () => {
    const gnome = linux({ XDG_CURRENT_DESKTOP: 'GNOME', XDG_SESSION_TYPE: 'x11' }, false);
    expect(gnome.tray).toBe(false);
    expect(gnome.reason).toEqual({ key: 'notifications.background.noTrayGnome' });
    expect(englishText(gnome.reason?.key ?? 'notifications.background.noTray')).toMatch(
      /GNOME\) shows no tray icons without an extension .*quits when its window is closed/u,
    );
    const sway = linux({ XDG_CURRENT_DESKTOP: 'sway', WAYLAND_DISPLAY: 'wayland-1' }, false);
    expect(sway).toEqual({
      tray: false,
      reason: { key: 'notifications.background.noTray' },
    });
    expect(englishText('notifications.background.noTray')).toContain(
      'no StatusNotifier host answered on the session bus',
    );
  });

  it('Linux: no watcher on X11 outside GNOME still has the legacy tray', () => {
    expect(linux({ XDG_CURRENT_DESKTOP: 'XFCE', XDG_SESSION_TYPE: 'x11', DISPLAY: ':0' }, false).tray).toBe(
      true,
    );
  });

  it('Linux: when the bus cannot be asked, the desktop name decides', () => {
    expect(linux({ XDG_CURRENT_DESKTOP: 'GNOME' }, null).tray).toBe(false);
    expect(linux({ XDG_CURRENT_DESKTOP: 'ubuntu:GNOME' }, null).tray).toBe(true);
    expect(linux({ XDG_CURRENT_DESKTOP: 'pop:GNOME' }, null).tray).toBe(true);
    expect(linux({ XDG_CURRENT_DESKTOP: 'KDE' }, null).tray).toBe(true);
    expect(linux({}, null).tray).toBe(true);
  });
});
