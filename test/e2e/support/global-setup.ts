/**
 * e2e global setup: checks the renderer is built and bundles the preload's api builder for the
 * browser, so the page gets window.api from the production code.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { BRIDGE_BUNDLE, CHROMIUM, RENDERER_DIR, ROOT } from './paths';

export default async function setup(): Promise<void> {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    throw new Error('The renderer is not built: run `npm run build` before the e2e suite (npm test does).');
  }
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install it with \`sudo apt-get install -y chromium\`.`,
    );
  }
  await build({
    configFile: false,
    logLevel: 'warn',
    root: ROOT,
    build: {
      outDir: path.dirname(BRIDGE_BUNDLE),
      emptyOutDir: true,
      minify: false,
      lib: {
        entry: path.join(ROOT, 'test/e2e/support/bridge-entry.ts'),
        formats: ['iife'],
        name: 'KeyflareBridge',
        fileName: () => path.basename(BRIDGE_BUNDLE),
      },
    },
  });
}
