/**
 * Where the e2e harness finds the built app and writes its artefacts.
 */
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../../..');
export const RENDERER_DIR = path.join(ROOT, 'out/renderer');
export const MAIN_ENTRY = path.join(ROOT, 'out/main/index.js');
export const BRIDGE_BUNDLE = path.join(ROOT, 'test-results/.e2e/api-bridge.js');
export const SCREENSHOT_DIR = path.join(ROOT, 'test-results/screenshots');
export { CHROMIUM } from '../../support/chromium';
