/**
 * The background settings in the core: their defaults and bounds, launch at login made in the
 * OS's list first (a refusal saves nothing and says why), the OS list winning at start, what
 * app.info reports of the shell, and the window state kept beside the settings.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi, type Mock } from 'vitest';
import { createXdgAutostart } from '../../../src/main/core/background/xdg-autostart';
import type { BackgroundHost, LoginItemPort } from '../../../src/main/core/ports';
import { readWindowState, writeWindowState } from '../../../src/main/core/settings/window-state';
import type { AppInfo, BackgroundSupport, Settings } from '../../../src/shared/domain';
import { closeAllCores, makeCore, tempDir } from '../support/core-harness';
import { call } from '../support/sim-profiles';
import { msg, nest } from '../../../src/shared/i18n/message';
import { englishText } from '../../../src/shared/i18n/english-message';

afterEach(() => closeAllCores());

const SUPPORTED: BackgroundSupport = {
  tray: true,
  trayUnavailableReason: null,
  launchAtLogin: true,
  launchAtLoginUnavailableReason: null,
};

interface FakeLoginItem {
  enabled: boolean;
  isEnabled: () => boolean;
  setEnabled: Mock<(enabled: boolean) => void>;
}

/** The OS's login list as a flag, recording every change asked of it. */
function fakeLoginItem(enabled = false): FakeLoginItem {
  const port: FakeLoginItem = {
    enabled,
    isEnabled: () => port.enabled,
    setEnabled: vi.fn((on: boolean) => {
      port.enabled = on;
    }),
  };
  return port;
}

function host(loginItem: LoginItemPort | null, support: BackgroundSupport = SUPPORTED): BackgroundHost {
  return { support: () => support, loginItem };
}

describe('the background settings', () => {
  it('default to the tray on, launch at login off and a sync every 6 hours, and keep their bounds', async () => {
    const { core } = makeCore();
    await expect(call<Settings>(core, 'settings.get', {})).resolves.toMatchObject({
      keepInTray: true,
      launchAtLogin: false,
      syncEveryHours: 6,
    });
    for (const syncEveryHours of [-1, 169, 1.5, '6'])
      await expect(core.dispatch('settings.update', { syncEveryHours })).resolves.toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      });
    await call(core, 'settings.update', { syncEveryHours: 0, keepInTray: false });
    await expect(call<Settings>(core, 'settings.get', {})).resolves.toMatchObject({
      keepInTray: false,
      syncEveryHours: 0,
    });
  });

  it('a stored value out of range falls back to its default, the others stay', async () => {
    const { core } = makeCore();
    await call(core, 'settings.update', { keepInTray: false });
    core.context.db().prepare("UPDATE settings SET value = '9999' WHERE key = 'keepInTray'").run();
    core.context.db().prepare("INSERT INTO settings (key, value) VALUES ('syncEveryHours', '9999')").run();
    await expect(call<Settings>(core, 'settings.get', {})).resolves.toMatchObject({
      keepInTray: true,
      syncEveryHours: 6,
    });
  });
});

describe('launch at login', () => {
  it('is set in the OS list first, then saved', async () => {
    const login = fakeLoginItem();
    const { core } = makeCore({ background: host(login) });
    await call(core, 'settings.update', { launchAtLogin: true });
    expect(login.setEnabled.mock.calls).toEqual([[true]]);
    expect(login.enabled).toBe(true);
    await call(core, 'settings.update', { launchAtLogin: false });
    expect(login.enabled).toBe(false);
    // A change of another setting leaves the OS list alone.
    await call(core, 'settings.update', { theme: 'dark' });
    expect(login.setEnabled).toHaveBeenCalledTimes(2);
  });

  it('an OS refusal saves nothing and says what was refused', async () => {
    const login = fakeLoginItem();
    login.setEnabled.mockImplementation(() => {
      throw new Error(
        'The autostart entry /home/alex/.config/autostart/keyflare.desktop could not be written: permission denied.',
      );
    });
    const { core } = makeCore({ background: host(login) });
    const reply = await core.dispatch('settings.update', { launchAtLogin: true, theme: 'dark' });
    expect(reply).toMatchObject({
      ok: false,
      error: {
        code: 'INTERNAL',
        message:
          'Keyflare could not add itself to the programs your system starts at login. The autostart entry /home/alex/.config/autostart/keyflare.desktop could not be written: permission denied. The setting was not changed.',
        key: 'errors.settings.loginItem',
      },
    });
    await expect(call<Settings>(core, 'settings.get', {})).resolves.toMatchObject({
      launchAtLogin: false,
      theme: 'system',
    });
  });

  it('is refused with the reason where it cannot be set (a copy run from source)', async () => {
    const reason = msg('notifications.background.fromSource');
    const { core } = makeCore({
      background: host(null, { ...SUPPORTED, launchAtLogin: false, launchAtLoginUnavailableReason: reason }),
    });
    // The shell's reason is nested in the error, worded in the reader's language by each face.
    await expect(core.dispatch('settings.update', { launchAtLogin: true })).resolves.toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: `Launch at login stays off. ${englishText(reason.key)}`,
        key: 'errors.settings.loginItemUnavailable',
        params: nest('reason', reason),
      },
    });
    await expect(call<Settings>(core, 'settings.get', {})).resolves.toMatchObject({ launchAtLogin: false });
  });

  it('takes the OS list’s word at start, and writes a kept entry again', async () => {
    const login = fakeLoginItem(true);
    const { core } = makeCore({ background: host(login) });
    const changes: Partial<Settings>[] = [];
    core.services.settings.onChange((_settings, patch) => changes.push(patch));
    core.services.settings.syncLoginItem();
    expect(login.setEnabled.mock.calls).toEqual([[true]]);
    await expect(call<Settings>(core, 'settings.get', {})).resolves.toMatchObject({ launchAtLogin: true });
    expect(changes).toEqual([{ launchAtLogin: true }]);

    login.enabled = false; // switched off in the system's settings
    core.services.settings.syncLoginItem();
    await expect(call<Settings>(core, 'settings.get', {})).resolves.toMatchObject({ launchAtLogin: false });
  });

  it('on Linux, writes and removes the XDG autostart entry through the settings', async () => {
    const config = tempDir('keyflare-xdg-core-');
    const login = createXdgAutostart({
      env: { XDG_CONFIG_HOME: config },
      homeDir: '/nonexistent',
      command: ['/opt/Keyflare/keyflare', '--hidden'],
    });
    const { core } = makeCore({ background: host(login) });
    const file = path.join(config, 'autostart', 'keyflare.desktop');
    await call(core, 'settings.update', { launchAtLogin: true });
    expect(fs.readFileSync(file, 'utf8')).toContain('Exec=/opt/Keyflare/keyflare --hidden\n');
    await call(core, 'settings.update', { launchAtLogin: false });
    expect(fs.existsSync(file)).toBe(false);
  });
});

describe('app.info', () => {
  it('reports what the shell said of the tray and login items, and null without a shell', async () => {
    const noTray = {
      ...SUPPORTED,
      tray: false,
      trayUnavailableReason: msg('notifications.background.noTray'),
    };
    const withShell = makeCore({ background: host(null, noTray) });
    await expect(call<AppInfo>(withShell.core, 'app.info', {})).resolves.toMatchObject({
      background: noTray,
    });
    const bare = makeCore();
    await expect(call<AppInfo>(bare.core, 'app.info', {})).resolves.toMatchObject({ background: null });
  });
});

describe('the window state', () => {
  it('is kept beside the settings, survives a restart, and never shows in settings.get', async () => {
    const first = makeCore();
    writeWindowState(first.core.context.db(), { x: -1200, y: 40, width: 1400, height: 900, maximized: true });
    first.core.close();
    const second = makeCore({ dataDir: first.dataDir });
    expect(readWindowState(second.core.context.db())).toEqual({
      x: -1200,
      y: 40,
      width: 1400,
      height: 900,
      maximized: true,
    });
    const settings = await call<Record<string, unknown>>(second.core, 'settings.get', {});
    expect(settings).not.toHaveProperty('windowState');
  });

  it('reads as none when missing or damaged, and refuses to store nonsense', () => {
    const { core } = makeCore();
    const db = core.context.db();
    expect(readWindowState(db)).toBeNull();
    db.prepare(`INSERT INTO settings (key, value) VALUES ('windowState', '{"x":"left"}')`).run();
    expect(readWindowState(db)).toBeNull();
    expect(() => writeWindowState(db, { x: 0, y: 0, width: 0, height: 600, maximized: false })).toThrow();
  });
});
