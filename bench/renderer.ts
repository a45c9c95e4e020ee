/**
 * Renderer benchmark: the token table with 10,000 cached tokens, in headless Chromium.
 *
 * The built renderer (out/renderer) is served as in the e2e suite; window.api is answered in the
 * page by the demo backend holding 10,000 generated TokenRows (bench/renderer-page.ts), with
 * every reply structured-cloned as Electron's IPC would. The numbers are the window's own work,
 * not the core's (bench/core-sync.ts) nor the test transport's.
 *
 * - render_first_ms: from the tokens.list reply reaching the page to the first frame painted
 *   with table rows (index build, sort, filter, React render and commit, paint). Median of
 *   several page loads.
 * - search_keystroke_p50_ms / _p95_ms: from a key press in the search box (the keydown event's
 *   timestamp) to the next painted frame (requestAnimationFrame, then a task after it). One pass
 *   types and erases four queries (84 keystrokes) in a freshly loaded page; each figure is the
 *   median over the LOADS passes of that pass's percentile. A keystroke's time is counted in
 *   whole frames (the next paint waits for the display's frame), so one pass's p95 — its 5th
 *   slowest keystroke — moves by a frame from pass to pass; the median of the passes is the
 *   figure (before 2026-12-03's fourth session, one pass was the figure).
 *
 * Needs `npx electron-vite build` first (or KEYFLARE_BENCH_RENDERER naming another built renderer
 * folder, to compare two builds back to back). Run with `npx tsx bench/renderer.ts`, or from
 * bench/run.ts through `rendererBench`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { median, round, type BenchModule, type BenchResult } from './bench-result';
import { CHROMIUM, CHROMIUM_ARGS, RENDERER_DIR, ROOT, serveBuiltRenderer } from './renderer-server';

/** One measured number: the shape bench/run.ts prints. */
export type BenchLine = BenchResult;

const TOKEN_COUNT = 10_000;
const LOADS = 5;
const QUERIES = ['dns write', 'acme prod', 'platform deploy', 'zone read'];
const PAGE_BUNDLE = path.join(ROOT, 'test-results/.bench/renderer-page.js');

interface BenchProbe {
  replyAt: number | null;
  rowsPaintedAt: number | null;
  keystrokes: number[];
}

/** The probe object in the page; `globalThis` is the page's window there. */
function probe(): BenchProbe | undefined {
  return (globalThis as unknown as { __bench?: BenchProbe }).__bench;
}

async function buildPageBundle(): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    root: ROOT,
    build: {
      outDir: path.dirname(PAGE_BUNDLE),
      emptyOutDir: true,
      minify: true,
      lib: {
        entry: path.join(ROOT, 'bench/renderer-page.ts'),
        formats: ['iife'],
        name: 'KeyflareRendererBench',
        fileName: () => path.basename(PAGE_BUNDLE),
      },
    },
  });
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export async function runRendererBench(): Promise<BenchLine[]> {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    throw new Error('The renderer is not built: run `npx electron-vite build` first.');
  }
  await buildPageBundle();
  const server = await serveBuiltRenderer();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      colorScheme: 'light',
    });
    await context.addInitScript({ path: PAGE_BUNDLE });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    const keystrokesAtLeast = (count: number): Promise<unknown> =>
      page.waitForFunction(
        (want) =>
          ((globalThis as unknown as { __bench?: { keystrokes: number[] } }).__bench?.keystrokes.length ??
            0) >= want,
        count,
      );

    // Each load is one run: the first render, then one typing pass in a fresh page (no answer
    // remembered from an earlier pass, as for someone who opens the window and searches).
    const firstRender: number[] = [];
    const passes: number[][] = [];
    for (let load = 0; load < LOADS; load += 1) {
      await page.goto(`${server.url}?tokens=${TOKEN_COUNT}`);
      // Functions, not strings: the page's CSP forbids eval, and Playwright runs functions without it.
      await page.waitForFunction(
        () => {
          const bench = (
            globalThis as unknown as { __bench?: { replyAt: number | null; rowsPaintedAt: number | null } }
          ).__bench;
          return bench !== undefined && bench.replyAt !== null && bench.rowsPaintedAt !== null;
        },
        undefined,
        { timeout: 60_000 },
      );
      const timing = await page.evaluate(probe);
      if (!timing || timing.replyAt === null || timing.rowsPaintedAt === null)
        throw new Error('the probe saw no table');
      firstRender.push(timing.rowsPaintedAt - timing.replyAt);

      await page.getByRole('searchbox', { name: 'Search tokens' }).click();
      // Warm-up keystrokes are not counted: the first ones pay for lazy compilation in V8.
      for (const key of ['x', 'Backspace']) await page.keyboard.press(key);
      await keystrokesAtLeast(2);
      await page.evaluate(() => {
        const bench = (globalThis as unknown as { __bench?: { keystrokes: number[] } }).__bench;
        if (bench) bench.keystrokes = [];
      });
      let expected = 0;
      for (const query of QUERIES) {
        for (const key of [...query.split(''), ...query.split('').map(() => 'Backspace')]) {
          await page.keyboard.press(key === ' ' ? 'Space' : key);
          expected += 1;
          await keystrokesAtLeast(expected);
        }
      }
      passes.push((await page.evaluate(probe))?.keystrokes ?? []);
    }
    if (errors.length > 0) throw new Error(`The page threw: ${errors.join('; ')}`);
    const perPass = (p: number): number[] => passes.map((keystrokes) => percentile(keystrokes, p));
    process.stderr.write(
      `bench: search keystroke p95 per pass (one per page load): ${perPass(95)
        .map((v) => round(v))
        .join(', ')} ms\n`,
    );

    return [
      { bench: 'render_first_ms', value: round(median(firstRender)), unit: 'ms', target: 300 },
      {
        bench: 'search_keystroke_p50_ms',
        value: round(median(perPass(50))),
        unit: 'ms',
        target: null,
      },
      { bench: 'search_keystroke_p95_ms', value: round(median(perPass(95))), unit: 'ms', target: 35 },
    ];
  } finally {
    await browser.close().catch(() => undefined);
    await server.close();
  }
}

/** For bench/run.ts: `const modules = [coreSyncBench, rendererBench]`. */
export const rendererBench: BenchModule = { name: 'renderer', run: runRendererBench };

if (process.argv[1] && fileURLToPath(import.meta.url) === fs.realpathSync(process.argv[1])) {
  runRendererBench().then(
    (lines) => {
      for (const line of lines) process.stdout.write(`${JSON.stringify(line)}\n`);
    },
    (error: unknown) => {
      process.stderr.write(
        `renderer bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = 1;
    },
  );
}
