/**
 * A recording stand-in for the `electron` module, for the shell tests under test/shell.
 *
 * Use it from a test file with
 * `vi.mock('electron', async () => (await import('./support/fake-electron')).fakeElectronModule());`
 * and import `fakes` from the same module: both resolve to one instance, so the test sees every
 * call the shell made. `resetFakes()` in a beforeEach puts it back to a packaged app with the lock.
 */
import { vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

export interface FakeRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FakeDisplay {
  id: number;
  bounds: FakeRect;
  workArea: FakeRect;
}

/** Emits an event to every listener registered with `on`/`once`; returns the event object passed. */
function emitter(): {
  listeners: Map<string, Listener[]>;
  on: (event: string, listener: Listener) => void;
  off: (event: string, listener: Listener) => void;
  emit: (event: string, ...args: unknown[]) => { defaultPrevented: boolean };
} {
  const listeners = new Map<string, Listener[]>();
  return {
    listeners,
    on(event, listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
    },
    off(event, listener) {
      listeners.set(
        event,
        (listeners.get(event) ?? []).filter((l) => l !== listener),
      );
    },
    emit(event, ...args) {
      const result = { defaultPrevented: false };
      const eventObject = {
        preventDefault: () => {
          result.defaultPrevented = true;
        },
      };
      for (const listener of listeners.get(event) ?? []) listener(eventObject, ...args);
      return result;
    },
  };
}

export interface FakeWindow {
  options: Record<string, unknown>;
  loadURL: ReturnType<typeof vi.fn>;
  /** Listeners of window events; `emit('close')` answers whether a listener prevented it. */
  events: ReturnType<typeof emitter>;
  visible: boolean;
  maximized: boolean;
  normalBounds: FakeRect;
  show: ReturnType<typeof vi.fn>;
  hide: ReturnType<typeof vi.fn>;
  maximize: ReturnType<typeof vi.fn>;
  webContents: { id: number; send: ReturnType<typeof vi.fn>; isDestroyed: () => boolean };
}

export interface FakeTray {
  image: string;
  title: string;
  tooltip: string;
  /** The template of the last context menu set. */
  menu: Record<string, unknown>[] | null;
  events: ReturnType<typeof emitter>;
  destroyed: boolean;
}

/** A menu built by the fake Menu.buildFromTemplate: it keeps its template. */
export interface FakeMenu {
  template: Record<string, unknown>[];
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
  trays: [] as FakeTray[],
  /** Set to make the Tray constructor throw, as on a desktop that refuses one. */
  trayError: null as Error | null,
  displays: [] as FakeDisplay[],
  online: true,
  /** What app.getLoginItemSettings answers (macOS and Windows). */
  loginItem: { openAtLogin: false, wasOpenedAtLogin: false },
};

const DEFAULT_DISPLAY: FakeDisplay = {
  id: 1,
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 25, width: 1920, height: 1055 },
};

const powerEvents = emitter();

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
  getPreferredSystemLanguages: vi.fn(() => ['en-GB', 'zh-Hans-CN']),
  getLocale: vi.fn(() => 'en-GB'),
  setPath: vi.fn((name: string, value: string) => {
    state.paths.set(name, value);
  }),
  isPackaged: true,
  commandLine: { hasSwitch: vi.fn((name: string) => state.switches.has(name)) },
  getLoginItemSettings: vi.fn((_options?: unknown) => ({ ...state.loginItem })),
  setLoginItemSettings: vi.fn((settings: { openAtLogin?: boolean }) => {
    state.loginItem.openAtLogin = settings.openAtLogin ?? false;
  }),
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
  screen: {
    getAllDisplays: vi.fn(() => state.displays),
    getPrimaryDisplay: vi.fn(() => state.displays[0] ?? DEFAULT_DISPLAY),
  },
  net: { isOnline: vi.fn(() => state.online) },
  /** powerMonitor: `powerMonitor.emit('resume')` plays the OS's event. */
  powerMonitor: {
    on: vi.fn((event: string, listener: Listener) => powerEvents.on(event, listener)),
    off: vi.fn((event: string, listener: Listener) => powerEvents.off(event, listener)),
    emit: (event: string): void => {
      for (const listener of powerEvents.listeners.get(event) ?? []) listener();
    },
    listenerCount: (event: string): number => powerEvents.listeners.get(event)?.length ?? 0,
  },
  Menu: {
    buildFromTemplate: vi.fn((template: Record<string, unknown>[]): FakeMenu => ({ template })),
  },
};

class BrowserWindow implements FakeWindow {
  readonly webContents = { id: 1, send: vi.fn(), isDestroyed: () => false };
  readonly loadURL = vi.fn(() => (state.loadError ? Promise.reject(state.loadError) : Promise.resolve()));
  readonly events = emitter();
  visible = false;
  maximized = false;
  minimized = false;
  destroyed = false;
  normalBounds: FakeRect;
  readonly once = vi.fn((event: string, listener: Listener) => this.events.on(event, listener));
  readonly on = vi.fn((event: string, listener: Listener) => this.events.on(event, listener));
  readonly show = vi.fn(() => {
    this.visible = true;
  });
  readonly hide = vi.fn(() => {
    this.visible = false;
  });
  readonly focus = vi.fn();
  readonly restore = vi.fn(() => {
    this.minimized = false;
  });
  readonly maximize = vi.fn(() => {
    this.maximized = true;
    this.visible = true;
  });
  constructor(readonly options: Record<string, unknown>) {
    if (state.windowError) throw state.windowError;
    const size = { width: Number(options['width'] ?? 800), height: Number(options['height'] ?? 600) };
    this.normalBounds = { x: Number(options['x'] ?? 0), y: Number(options['y'] ?? 0), ...size };
    state.windows.push(this);
  }
  isVisible(): boolean {
    return this.visible;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getNormalBounds(): FakeRect {
    return { ...this.normalBounds };
  }
}

class Tray implements FakeTray {
  title = '';
  tooltip = '';
  menu: Record<string, unknown>[] | null = null;
  destroyed = false;
  readonly events = emitter();
  constructor(public image: string) {
    if (state.trayError) throw state.trayError;
    state.trays.push(this);
  }
  on(event: string, listener: Listener): this {
    this.events.on(event, listener);
    return this;
  }
  setImage(image: string): void {
    this.image = image;
  }
  setTitle(title: string): void {
    this.title = title;
  }
  setToolTip(tooltip: string): void {
    this.tooltip = tooltip;
  }
  setContextMenu(menu: FakeMenu | null): void {
    this.menu = menu?.template ?? null;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
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
    screen: fakes.screen,
    net: fakes.net,
    powerMonitor: fakes.powerMonitor,
    Menu: fakes.Menu,
    BrowserWindow,
    ClipboardItem,
    Tray,
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
  state.trays.length = 0;
  state.trayError = null;
  state.displays = [DEFAULT_DISPLAY];
  state.online = true;
  state.loginItem = { openAtLogin: false, wasOpenedAtLogin: false };
  powerEvents.listeners.clear();
  appListeners.clear();
  app.isPackaged = true;
  app.requestSingleInstanceLock.mockReturnValue(true);
}
