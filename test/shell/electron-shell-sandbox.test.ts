/**
 * The sandbox through the Electron shell, against the mocked `electron` module: the window's
 * calls reach the sandbox core once entered, that core gets its own folder and keychain service
 * and none of the shell's tray, login items or notifications, and quitting leaves the sandbox.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as CoreModule from '../../src/main/core';
import type * as KeytarStoreModule from '../../src/main/core/secrets/keytar-store';
import { APP_ENTRY_URL } from '../../src/main/electron/app-origin';
import { INVOKE_PREFIX } from '../../src/shared/channels';
import type { Profile } from '../../src/shared/domain';
import type { Result } from '../../src/shared/errors';
import { SAMPLE_PROFILES } from '../../src/sandbox/sample-profiles';
import { fakes, resetFakes, type FakeWindow } from './support/fake-electron';

vi.mock('electron', async () => (await import('./support/fake-electron')).fakeElectronModule());
// No tray watcher on the bus: the shell starts without a tray, as on a desktop that has none.
vi.mock('../../src/main/electron/session-bus', () => ({
  hasStatusNotifierWatcher: () => Promise.resolve(false),
}));
vi.mock('../../src/main/core', async (importOriginal) => {
  const actual = await importOriginal<typeof CoreModule>();
  return { ...actual, createCore: vi.fn(actual.createCore) };
});
// An in-memory store per service: this test is about the wiring, the keychain has its own tests.
vi.mock('../../src/main/core/secrets/keytar-store', async (importOriginal) => {
  const actual = await importOriginal<typeof KeytarStoreModule>();
  const { createMemoryStore } = await import('../../src/main/core/secrets/memory-store');
  return { ...actual, createKeytarStore: vi.fn(() => createMemoryStore()) };
});

const { startKeyflare } = await import('../../src/main/electron/bootstrap');
const { createCore } = await import('../../src/main/core');
const { createKeytarStore } = await import('../../src/main/core/secrets/keytar-store');

const PATHS = { preload: '/p.cjs', renderer: '/r' };
const ARGV = ['/opt/Keyflare/keyflare'];
let dataDir: string;

beforeEach(() => {
  resetFakes();
  vi.mocked(createCore).mockClear();
  vi.mocked(createKeytarStore).mockClear();
  process.env['XDG_CONFIG_HOME'] = fs.mkdtempSync(path.join(os.tmpdir(), 'keyflare-xdg-sandbox-'));
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyflare-shell-sandbox-'));
  fakes.state.paths.set('userData', dataDir);
});

afterEach(() => {
  fakes.appListeners.get('will-quit')?.();
});

async function start(argv: readonly string[] = ARGV): Promise<FakeWindow> {
  startKeyflare(PATHS, argv);
  await vi.waitFor(() => expect(fakes.state.windows).toHaveLength(1));
  return fakes.state.windows[0] as FakeWindow;
}

/** A call from the app's own page, as the preload makes it. */
async function invoke<T>(window: FakeWindow, channel: string, input: unknown = {}): Promise<T> {
  const handler = fakes.state.handlers.get(`${INVOKE_PREFIX}${channel}`);
  const event = { sender: window.webContents, senderFrame: { url: APP_ENTRY_URL, parent: null } };
  const result = (await handler?.(event, input)) as Result<T>;
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

describe('the sandbox in the Electron shell', () => {
  it('answers the window from a sandbox core with its own folder and keychain service, and no tray or notifications', async () => {
    const window = await start();
    expect(await invoke<Profile[]>(window, 'profiles.list')).toEqual([]);

    await expect(invoke(window, 'sandbox.enter')).resolves.toMatchObject({ active: true });
    expect(createCore).toHaveBeenCalledTimes(2);
    const sandboxOptions = vi.mocked(createCore).mock.calls[1]?.[0];
    expect(sandboxOptions?.dataDir).toBe(path.join(dataDir, 'sandbox'));
    expect(sandboxOptions).not.toHaveProperty('background');
    expect(sandboxOptions).not.toHaveProperty('notifier');
    expect(vi.mocked(createKeytarStore).mock.calls.map((call) => call[0])).toContainEqual({
      service: 'Keyflare Sandbox',
    });
    const profiles = await invoke<Profile[]>(window, 'profiles.list');
    expect(profiles.map((p) => p.label).sort()).toEqual(SAMPLE_PROFILES.map((p) => p.label).sort());

    await expect(invoke(window, 'sandbox.leave')).resolves.toEqual({ active: false, address: null });
    expect(await invoke<Profile[]>(window, 'profiles.list')).toEqual([]);
    expect(fs.existsSync(path.join(dataDir, 'sandbox'))).toBe(false);
  });

  it('quitting leaves the sandbox: its folder is gone before the app quits', async () => {
    const window = await start();
    await invoke(window, 'sandbox.enter');
    const preventDefault = vi.fn();
    fakes.appListeners.get('before-quit')?.({ preventDefault });
    expect(preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(fakes.app.quit).toHaveBeenCalled());
    expect(fs.existsSync(path.join(dataDir, 'sandbox'))).toBe(false);
  });

  it('an unpackaged build under npm run demo keeps the sandbox beside the demo, as "Keyflare Demo Sandbox"', async () => {
    fakes.app.isPackaged = false;
    try {
      const window = await start([...ARGV, '--keyflare-keychain-service=Keyflare Demo']);
      await invoke(window, 'sandbox.enter');
      const services = vi.mocked(createKeytarStore).mock.calls.map((call) => call[0]?.service);
      expect(services).toEqual(expect.arrayContaining(['Keyflare Demo', 'Keyflare Demo Sandbox']));
      expect(services).not.toContain('Keyflare Sandbox');
    } finally {
      fakes.app.isPackaged = true;
    }
  });
});
