/**
 * Serves the built renderer for the renderer benchmark, as the app:// protocol would: same files,
 * same Content-Security-Policy.
 */
import path from 'node:path';
import { serveRenderer, type StaticServer } from '../test/support/static-server';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const RENDERER_DIR = path.join(ROOT, 'out/renderer');
export { CHROMIUM, CHROMIUM_ARGS } from '../test/support/chromium';

export type { StaticServer as RendererServer } from '../test/support/static-server';

/** The built renderer over loopback HTTP with the app's CSP (the same server the e2e suite uses). */
export function serveBuiltRenderer(): Promise<StaticServer> {
  return serveRenderer(RENDERER_DIR);
}
