/**
 * A recording stand-in for the `electron` module, for the shell tests under test/unit.
 *
 * Use it from a test file with
 * `vi.mock('electron', async () => (await import('./support/fake-electron')).fakeElectronModule());`
 * and import `fakes` from the same module: both resolve to one instance, so the test sees every
 * call the shell made. `resetFakes()` in a beforeEach puts it back to a packaged app with the lock.
 */
import { vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

export interface FakeWindow {
  options: Record<string, unknown>;
  loadURL: ReturnType<typeof vi.fn>;
}

const state = {
  handlers: new Map<string, Listener>(),
  windows: [] as FakeWindow[],
  protocolHandler: null as null | ((request: Request) => Promise<Response>),
  /** What `app.getPath(name)` answers; a name missing here throws, as Electron does for unknown names. */
  paths: new Map<string, string>(),
  /** Switches Chromium parsed, answered by `app.commandLine.hasSwitch`. */
  switches: new Set<string>(),
  /** Set to make the next BrowserWindow constructor throw. */
  windowError: null as Error | null,
  /** Set to make every window's loadURL reject, as Electron's does when a page fails to load. */
  loadError: null as Error | null,
};

const appListeners = new Map<string, Listener>();

const app = {
  enableSandbox: vi.fn<() => void>(),
  requestSingleInstanceLock: vi.fn(() => true),
  quit: vi.fn<() => void>(),
  exit: vi.fn<(exitCode?: number) => void>(),
  on: vi.fn((event: string, listener: Listener) => {
    appListeners.set(event, listener);
  }),
  whenReady: vi.fn(() => Promise.resolve()),
  getPath: vi.fn((name: string) => {
    const found = state.paths.get(name);
    if (found === undefined) throw new Error(`Failed to get '${name}' path`);
    return found;
  }),
  getVersion: vi.fn(() => '9.9.9'),
  setPath: vi.fn((name: string, value: string) => {
    state.paths.set(name, value);
  }),
  isPackaged: true,
  commandLine: { hasSwitch: vi.fn((name: string) => state.switches.has(name)) },
};

export const fakes = {
  state,
  appListeners,
  app,
  dialog: { showErrorBox: vi.fn<(title: string, content: string) => void>() },
  ipcMain: {
    handle: vi.fn((channel: string, handler: Listener) => {
      state.handlers.set(channel, handler);
    }),
    removeHandler: vi.fn((channel: string) => state.handlers.delete(channel)),
  },
  shell: { openExternal: vi.fn(() => Promise.resolve()) },
  protocol: {
    registerSchemesAsPrivileged: vi.fn<(schemes: unknown[]) => void>(),
    handle: vi.fn((_scheme: string, handler: (request: Request) => Promise<Response>) => {
      state.protocolHandler = handler;
    }),
  },
  clipboard: {
    write: vi.fn(() => Promise.resolve()),
    writeText: vi.fn(() => Promise.resolve()),
    readText: vi.fn(() => Promise.resolve('')),
    clear: vi.fn<() => void>(),
  },
};

class BrowserWindow {
  readonly webContents = { id: 1 };
  readonly loadURL = vi.fn(() => (state.loadError ? Promise.reject(state.loadError) : Promise.resolve()));
  readonly once = vi.fn();
  readonly on = vi.fn();
  constructor(readonly options: Record<string, unknown>) {
    if (state.windowError) throw state.windowError;
    state.windows.push(this);
  }
}

class ClipboardItem {
  constructor(readonly items: Record<string, unknown>) {}
}

/** The module object `vi.mock('electron', …)` returns. */
export function fakeElectronModule(): Record<string, unknown> {
  return {
    app: fakes.app,
    dialog: fakes.dialog,
    ipcMain: fakes.ipcMain,
    shell: fakes.shell,
    protocol: fakes.protocol,
    clipboard: fakes.clipboard,
    BrowserWindow,
    ClipboardItem,
  };
}

/** Clears every recorded call and puts the fake back to a packaged app that holds the lock. */
export function resetFakes(): void {
  vi.clearAllMocks();
  state.handlers.clear();
  state.windows.length = 0;
  state.protocolHandler = null;
  state.paths.clear();
  state.switches.clear();
  state.windowError = null;
  state.loadError = null;
  appListeners.clear();
  app.isPackaged = true;
  app.requestSingleInstanceLock.mockReturnValue(true);
}
