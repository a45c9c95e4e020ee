/**
 * The built renderer in headless Chromium with window.api answered by in-process handlers
 * instead of the core: the same bridge bundle (production buildApi), a different binding.
 *
 * Used for the screen gallery (every screen with demo data, light and dark, including states the
 * real core cannot reach on demand). Scenarios that test behaviour use `launchKeyflare`, the real
 * core.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { EventName } from '../../../src/shared/channels';
import type { Result } from '../../../src/shared/errors';
import { CHROMIUM_ARGS } from './harness';
import { BRIDGE_BUNDLE, CHROMIUM, RENDERER_DIR } from './paths';
import { serveRenderer } from '../../support/static-server';

export type StubHandler = (input: unknown) => Result<unknown> | Promise<Result<unknown>>;

export interface StubOptions {
  handlers: Record<string, StubHandler>;
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
  /** Delay before answering a channel, to show loading states. */
  delayMs?: Partial<Record<string, number>>;
}

export interface StubApp {
  page: Page;
  context: BrowserContext;
  calls: { channel: string; input: unknown }[];
  emit(event: EventName, payload: unknown): Promise<void>;
  close(): Promise<void>;
}

export async function launchStub(options: StubOptions): Promise<StubApp> {
  const server = await serveRenderer(RENDERER_DIR);
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: 'reduce',
  });
  const calls: { channel: string; input: unknown }[] = [];
  await context.exposeBinding('__keyflareInvoke', async (_source, channel: unknown, input: unknown) => {
    const name = String(channel);
    calls.push({ channel: name, input });
    const delay = options.delayMs?.[name];
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    const handler = options.handlers[name];
    if (!handler) return { ok: false, error: { code: 'INTERNAL', message: `${name} is not available yet.` } };
    return handler(input);
  });
  await context.addInitScript({ path: BRIDGE_BUNDLE });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(server.url);
  return {
    page,
    context,
    calls,
    async emit(event, payload) {
      await page.evaluate(
        ([name, data]) => {
          (window as unknown as { __keyflareEmit?: (n: string, p: unknown) => void }).__keyflareEmit?.(
            name,
            data,
          );
        },
        [event, payload] as const,
      );
    },
    async close() {
      await context.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await server.close();
      if (errors.length > 0) throw new Error(`The page threw: ${errors.join('; ')}`);
    },
  };
}
