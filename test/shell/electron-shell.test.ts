/**
 * The Electron shell's hardening (SECURITY.md 1-7), asserted against a mocked `electron` module.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES, INVOKE_PREFIX } from '../../src/shared/channels';
import { fakes, resetFakes } from './support/fake-electron';

type Handler = (...args: unknown[]) => unknown;

vi.mock('electron', async () => (await import('./support/fake-electron')).fakeElectronModule());

const { secureWebPreferences, hardenWebContents } = await import('../../src/main/electron/window');
const { registerIpc, isTrustedSender } = await import('../../src/main/electron/ipc');
const { registerAppScheme, handleAppProtocol } = await import('../../src/main/electron/protocol');
const { startKeyflare, devServerOrigin, dataDirOverride } = await import('../../src/main/electron/bootstrap');
const { createElectronClipboard } = await import('../../src/main/electron/clipboard');

interface FakeContents {
  listeners: Map<string, Handler>;
  windowOpenHandler: Handler | null;
  permissionRequest: Handler | null;
  permissionCheck: Handler | null;
  on(event: string, listener: Handler): void;
  setWindowOpenHandler(handler: Handler): void;
  session: { setPermissionRequestHandler(h: Handler): void; setPermissionCheckHandler(h: Handler): void };
}

function fakeContents(): FakeContents {
  const contents: FakeContents = {
    listeners: new Map(),
    windowOpenHandler: null,
    permissionRequest: null,
    permissionCheck: null,
    on(event, listener) {
      contents.listeners.set(event, listener);
    },
    setWindowOpenHandler(handler) {
      contents.windowOpenHandler = handler;
    },
    session: {
      setPermissionRequestHandler(handler) {
        contents.permissionRequest = handler;
      },
      setPermissionCheckHandler(handler) {
        contents.permissionCheck = handler;
      },
    },
  };
  return contents;
}

function navigate(contents: FakeContents, event: string, url: string): boolean {
  const preventDefault = vi.fn();
  contents.listeners.get(event)?.({ preventDefault }, url);
  return preventDefault.mock.calls.length > 0;
}

beforeEach(() => {
  resetFakes();
});

describe('window webPreferences', () => {
  it('isolates, sandboxes and strips Node from every window', () => {
    const prefs = secureWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });
});

describe('web contents hardening', () => {
  it('prevents navigation away from the app, comparing parsed origins', () => {
    const contents = fakeContents();
    hardenWebContents(contents as never, null);
    expect(navigate(contents, 'will-navigate', 'app://keyflare/index.html#/tokens')).toBe(false);
    expect(navigate(contents, 'will-navigate', 'https://evil.example/')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'app://keyflare.evil.example/index.html')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate(contents, 'will-redirect', 'https://dash.cloudflare.com/')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'not a url')).toBe(true);
  });

  it('allows the dev server origin only when given one', () => {
    const contents = fakeContents();
    hardenWebContents(contents as never, 'http://localhost:5173');
    expect(navigate(contents, 'will-navigate', 'http://localhost:5173/')).toBe(false);
    expect(navigate(contents, 'will-navigate', 'http://localhost:5174/')).toBe(true);
  });

  it('never opens a window; allowlisted https links go to the system browser', () => {
    const contents = fakeContents();
    hardenWebContents(contents as never, null);
    const open = (url: string): unknown => contents.windowOpenHandler?.({ url });
    expect(open('https://dash.cloudflare.com/profile/api-tokens')).toEqual({ action: 'deny' });
    expect(open('https://developers.cloudflare.com/fundamentals/api/')).toEqual({ action: 'deny' });
    expect(open('http://dash.cloudflare.com/')).toEqual({ action: 'deny' });
    expect(open('https://dash.cloudflare.com.evil.example/')).toEqual({ action: 'deny' });
    expect(open('https://user:pw@dash.cloudflare.com/')).toEqual({ action: 'deny' });
    expect(open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(fakes.shell.openExternal.mock.calls).toEqual([
      ['https://dash.cloudflare.com/profile/api-tokens'],
      ['https://developers.cloudflare.com/fundamentals/api/'],
    ]);
  });

  it('denies every permission request and check, and every webview', () => {
    const contents = fakeContents();
    hardenWebContents(contents as never, null);
    for (const permission of ['media', 'notifications', 'clipboard-read', 'geolocation', 'openExternal']) {
      const callback = vi.fn();
      contents.permissionRequest?.(contents, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(contents.permissionCheck?.(contents, permission)).toBe(false);
    }
    expect(navigate(contents, 'will-attach-webview', '')).toBe(true);
  });
});

describe('IPC registration', () => {
  const trusted = { id: 1 };
  const frame = (url: string, parent: unknown = null): unknown => ({ url, parent });

  it('registers exactly one handler per contract channel', () => {
    const dispatch = vi.fn();
    registerIpc(dispatch, { trustedContents: () => trusted as never, devOrigin: null });
    expect(fakes.ipcMain.handle).toHaveBeenCalledTimes(CHANNEL_NAMES.length);
    expect([...fakes.state.handlers.keys()].sort()).toEqual(
      CHANNEL_NAMES.map((c) => `${INVOKE_PREFIX}${c}`).sort(),
    );
  });

  it('dispatches calls from the app frame and refuses every other sender', async () => {
    const dispatch = vi.fn(() => Promise.resolve({ ok: true as const, value: 'answer' }));
    registerIpc(dispatch, { trustedContents: () => trusted as never, devOrigin: null });
    const handler = fakes.state.handlers.get(`${INVOKE_PREFIX}app.info`);
    const call = (event: unknown): unknown => handler?.(event, {});

    await expect(call({ sender: trusted, senderFrame: frame('app://keyflare/index.html') })).resolves.toEqual(
      {
        ok: true,
        value: 'answer',
      },
    );
    expect(dispatch).toHaveBeenCalledWith('app.info', {});

    const refused = { ok: false, error: { code: 'PERMISSION_DENIED' } };
    await expect(call({ sender: trusted, senderFrame: null })).resolves.toMatchObject(refused);
    await expect(
      call({ sender: { id: 2 }, senderFrame: frame('app://keyflare/index.html') }),
    ).resolves.toMatchObject(refused);
    await expect(
      call({ sender: trusted, senderFrame: frame('https://evil.example/') }),
    ).resolves.toMatchObject(refused);
    await expect(
      call({ sender: trusted, senderFrame: frame('app://keyflare/index.html', {}) }),
    ).resolves.toMatchObject(refused);
    expect(dispatch).toHaveBeenCalledTimes(1);
  });

  it('treats a missing window as untrusted', () => {
    const event = { sender: trusted, senderFrame: frame('app://keyflare/index.html') };
    expect(isTrustedSender(event as never, { trustedContents: () => null, devOrigin: null })).toBe(false);
  });
});

describe('app:// protocol', () => {
  it('is registered as a standard, secure scheme', () => {
    registerAppScheme();
    expect(fakes.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('serves the renderer with a strict CSP and nothing outside it', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'keyflare-renderer-'));
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Keyflare</title>');
    fs.writeFileSync(path.join(path.dirname(root), 'secret.txt'), 'outside');
    handleAppProtocol(root);
    const serve = fakes.state.protocolHandler;
    expect(serve).not.toBeNull();
    const index = await serve!(new Request('app://keyflare/index.html'));
    expect(index.status).toBe(200);
    const csp = index.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect((await serve!(new Request('app://keyflare/'))).status).toBe(200);
    expect((await serve!(new Request('app://keyflare/%2e%2e/secret.txt'))).status).toBe(404);
    expect((await serve!(new Request('app://keyflare/..%2fsecret.txt'))).status).toBe(404);
    expect((await serve!(new Request('app://other/index.html'))).status).toBe(404);
    expect((await serve!(new Request('app://keyflare/missing.js'))).status).toBe(404);
  });
});

describe('bootstrap', () => {
  it('quits when another instance holds the lock', () => {
    fakes.app.requestSingleInstanceLock.mockReturnValue(false);
    startKeyflare({ preload: '/p.cjs', renderer: '/r' });
    expect(fakes.app.quit).toHaveBeenCalled();
    expect(fakes.app.whenReady).not.toHaveBeenCalled();
  });

  it('sandboxes everything, hardens every web contents and loads app://', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyflare-boot-'));
    fakes.state.paths.set('userData', dataDir);
    startKeyflare({ preload: '/p.cjs', renderer: '/r' });
    expect(fakes.app.enableSandbox).toHaveBeenCalled();
    expect(fakes.protocol.registerSchemesAsPrivileged).toHaveBeenCalled();
    const created = fakeContents();
    fakes.appListeners.get('web-contents-created')?.({}, created);
    expect(created.windowOpenHandler).not.toBeNull();
    await vi.waitFor(() => expect(fakes.state.windows).toHaveLength(1));
    const window = fakes.state.windows[0]!;
    expect(window.options['webPreferences']).toEqual(secureWebPreferences('/p.cjs'));
    expect(window.loadURL).toHaveBeenCalledWith('app://keyflare/index.html');
    expect(fakes.ipcMain.handle).toHaveBeenCalledTimes(CHANNEL_NAMES.length);
    fakes.appListeners.get('will-quit')?.();
  });

  it('clears what Keyflare put on the clipboard before quitting', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyflare-boot-'));
    fakes.state.paths.set('userData', dataDir);
    startKeyflare({ preload: '/p.cjs', renderer: '/r' });
    await vi.waitFor(() => expect(fakes.state.windows).toHaveLength(1));
    const preventDefault = vi.fn();
    fakes.appListeners.get('before-quit')?.({ preventDefault });
    expect(preventDefault).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(fakes.app.quit).toHaveBeenCalledTimes(1));
    // The second before-quit (from that app.quit) goes through.
    const second = vi.fn();
    fakes.appListeners.get('before-quit')?.({ preventDefault: second });
    expect(second).not.toHaveBeenCalled();
    fakes.appListeners.get('will-quit')?.();
  });

  it('takes a data folder from the command line only in an unpackaged build', () => {
    expect(dataDirOverride(true, ['electron', '--keyflare-data-dir=/tmp/kf'])).toBeNull();
    expect(dataDirOverride(false, ['electron', '--keyflare-data-dir=/tmp/kf'])).toBe('/tmp/kf');
    expect(dataDirOverride(false, ['electron', '--keyflare-data-dir=relative/dir'])).toBeNull();
    expect(dataDirOverride(false, ['electron'])).toBeNull();
  });

  it('ignores ELECTRON_RENDERER_URL in a packaged app and non-loopback dev URLs', () => {
    expect(devServerOrigin(true, { ELECTRON_RENDERER_URL: 'http://localhost:5173' })).toBeNull();
    expect(devServerOrigin(false, { ELECTRON_RENDERER_URL: 'http://localhost:5173/' })).toBe(
      'http://localhost:5173',
    );
    expect(devServerOrigin(false, { ELECTRON_RENDERER_URL: 'https://evil.example/' })).toBeNull();
  });
});

describe('clipboard', () => {
  it('marks secrets as concealed on Linux and macOS in the same write as the text', async () => {
    await createElectronClipboard('linux').write('s3cret', { concealed: true });
    const [items] = fakes.clipboard.write.mock.calls[0] as unknown as [{ items: Record<string, string> }[]];
    expect(items[0]?.items).toEqual({
      'text/plain': 's3cret',
      'electron application/osclipboard;format="x-kde-passwordManagerHint"': 'secret',
    });
    await createElectronClipboard('darwin').write('s3cret', { concealed: true });
    const [mac] = fakes.clipboard.write.mock.calls[1] as unknown as [{ items: Record<string, string> }[]];
    expect(Object.keys(mac[0]?.items ?? {})).toContain(
      'electron application/osclipboard;format="org.nspasteboard.ConcealedType"',
    );
  });

  it('writes plain text when not concealed, on Windows, or when the marker is refused', async () => {
    await createElectronClipboard('linux').write('curl ...', { concealed: false });
    await createElectronClipboard('win32').write('s3cret', { concealed: true });
    fakes.clipboard.write.mockRejectedValueOnce(new Error('unsupported format'));
    await createElectronClipboard('linux').write('s3cret2', { concealed: true });
    expect(fakes.clipboard.writeText.mock.calls).toEqual([['curl ...'], ['s3cret'], ['s3cret2']]);
  });
});
