/**
 * The e2e harness: the built renderer in headless Chromium, bridged to the real core.
 *
 * The page loads out/renderer over loopback HTTP; `page.exposeBinding` hands every window.api
 * call to `createCore().dispatch` running in this test process (temp data folder, real SQLite
 * file, the real keychain unless a test passes another store). Same renderer, same handlers, same
 * contract as the Electron app — only the transport differs. Every reply is recorded so tests can
 * scan them for secrets. The core sits in the same host as in the app (core/sandbox/sandbox-host.ts),
 * so the sandbox opens and closes through the bridge exactly as it does in Electron.
 *
 * With KEYFLARE_E2E_ELECTRON=1 and an Electron binary installed, `launchKeyflare` starts the real
 * app through Playwright's `_electron` instead; scenarios that need the in-process core (clipboard
 * port, recorded replies) skip themselves there via `app.core === null`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  chromium,
  _electron,
  type Browser,
  type BrowserContext,
  type ElectronApplication,
  type Page,
} from 'playwright-core';
import type { Core, CoreOptions } from '../../../src/main/core';
import { createCoreHost, type CoreHost } from '../../../src/main/core/sandbox/sandbox-host';
import type { ClipboardPort } from '../../../src/main/core/ports';
import type { EventName } from '../../../src/shared/channels';
import { CHROMIUM, CHROMIUM_ARGS } from '../../support/chromium';
import { BRIDGE_BUNDLE, MAIN_ENTRY, RENDERER_DIR, ROOT } from './paths';
import { serveRenderer, type StaticServer } from '../../support/static-server';

export { CHROMIUM_ARGS } from '../../support/chromium';

/** A clipboard port that remembers what was written, for assertions. */
export interface RecordingClipboard extends ClipboardPort {
  writes: { text: string; concealed: boolean }[];
  current(): string;
}

export function createRecordingClipboard(): RecordingClipboard {
  let content = '';
  const writes: { text: string; concealed: boolean }[] = [];
  return {
    writes,
    current: () => content,
    write: (text, { concealed }) => {
      content = text;
      writes.push({ text, concealed });
      return Promise.resolve();
    },
    read: () => Promise.resolve(content),
    clear: () => {
      content = '';
      return Promise.resolve();
    },
  };
}

export interface RecordedReply {
  channel: string;
  reply: unknown;
}

export interface LaunchOptions {
  dataDir?: string;
  colorScheme?: 'light' | 'dark';
  /** Extra core options (secret store, clock, fetch...). */
  core?: Partial<Omit<CoreOptions, 'dataDir' | 'emit' | 'clipboard'>>;
  /** The sandbox's keychain service (default the app's, "Keyflare Sandbox"). */
  sandboxKeychainService?: string;
}

export interface KeyflareApp {
  page: Page;
  dataDir: string;
  /** The in-process real core (null when driving real Electron). */
  core: Core | null;
  /** The host that swaps in the sandbox's core (null when driving real Electron). */
  host: CoreHost | null;
  clipboard: RecordingClipboard | null;
  replies: RecordedReply[];
  /** Closes the browser and the core; the data folder stays for scanning. */
  close(): Promise<void>;
  /** Closes and starts again on the same data folder (a restart of the app). */
  restart(): Promise<KeyflareApp>;
}

function wantsElectron(): boolean {
  return process.env['KEYFLARE_E2E_ELECTRON'] === '1';
}

export function makeDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'keyflare-e2e-'));
}

async function launchInChromium(options: LaunchOptions, dataDir: string): Promise<KeyflareApp> {
  const clipboard = createRecordingClipboard();
  const replies: RecordedReply[] = [];
  let page: Page | null = null;
  const pendingEvents: { event: EventName; payload: unknown }[] = [];
  const deliver = (event: EventName, payload: unknown): void => {
    if (!page || page.isClosed()) {
      pendingEvents.push({ event, payload });
      return;
    }
    page
      .evaluate(
        ([name, data]) => {
          (window as unknown as { __keyflareEmit?: (n: string, p: unknown) => void }).__keyflareEmit?.(
            name,
            data,
          );
        },
        [event, payload] as const,
      )
      .catch(() => undefined);
  };
  const host = createCoreHost({
    core: {
      appVersion: '0.1.0-e2e',
      ...options.core,
      dataDir,
      clipboard,
      emit: (event, payload) => deliver(event, payload),
    },
    ...(options.sandboxKeychainService ? { keychainService: options.sandboxKeychainService } : {}),
  });
  const core = host.real;
  const server: StaticServer = await serveRenderer(RENDERER_DIR);
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const context: BrowserContext = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: 'reduce',
  });
  await context.exposeBinding('__keyflareInvoke', async (source, channel: unknown, input: unknown) => {
    // The same rule as the Electron shell: only the app's own main frame may call.
    if (source.frame !== source.page.mainFrame() || !source.frame.url().startsWith(server.url)) {
      return {
        ok: false,
        error: { code: 'PERMISSION_DENIED', message: 'This call did not come from the Keyflare window.' },
      };
    }
    const reply = await host.dispatch(String(channel), input);
    replies.push({ channel: String(channel), reply });
    return reply;
  });
  await context.addInitScript({ path: BRIDGE_BUNDLE });
  page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(server.url);
  for (const { event, payload } of pendingEvents.splice(0)) deliver(event, payload);
  const opened = page;
  const app: KeyflareApp = {
    page: opened,
    dataDir,
    core,
    host,
    clipboard,
    replies,
    async close() {
      await context.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await server.close();
      await host.close();
      if (pageErrors.length > 0) throw new Error(`The page threw: ${pageErrors.join('; ')}`);
    },
    async restart() {
      await app.close();
      return launchKeyflare({ ...options, dataDir });
    },
  };
  return app;
}

async function launchInElectron(options: LaunchOptions, dataDir: string): Promise<KeyflareApp> {
  const electronApp: ElectronApplication = await _electron.launch({
    args: [MAIN_ENTRY, `--keyflare-data-dir=${dataDir}`],
    cwd: ROOT,
    colorScheme: options.colorScheme ?? 'light',
  });
  const page = await electronApp.firstWindow();
  await page.setViewportSize({ width: 1280, height: 800 });
  const app: KeyflareApp = {
    page,
    dataDir,
    core: null,
    host: null,
    clipboard: null,
    replies: [],
    async close() {
      await electronApp.close();
    },
    async restart() {
      await app.close();
      return launchKeyflare({ ...options, dataDir });
    },
  };
  return app;
}

/** Starts Keyflare for a test: headless Chromium + in-process core, or real Electron (opt-in). */
export async function launchKeyflare(options: LaunchOptions = {}): Promise<KeyflareApp> {
  const dataDir = options.dataDir ?? makeDataDir();
  return wantsElectron() ? launchInElectron(options, dataDir) : launchInChromium(options, dataDir);
}
