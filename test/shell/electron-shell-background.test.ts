/**
 * Keyflare in the background, asserted against the mocked `electron` module: the tray and its
 * menu, closing to the tray (or quitting where there is none), a hidden start at login, the
 * power events that catch the scheduled sync up, the OS login items, and the window reopening
 * where it was left (or centered when its display is gone).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import type * as CoreModule from '../../src/main/core';
import type { Core } from '../../src/main/core';
import type { TrayModel } from '../../src/main/core/background/tray-menu';
import { PROFILE_STORE_FILE_NAME } from '../../src/main/core/db/data-files';
import { PROFILE_STORE_SCHEMA_VERSION } from '../../src/main/core/db/profile-store-migrations';
import { createMemoryStore } from '../../src/main/core/secrets/memory-store';
import type { AppInfo, Settings } from '../../src/shared/domain';
import type { Result } from '../../src/shared/errors';
import { fakes, resetFakes, type FakeTray, type FakeWindow } from './support/fake-electron';
import { englishText } from '../../src/shared/i18n/english-message';

const bus = vi.hoisted((): { watcher: boolean | null } => ({ watcher: true }));
/** Spies on the schedule of the core the shell created. */
const schedule = vi.hoisted(() => ({
  start: null as MockInstance | null,
  wake: null as MockInstance | null,
}));

vi.mock('electron', async () => (await import('./support/fake-electron')).fakeElectronModule());
vi.mock('../../src/main/electron/session-bus', () => ({
  hasStatusNotifierWatcher: vi.fn(() => Promise.resolve(bus.watcher)),
}));
vi.mock('../../src/main/core', async (importOriginal) => {
  const actual = await importOriginal<typeof CoreModule>();
  // The memory store keeps the test off the real keychain; nothing here needs a secret.
  return {
    ...actual,
    createCore: vi.fn((options: CoreModule.CoreOptions) => {
      const core = actual.createCore({ ...options, secrets: createMemoryStore() });
      schedule.start = vi.spyOn(core.services.schedule, 'start');
      schedule.wake = vi.spyOn(core.services.schedule, 'wake');
      return core;
    }),
  };
});

const { startKeyflare } = await import('../../src/main/electron/bootstrap');
const { createKeyflareTray, trayIconPath } = await import('../../src/main/electron/tray');
const { loginItemFor, startedAtLogin, FROM_SOURCE } = await import('../../src/main/electron/login-item');
const { createCore } = await import('../../src/main/core');
const { writeWindowState, readWindowState } = await import('../../src/main/core/settings/window-state');

const PATHS = { preload: '/p.cjs', renderer: '/r', tray: '/res/tray' };
const ARGV = ['/opt/Keyflare/keyflare'];
const ENV_KEYS = [
  'XDG_CURRENT_DESKTOP',
  'XDG_SESSION_TYPE',
  'WAYLAND_DISPLAY',
  'XDG_CONFIG_HOME',
  'APPIMAGE',
];
const savedEnv = Object.fromEntries(ENV_KEYS.map((key) => [key, process.env[key]]));

let dataDir: string;

function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

beforeEach(() => {
  resetFakes();
  vi.mocked(createCore).mockClear();
  bus.watcher = true;
  for (const key of ENV_KEYS) delete process.env[key];
  process.env['XDG_CONFIG_HOME'] = tempDir('keyflare-xdg-shell-');
  dataDir = tempDir('keyflare-background-');
  fakes.state.paths.set('userData', dataDir);
});

afterEach(() => {
  fakes.appListeners.get('will-quit')?.();
  for (const key of ENV_KEYS) {
    if (savedEnv[key] === undefined) delete process.env[key];
    else process.env[key] = savedEnv[key];
  }
});

interface Started {
  window: FakeWindow;
  tray: FakeTray | undefined;
  core: Core;
}

/** Starts the shell and waits for its window, its tray and its first menu. */
async function start(argv: readonly string[] = ARGV): Promise<Started> {
  startKeyflare(PATHS, argv);
  await vi.waitFor(() => expect(fakes.state.windows).toHaveLength(1));
  const core = vi.mocked(createCore).mock.results[0]?.value as Core;
  const tray = fakes.state.trays[0];
  if (tray && !tray.destroyed) await vi.waitFor(() => expect(tray.menu).not.toBeNull());
  return { window: fakes.state.windows[0]!, tray, core };
}

function labels(tray: FakeTray | undefined): string[] {
  return (tray?.menu ?? []).map((item) => (typeof item['label'] === 'string' ? item['label'] : '—'));
}

function click(tray: FakeTray | undefined, label: string): void {
  const item = tray?.menu?.find((entry) => entry['label'] === label);
  expect(item, label).toBeDefined();
  (item?.['click'] as () => void)();
}

async function dispatch<T>(core: Core, channel: string, input: unknown): Promise<T> {
  const reply = (await core.dispatch(channel, input)) as Result<T>;
  if (!reply.ok) expect.fail(`${channel}: ${reply.error.message}`);
  return reply.value;
}

describe('the tray', () => {
  it('offers Open, Sync and Quit, and they do what they say', async () => {
    const { window, tray, core } = await start();
    expect(tray?.image).toBe(path.join('/res/tray', 'tray-32.png'));
    expect(tray?.tooltip).toBe('Keyflare');
    expect(labels(tray)).toEqual(['Open Keyflare', 'Sync all', '—', 'Quit Keyflare']);
    expect(tray?.menu?.[1]).toMatchObject({ enabled: false }); // no profile to sync yet

    const sync = vi.spyOn(core.services.sync, 'start');
    window.visible = false;
    click(tray, 'Open Keyflare');
    expect(window.show).toHaveBeenCalled();
    expect(window.visible).toBe(true);
    (tray?.menu?.[1]?.['click'] as () => void)();
    expect(sync).toHaveBeenCalledWith();
    click(tray, 'Quit Keyflare');
    expect(fakes.app.quit).toHaveBeenCalledTimes(1);
  });

  it('draws a model: the attention icon, the macOS title, info lines disabled, actions wired', () => {
    const open = vi.fn();
    const model: TrayModel = {
      attention: true,
      title: '2',
      tooltip: 'Keyflare — 2 tokens expire within 30 days',
      items: [
        { kind: 'action', action: 'open', label: '2 tokens expire within 30 days', enabled: true },
        { kind: 'separator' },
        { kind: 'info', label: 'Work — synced 14:05' },
      ],
    };
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const tray = createKeyflareTray('/icons', platform, { open, sync: vi.fn(), quit: vi.fn() });
      tray?.update(model);
    }
    const [linux, mac, windows] = fakes.state.trays;
    expect(linux?.image).toBe(path.join('/icons', 'tray-attention-32.png'));
    expect(linux?.title).toBe('');
    expect(mac?.image).toBe(path.join('/icons', 'trayTemplate.png'));
    expect(mac?.title).toBe('2');
    expect(windows?.image).toBe(path.join('/icons', 'tray-attention.png'));
    expect(windows?.tooltip).toBe('Keyflare — 2 tokens expire within 30 days');
    expect(linux?.menu).toEqual([
      { label: '2 tokens expire within 30 days', enabled: true, click: expect.any(Function) as unknown },
      { type: 'separator' },
      { label: 'Work — synced 14:05', enabled: false },
    ]);
    (linux?.menu?.[0]?.['click'] as () => void)();
    expect(open).toHaveBeenCalledTimes(1);
    // Windows opens the window on a left click of the icon.
    windows?.events.emit('click');
    expect(open).toHaveBeenCalledTimes(2);
  });

  it('has every icon it may show in resources/tray, which packaging copies beside the app', () => {
    const dir = path.resolve(import.meta.dirname, '../../resources/tray');
    for (const platform of ['linux', 'darwin', 'win32'] as const)
      for (const attention of [false, true]) {
        const file = trayIconPath(dir, platform, attention);
        expect(fs.existsSync(file), file).toBe(true);
        // Windows and macOS pick the @2x twin on high-density screens.
        if (platform !== 'linux') expect(fs.existsSync(file.replace(/\.png$/u, '@2x.png')), file).toBe(true);
      }
    const builder = fs.readFileSync(path.resolve(import.meta.dirname, '../../electron-builder.yml'), 'utf8');
    expect(builder).toMatch(/extraResources:\n\s+- from: resources\/tray\n\s+to: tray\n/u);
  });

  it('speaks the language Settings names: 简体中文 redraws it in Chinese, System in the OS’s English', async () => {
    const { tray, core } = await start();
    expect(labels(tray)).toEqual(['Open Keyflare', 'Sync all', '—', 'Quit Keyflare']);
    await dispatch(core, 'settings.update', { language: 'zh-CN' });
    await vi.waitFor(
      () => expect(labels(tray)).toEqual(['打开 Keyflare', '全部同步', '—', '退出 Keyflare']),
      {
        timeout: 3000,
      },
    );
    // The fake OS lists en-GB first: System means English again.
    await dispatch(core, 'settings.update', { language: 'system' });
    await vi.waitFor(
      () => expect(labels(tray)).toEqual(['Open Keyflare', 'Sync all', '—', 'Quit Keyflare']),
      {
        timeout: 3000,
      },
    );
  });

  it('redraws when a sync ends', async () => {
    const { tray, core } = await start();
    const before = fakes.Menu.buildFromTemplate.mock.calls.length;
    const profileId = '11111111-1111-4111-8111-111111111111';
    core.context.emit('sync.finished', {
      profileId,
      run: {
        id: 1,
        profileId,
        startedAt: new Date().toISOString(),
        endedAt: new Date().toISOString(),
        outcome: 'ok',
        requestCount: 1,
        error: null,
      },
    });
    await vi.waitFor(() => expect(fakes.Menu.buildFromTemplate.mock.calls.length).toBeGreaterThan(before), {
      timeout: 3000,
    });
    expect(tray?.menu).not.toBeNull();
  });
});

describe('closing the window', () => {
  it('hides it in the tray while "keep running in the tray" is on, and closes it when quitting', async () => {
    const { window, core } = await start();
    window.visible = true;
    expect(window.events.emit('close').defaultPrevented).toBe(true);
    expect(window.hide).toHaveBeenCalled();
    expect(fakes.app.quit).not.toHaveBeenCalled();

    await dispatch<Settings>(core, 'settings.update', { keepInTray: false });
    expect(window.events.emit('close').defaultPrevented).toBe(false);
    await dispatch<Settings>(core, 'settings.update', { keepInTray: true });
    fakes.appListeners.get('before-quit')?.({ preventDefault: vi.fn() });
    expect(window.events.emit('close').defaultPrevented).toBe(false);
  });

  it('closes it for good at logout or shutdown', async () => {
    const { window } = await start();
    fakes.powerMonitor.emit('shutdown');
    expect(window.events.emit('close').defaultPrevented).toBe(false);
  });

  it('quits where the desktop has no tray (GNOME without a StatusNotifier host), and the settings say why', async () => {
    bus.watcher = false;
    process.env['XDG_CURRENT_DESKTOP'] = 'GNOME';
    process.env['XDG_SESSION_TYPE'] = 'wayland';
    const { window, tray, core } = await start();
    expect(tray?.destroyed).toBe(true);
    expect(window.events.emit('close').defaultPrevented).toBe(false);
    const info = await dispatch<AppInfo>(core, 'app.info', {});
    expect(info.background).toMatchObject({
      tray: false,
      trayUnavailableReason: { key: 'notifications.background.noTrayGnome' },
    });
  });

  it('quits where the tray cannot even be created', async () => {
    fakes.state.trayError = new Error('no tray on this platform');
    const { window, core } = await start();
    expect(window.events.emit('close').defaultPrevented).toBe(false);
    expect((await dispatch<AppInfo>(core, 'app.info', {})).background?.tray).toBe(false);
  });
});

describe('a start at login', () => {
  it('stays hidden in the tray until Open', async () => {
    const { window, tray } = await start([...ARGV, '--hidden']);
    window.events.emit('ready-to-show');
    expect(window.show).not.toHaveBeenCalled();
    click(tray, 'Open Keyflare');
    expect(window.show).toHaveBeenCalledTimes(1);
  });

  it('opens the window anyway where there is no tray to wait in', async () => {
    fakes.state.trayError = new Error('no tray');
    const { window } = await start([...ARGV, '--hidden']);
    window.events.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledTimes(1);
  });

  it('a second launch shows the window, the login item’s does not', async () => {
    const { window } = await start([...ARGV, '--hidden']);
    fakes.appListeners.get('second-instance')?.({}, [...ARGV, '--hidden']);
    expect(window.show).not.toHaveBeenCalled();
    fakes.appListeners.get('second-instance')?.({}, ARGV);
    expect(window.show).toHaveBeenCalledTimes(1);
  });
});

describe('the scheduled sync in the shell', () => {
  it('starts with the OS’s network state, catches up on resume and unlock, and stops at quit', async () => {
    await start();
    expect(schedule.start).toHaveBeenCalledTimes(1);
    const [options] = (schedule.start?.mock.calls[0] ?? []) as [{ online?: () => boolean }?];
    const online = options?.online;
    expect(online?.()).toBe(true);
    fakes.state.online = false;
    expect(online?.()).toBe(false);
    // Started: sync.status plans the next run (none here: no profile), and the power events wake it.
    fakes.powerMonitor.emit('resume');
    fakes.powerMonitor.emit('unlock-screen');
    expect(schedule.wake).toHaveBeenCalledTimes(2);
    fakes.appListeners.get('will-quit')?.();
    expect(fakes.powerMonitor.listenerCount('resume')).toBe(0);
    expect(fakes.powerMonitor.listenerCount('unlock-screen')).toBe(0);
  });
});

describe('launch at login', () => {
  it('on Linux, the setting writes and removes ~/.config/autostart/keyflare.desktop (XDG_CONFIG_HOME honoured)', async () => {
    process.env['APPIMAGE'] = '/home/alex/Apps/Keyflare 0.1.AppImage';
    const { core } = await start();
    const file = path.join(process.env['XDG_CONFIG_HOME'] ?? '', 'autostart', 'keyflare.desktop');
    await dispatch<Settings>(core, 'settings.update', { launchAtLogin: true });
    expect(fs.readFileSync(file, 'utf8')).toContain(
      'Exec="/home/alex/Apps/Keyflare 0.1.AppImage" --hidden\n',
    );
    await dispatch<Settings>(core, 'settings.update', { launchAtLogin: false });
    expect(fs.existsSync(file)).toBe(false);
  });

  it('on Linux, an entry removed outside Keyflare turns the setting off at the next start', async () => {
    const first = await start();
    await dispatch<Settings>(first.core, 'settings.update', { launchAtLogin: true });
    fakes.appListeners.get('will-quit')?.();
    fs.rmSync(path.join(process.env['XDG_CONFIG_HOME'] ?? '', 'autostart', 'keyflare.desktop'));
    resetFakes();
    vi.mocked(createCore).mockClear();
    fakes.state.paths.set('userData', dataDir);
    const second = await start();
    expect((await dispatch<Settings>(second.core, 'settings.get', {})).launchAtLogin).toBe(false);
  });

  it('uses the login items on macOS, the Run key with --hidden on Windows', () => {
    const mac = loginItemFor({
      platform: 'darwin',
      isPackaged: true,
      env: {},
      execPath: '/Applications/Keyflare.app',
    });
    mac.port?.setEnabled(true);
    expect(fakes.app.setLoginItemSettings).toHaveBeenLastCalledWith({ openAtLogin: true });
    expect(mac.port?.isEnabled()).toBe(true);
    const windows = loginItemFor({
      platform: 'win32',
      isPackaged: true,
      env: {},
      execPath: 'C:\\Keyflare.exe',
    });
    windows.port?.setEnabled(false);
    expect(fakes.app.setLoginItemSettings).toHaveBeenLastCalledWith({
      openAtLogin: false,
      args: ['--hidden'],
    });
    expect(windows.port?.isEnabled()).toBe(false);
    expect(fakes.app.getLoginItemSettings).toHaveBeenLastCalledWith({ args: ['--hidden'] });
  });

  it('knows a start at login: --hidden, or macOS saying it opened the app at login', () => {
    expect(startedAtLogin(['/k', '--hidden'], 'linux')).toBe(true);
    expect(startedAtLogin(['/k'], 'linux')).toBe(false);
    fakes.state.loginItem.wasOpenedAtLogin = true;
    expect(startedAtLogin(['/k'], 'darwin')).toBe(true);
    expect(startedAtLogin(['/k'], 'win32')).toBe(false);
  });

  it('registers nothing from a copy run from source, and says so', async () => {
    expect(loginItemFor({ platform: 'linux', isPackaged: false, env: {}, execPath: '/e' })).toEqual({
      port: null,
      unavailable: FROM_SOURCE,
    });
    fakes.app.isPackaged = false;
    const { core } = await start();
    const reply = await core.dispatch('settings.update', { launchAtLogin: true });
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: `Launch at login stays off. ${englishText(FROM_SOURCE.key)}` },
    });
    expect(fs.existsSync(path.join(process.env['XDG_CONFIG_HOME'] ?? '', 'autostart'))).toBe(false);
  });
});

describe('a data folder from a newer Keyflare', () => {
  it('the tray says it cannot be read, and nothing in the background writes to it', async () => {
    const { createCore: realCreateCore } = await vi.importActual<typeof CoreModule>('../../src/main/core');
    realCreateCore({ dataDir, secrets: createMemoryStore() }).close();
    const store = new Database(path.join(dataDir, PROFILE_STORE_FILE_NAME));
    store.pragma(`user_version = ${PROFILE_STORE_SCHEMA_VERSION + 1}`);
    store.close();
    const files = (): Record<string, Buffer> =>
      Object.fromEntries(
        fs
          .readdirSync(dataDir)
          .filter((name) => !name.endsWith('-shm') && name !== 'logs')
          .map((name) => [name, fs.readFileSync(path.join(dataDir, name))]),
      );
    const before = files();

    const { window, tray } = await start();
    expect(labels(tray)).toContain('The data folder cannot be read');
    expect(tray?.image).toBe(path.join('/res/tray', 'tray-attention-32.png'));
    window.normalBounds = { x: 5, y: 5, width: 1000, height: 700 };
    window.events.emit('move');
    window.events.emit('close');
    fakes.powerMonitor.emit('resume');
    await new Promise((resolve) => setTimeout(resolve, 700));
    fakes.appListeners.get('will-quit')?.();
    expect(files()).toEqual(before);
  });
});

describe('the window’s place', () => {
  const LAPTOP = {
    id: 1,
    bounds: { x: 0, y: 0, width: 1440, height: 900 },
    workArea: { x: 0, y: 25, width: 1440, height: 875 },
  };
  const MONITOR = {
    id: 2,
    bounds: { x: 1440, y: 0, width: 2560, height: 1440 },
    workArea: { x: 1440, y: 0, width: 2560, height: 1440 },
  };

  async function saveState(state: Parameters<typeof writeWindowState>[1]): Promise<void> {
    const { createCore: realCreateCore } = await vi.importActual<typeof CoreModule>('../../src/main/core');
    const core = realCreateCore({ dataDir, secrets: createMemoryStore() });
    writeWindowState(core.context.db(), state);
    core.close();
  }

  it('reopens where it was left on a display still there, maximized again when shown', async () => {
    fakes.state.displays = [LAPTOP, MONITOR];
    await saveState({ x: 2000, y: 100, width: 1500, height: 1000, maximized: true });
    const { window } = await start();
    expect(window.options).toMatchObject({ x: 2000, y: 100, width: 1500, height: 1000 });
    expect(window.maximize).not.toHaveBeenCalled();
    window.events.emit('ready-to-show');
    expect(window.maximize).toHaveBeenCalledTimes(1);
  });

  it('comes back centered on the primary display when its display is gone', async () => {
    fakes.state.displays = [LAPTOP];
    await saveState({ x: 2000, y: 100, width: 1200, height: 800, maximized: false });
    const { window } = await start();
    expect(window.options).toMatchObject({ x: 120, y: 63, width: 1200, height: 800 });
  });

  it('saves its size and place when it moves (once settled) and when it closes', async () => {
    const { window, core } = await start();
    window.normalBounds = { x: 300, y: 200, width: 1100, height: 700 };
    window.events.emit('move');
    expect(readWindowState(core.context.db())).toBeNull();
    await vi.waitFor(
      () => expect(readWindowState(core.context.db())).toMatchObject({ x: 300, width: 1100 }),
      {
        timeout: 2000,
      },
    );
    window.normalBounds = { x: 10, y: 40, width: 1000, height: 650 };
    window.maximized = true;
    window.events.emit('close');
    expect(readWindowState(core.context.db())).toEqual({
      x: 10,
      y: 40,
      width: 1000,
      height: 650,
      maximized: true,
    });
  });
});
