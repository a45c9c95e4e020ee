/**
 * The page half of the renderer benchmark: window.api answered in the page itself.
 *
 * Built to an IIFE and injected before the app's scripts. The production api builder (buildApi)
 * runs over an in-page transport backed by the demo backend holding N generated tokens; every
 * reply is structured-cloned, as Electron's IPC copies it. No Playwright binding carries the
 * 10,000 rows, so the numbers are the window's work, not the test transport's.
 */
import { buildApi } from '../src/preload/api';
import type { ChannelName } from '../src/shared/channels';
import { createDemoBackend } from '../test/fixtures/renderer/demo-backend';
import { generateTokenRows } from '../test/fixtures/renderer/fixtures';

interface BenchProbe {
  tokens: number;
  replyAt: number | null;
  rowsPaintedAt: number | null;
  keystrokes: number[];
}

interface PageGlobals {
  __bench?: BenchProbe;
  location: { search: string };
  performance: { now(): number };
  requestAnimationFrame(callback: () => void): number;
  document: {
    querySelector(selector: string): unknown;
    addEventListener(
      type: string,
      listener: (event: { timeStamp: number; target: unknown }) => void,
      capture: boolean,
    ): void;
  };
  MutationObserver: new (callback: (records: unknown, observer: { disconnect(): void }) => void) => {
    observe(target: unknown, options: { childList: boolean; subtree: boolean }): void;
  };
}

const page = globalThis as unknown as PageGlobals;
const count = Number(/[?&]tokens=(\d+)/u.exec(page.location.search)?.[1] ?? '10000');
const rows = generateTokenRows(count, 42, new Date());
const backend = createDemoBackend({ rows, now: () => new Date() }) as unknown as Record<
  ChannelName,
  (input: unknown) => unknown
>;
const bench: BenchProbe = { tokens: count, replyAt: null, rowsPaintedAt: null, keystrokes: [] };
page.__bench = bench;

const api = buildApi({
  invoke: (channel, input) => {
    const reply = structuredClone(backend[channel](input));
    return Promise.resolve(reply).then((value) => {
      if (channel === 'tokens.list' && bench.replyAt === null) bench.replyAt = page.performance.now();
      return value;
    });
  },
  subscribe: () => () => undefined,
});
Object.defineProperty(globalThis, 'api', { value: api, writable: false, configurable: false });

/** "Painted": the next animation frame, then a task after it (the frame has been produced). */
function afterPaint(record: () => void): void {
  page.requestAnimationFrame(() => setTimeout(record, 0));
}

new page.MutationObserver((_records, observer) => {
  if (bench.rowsPaintedAt === null && page.document.querySelector('.token-row')) {
    observer.disconnect();
    afterPaint(() => {
      bench.rowsPaintedAt = page.performance.now();
    });
  }
}).observe(page.document, { childList: true, subtree: true });

page.document.addEventListener(
  'keydown',
  (event) => {
    const target = event.target as { type?: string } | null;
    if (target?.type !== 'search') return;
    const started = event.timeStamp;
    afterPaint(() => bench.keystrokes.push(page.performance.now() - started));
  },
  true,
);
