/**
 * Application lifecycle: single instance, sandbox everywhere, app:// protocol, the window, IPC.
 *
 * A packaged build refuses debugging switches before anything else (debug-switches.ts); a start
 * that fails while opening the data folder shows why and exits (fail-start.ts).
 */
import path from 'node:path';
import { app, type BrowserWindow, type WebContents } from 'electron';
import { createCore, type Core } from '../core';
import { createKeytarStore } from '../core/secrets/keytar-store';
import { APP_ENTRY_URL, parseUrl } from './app-origin';
import { createElectronClipboard } from './clipboard';
import { debugSwitchRefusal, findDebugSwitch } from './debug-switches';
import { failStart, refuseStart } from './fail-start';
import { registerIpc, sendEvent } from './ipc';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { createMainWindow, hardenWebContents } from './window';

export interface BootstrapPaths {
  /** out/preload/index.cjs */
  preload: string;
  /** out/renderer */
  renderer: string;
  icon?: string;
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
  let core: Core | null = null;
  const contents = (): WebContents | null => window?.webContents ?? null;

  app.on('web-contents-created', (_event, created) => {
    hardenWebContents(created, devOrigin);
  });

  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  app.on('window-all-closed', () => {
    app.quit();
  });

  // A secret copied just before quitting must not outlive Keyflare on the clipboard: hold the
  // quit once, clear what Keyflare wrote (only if still there), then quit for real.
  let clipboardFlushed = false;
  app.on('before-quit', (event) => {
    if (clipboardFlushed || !core) return;
    clipboardFlushed = true;
    event.preventDefault();
    void core.services.clipboard.flush().finally(() => app.quit());
  });

  app.on('will-quit', () => {
    core?.close();
    core = null;
  });

  const openWindow = async (): Promise<void> => {
    handleAppProtocol(paths.renderer);
    core = createCore({
      dataDir: app.getPath('userData'),
      ...(keychainService ? { secrets: createKeytarStore({ service: keychainService }) } : {}),
      appVersion: app.getVersion(),
      clipboard: createElectronClipboard(),
      emit: (name, payload) => sendEvent(contents(), name, payload),
    });
    const activeCore = core;
    registerIpc((channel, input) => activeCore.dispatch(channel, input), {
      trustedContents: contents,
      devOrigin,
    });
    window = createMainWindow({
      preloadPath: paths.preload,
      ...(paths.icon ? { iconPath: paths.icon } : {}),
    });
    window.on('closed', () => {
      window = null;
    });
    await window.loadURL(devOrigin ? `${devOrigin}/` : APP_ENTRY_URL);
  };

  // Whatever fails while starting is shown and ends the process: a silent failure would leave it
  // running without a window, holding the single-instance lock that makes every later launch quit.
  void app
    .whenReady()
    .then(openWindow)
    .catch((error: unknown) => {
      try {
        core?.close();
      } catch {
        // The failure being reported matters more than a close that failed after it.
      }
      core = null;
      failStart(error, userDataPath());
    });
}

export function defaultPaths(mainDir: string): BootstrapPaths {
  return {
    preload: path.join(mainDir, '../preload/index.cjs'),
    renderer: path.join(mainDir, '../renderer'),
    icon: path.join(mainDir, '../../resources/icon.png'),
  };
}
