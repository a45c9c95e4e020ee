/**
 * Serves the built renderer for the renderer benchmark, as the app:// protocol would: same files,
 * same Content-Security-Policy.
 */
import path from 'node:path';
import { serveRenderer, type StaticServer } from '../test/support/static-server';

export const ROOT = path.resolve(import.meta.dirname, '..');
/**
 * The built renderer: out/renderer, or the folder KEYFLARE_BENCH_RENDERER names (relative to the
 * current folder), so two builds can be measured back to back without rebuilding the shared out/.
 */
export const RENDERER_DIR = process.env.KEYFLARE_BENCH_RENDERER
  ? path.resolve(process.env.KEYFLARE_BENCH_RENDERER)
  : path.join(ROOT, 'out/renderer');
export { CHROMIUM, CHROMIUM_ARGS } from '../test/support/chromium';

export type { StaticServer as RendererServer } from '../test/support/static-server';

/** The built renderer over loopback HTTP with the app's CSP (the same server the e2e suite uses). */
export function serveBuiltRenderer(): Promise<StaticServer> {
  return serveRenderer(RENDERER_DIR);
}
