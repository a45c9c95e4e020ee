/**
 * Application lifecycle: single instance, sandbox everywhere, app:// protocol, the window, IPC,
 * and life in the background (background.ts: tray, launch at login, scheduled sync).
 *
 * A packaged build refuses debugging switches before anything else (debug-switches.ts); a start
 * that fails while opening the data folder shows why and exits (fail-start.ts). The window opens
 * where it was left (window-state.ts), or stays hidden in the tray after a start at login.
 */
import path from 'node:path';
import { app, powerMonitor, type BrowserWindow, type WebContents } from 'electron';
import { isAppError } from '../../shared/errors';
import type { Core } from '../core';
import { createCoreHost, SANDBOX_KEYCHAIN_SERVICE, type CoreHost } from '../core/sandbox/sandbox-host';
import { createKeytarStore } from '../core/secrets/keytar-store';
import { readWindowState, writeWindowState } from '../core/settings/window-state';
import { HIDDEN_FLAG } from '../core/background/xdg-autostart';
import { APP_ENTRY_URL, parseUrl } from './app-origin';
import { prepareBackground, type BackgroundRuntime } from './background';
import { systemLocales } from './locale';
import { createElectronClipboard } from './clipboard';
import { debugSwitchRefusal, findDebugSwitch } from './debug-switches';
import { failStart, refuseStart } from './fail-start';
import { registerIpc, sendEvent } from './ipc';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { createMainWindow, hardenWebContents, showMainWindow } from './window';
import { createElectronNotifier } from './notifier';
import { createElectronSaveDialog } from './save-dialog';
import { initialPlacement, trackWindowState } from './window-state';

export interface BootstrapPaths {
  /** out/preload/index.cjs */
  preload: string;
  /** out/renderer */
  renderer: string;
  icon?: string;
  /** resources/tray in a build run from source; a packaged app uses `<resources>/tray`. */
  tray?: string;
}

/**
 * The dev-server origin, honoured only in an unpackaged build: in a packaged app no environment
 * variable may change which page Keyflare loads.
 */
export function devServerOrigin(isPackaged: boolean, env: NodeJS.ProcessEnv): string | null {
  if (isPackaged) return null;
  const url = parseUrl(env['ELECTRON_RENDERER_URL'] ?? '');
  if (!url || url.protocol !== 'http:' || !['localhost', '127.0.0.1'].includes(url.hostname)) return null;
  return url.origin;
}

/**
 * A data folder given as `--keyflare-data-dir=<path>`, honoured only in an unpackaged build
 * (`npm run demo` and the Electron e2e mode use it); a packaged app always uses userData.
 */
export function dataDirOverride(isPackaged: boolean, argv: readonly string[]): string | null {
  if (isPackaged) return null;
  const flag = argv.find((arg) => arg.startsWith('--keyflare-data-dir='));
  const value = flag?.slice('--keyflare-data-dir='.length) ?? '';
  return value && path.isAbsolute(value) ? value : null;
}

/**
 * A keychain service given as `--keyflare-keychain-service=<name>`, honoured only in an
 * unpackaged build: `npm run demo` keeps its entries under "Keyflare Demo", apart from the
 * user's real ones. A packaged app always uses "Keyflare".
 */
export function keychainServiceOverride(isPackaged: boolean, argv: readonly string[]): string | null {
  if (isPackaged) return null;
  const flag = argv.find((arg) => arg.startsWith('--keyflare-keychain-service='));
  const value = flag?.slice('--keyflare-keychain-service='.length).trim() ?? '';
  return value.length > 0 && value.length <= 100 && !/\p{Cc}/u.test(value) ? value : null;
}

/** The data folder Electron was told to use; a fallback text when even asking fails. */
function userDataPath(): string {
  try {
    return app.getPath('userData');
  } catch {
    return "Keyflare's data folder";
  }
}

/** Starts Keyflare; a start that throws, now or once ready, ends in an error box and exit code 1. */
export function startKeyflare(paths: BootstrapPaths, argv: readonly string[] = process.argv): void {
  try {
    start(paths, argv);
  } catch (error) {
    failStart(error, userDataPath());
  }
}

function start(paths: BootstrapPaths, argv: readonly string[]): void {
  if (app.isPackaged) {
    const refused = findDebugSwitch(argv, (name) => app.commandLine.hasSwitch(name));
    if (refused) {
      refuseStart(debugSwitchRefusal(refused));
      return;
    }
  }
  app.enableSandbox();
  const dataDir = dataDirOverride(app.isPackaged, argv);
  if (dataDir) app.setPath('userData', dataDir);
  const keychainService = keychainServiceOverride(app.isPackaged, argv);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  registerAppScheme();
  const devOrigin = devServerOrigin(app.isPackaged, process.env);
  let window: BrowserWindow | null = null;
  /** The real core, and the sandbox's while it is open (core/sandbox/sandbox-host.ts). */
  let host: CoreHost | null = null;
  let background: BackgroundRuntime | null = null;
  /** Set once Keyflare is quitting: a close then closes instead of hiding in the tray. */
  let quitting = false;
  const contents = (): WebContents | null => window?.webContents ?? null;
  const showWindow = (): void => {
    if (window) showMainWindow(window);
  };

  app.on('web-contents-created', (_event, created) => {
    hardenWebContents(created, devOrigin);
  });

  // A second launch shows the window, unless it is the login item starting a copy already running.
  app.on('second-instance', (_event, secondArgv: string[]) => {
    if (!secondArgv.includes(HIDDEN_FLAG)) showWindow();
  });

  // macOS: a click on the Dock icon brings back a window hidden in the tray.
  app.on('activate', showWindow);

  app.on('window-all-closed', () => {
    app.quit();
  });

  // A secret copied just before quitting must not outlive Keyflare on the clipboard: hold the
  // quit once, clear what Keyflare wrote (only if still there), leave the sandbox if it is open
  // (sample data lives as long as the session that opened it), then quit for real.
  let clipboardFlushed = false;
  app.on('before-quit', (event) => {
    quitting = true;
    if (clipboardFlushed || !host) return;
    clipboardFlushed = true;
    event.preventDefault();
    void host
      .beforeQuit()
      .catch(() => undefined)
      .finally(() => app.quit());
  });

  app.on('will-quit', () => {
    background?.dispose();
    background = null;
    host?.closeNow();
    host = null;
  });

  const openWindow = async (): Promise<void> => {
    handleAppProtocol(paths.renderer);
    const prepared = await prepareBackground({
      platform: process.platform,
      env: process.env,
      argv,
      isPackaged: app.isPackaged,
      execPath: process.execPath,
      iconDir: trayIconDir(app.isPackaged, paths),
    });
    host = createCoreHost({
      // The sandbox's entries sit beside the real ones' service: "Keyflare Sandbox", or
      // "Keyflare Demo Sandbox" under npm run demo, so two apps never share one.
      keychainService: keychainService ? `${keychainService} Sandbox` : SANDBOX_KEYCHAIN_SERVICE,
      core: {
        dataDir: app.getPath('userData'),
        ...(keychainService ? { secrets: createKeytarStore({ service: keychainService }) } : {}),
        appVersion: app.getVersion(),
        clipboard: createElectronClipboard(),
        emit: (name, payload) => {
          sendEvent(contents(), name, payload);
          background?.noteEvent(name, payload);
        },
        background: prepared.host,
        systemLocales: systemLocales(app),
        // A reminder's click opens the Health view; reports are saved where the user picks.
        notifier: createElectronNotifier({
          onClick: () => {
            showWindow();
            sendEvent(contents(), 'health.open', {});
          },
          ...(paths.icon ? { iconPath: paths.icon } : {}),
        }),
        saveDialog: createElectronSaveDialog(() => window),
      },
    });
    // The window talks to whichever core the host shows; the tray, reminders and the window's
    // place belong to the real profiles.
    const activeHost = host;
    const activeCore = host.real;
    registerIpc((channel, input) => activeHost.dispatch(channel, input), {
      trustedContents: contents,
      devOrigin,
    });
    const placement = initialPlacement(savedWindowState(activeCore));
    window = createMainWindow({
      preloadPath: paths.preload,
      ...(paths.icon ? { iconPath: paths.icon } : {}),
      bounds: placement.bounds,
      maximized: placement.maximized,
      show: !prepared.startHidden,
    });
    const activeWindow = window;
    trackWindowState(activeWindow, (state) => saveWindowState(activeCore, state));
    activeWindow.on('close', (event) => {
      if (quitting || !background?.keepOnClose()) return;
      event.preventDefault();
      activeWindow.hide();
    });
    // Logging out or shutting down closes the window for good: hiding it would hold the session up.
    activeWindow.on('session-end', () => {
      quitting = true;
    });
    powerMonitor.on('shutdown', () => {
      quitting = true;
    });
    activeWindow.on('closed', () => {
      window = null;
    });
    background = prepared.run(activeCore, { showWindow, quit: () => app.quit() });
    await activeWindow.loadURL(devOrigin ? `${devOrigin}/` : APP_ENTRY_URL);
    // Once the window can take a click: what crossed a threshold while closed, then every day.
    activeCore.services.reminders.start();
  };

  // Whatever fails while starting is shown and ends the process: a silent failure would leave it
  // running without a window, holding the single-instance lock that makes every later launch quit.
  void app
    .whenReady()
    .then(openWindow)
    .catch((error: unknown) => {
      try {
        host?.closeNow();
      } catch {
        // The failure being reported matters more than a close that failed after it.
      }
      host = null;
      failStart(error, userDataPath());
    });
}

/** The tray icons: beside the app when packaged (electron-builder's extraResources), else resources/tray. */
function trayIconDir(isPackaged: boolean, paths: BootstrapPaths): string {
  if (isPackaged && process.resourcesPath) return path.join(process.resourcesPath, 'tray');
  return paths.tray ?? path.join(path.dirname(paths.renderer), '../resources/tray');
}

/** The window's saved state; null when there is none or the data folder cannot be read. */
function savedWindowState(core: Core): ReturnType<typeof readWindowState> {
  try {
    return readWindowState(core.context.db());
  } catch {
    return null;
  }
}

/** Saves the window's state; a data folder that cannot take it (refused, read-only) just forgets it. */
function saveWindowState(core: Core, state: Parameters<typeof writeWindowState>[1]): void {
  try {
    writeWindowState(core.context.db(), state);
  } catch (error) {
    // A data folder from a newer Keyflare is never written to: the place is simply not kept.
    if (isAppError(error) && error.code === 'CACHE_NEWER') return;
    core.context.logger.warn('window state not saved', {
      errorName: error instanceof Error ? error.name : typeof error,
    });
  }
}

export function defaultPaths(mainDir: string): BootstrapPaths {
  return {
    preload: path.join(mainDir, '../preload/index.cjs'),
    renderer: path.join(mainDir, '../renderer'),
    icon: path.join(mainDir, '../../resources/icon.png'),
    tray: path.join(mainDir, '../../resources/tray'),
  };
}
