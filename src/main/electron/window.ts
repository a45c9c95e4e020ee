/**
 * The main window and the hardening every web contents gets (SECURITY.md 1-4).
 */
import { BrowserWindow, shell, type WebContents, type WebPreferences } from 'electron';
import { isAllowedExternalUrl, isAppUrl } from './app-origin';

/** webPreferences of every Keyflare window: isolated, sandboxed, no Node, web security on. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
  };
}

/**
 * Locks down a web contents: no navigation away from the app, no new windows (allowlisted https
 * links go to the system browser), no <webview>, no permission ever granted.
 */
export function hardenWebContents(contents: WebContents, devOrigin: string | null): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, devOrigin)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, devOrigin)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.session.setPermissionRequestHandler((_contents, _permission, callback) => {
    callback(false);
  });
  contents.session.setPermissionCheckHandler(() => false);
}

export interface MainWindowOptions {
  preloadPath: string;
  iconPath?: string;
  /** Where it opens (electron/window-state.ts); 1280x800 centered when absent. */
  bounds?: { x: number; y: number; width: number; height: number };
  maximized?: boolean;
  /** False for a start at login: the window loads hidden and waits in the tray. */
  show?: boolean;
}

/** Windows that were saved maximized and have not been shown since: maximize() would show them. */
const maximizeWhenShown = new WeakSet<BrowserWindow>();

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    ...(options.bounds ?? { width: 1280, height: 800 }),
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Keyflare',
    backgroundColor: '#0f1115',
    autoHideMenuBar: true,
    ...(options.iconPath ? { icon: options.iconPath } : {}),
    webPreferences: secureWebPreferences(options.preloadPath),
  });
  if (options.maximized) maximizeWhenShown.add(window);
  if (options.show !== false) window.once('ready-to-show', () => showMainWindow(window));
  return window;
}

/** Shows, restores and focuses the window (from the tray, a second launch, the dock). */
export function showMainWindow(window: BrowserWindow): void {
  if (window.isDestroyed()) return;
  if (maximizeWhenShown.delete(window)) window.maximize();
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
