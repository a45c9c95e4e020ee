/**
 * Renders the tray icons in resources/tray from their SVGs (tray, tray-attention, trayTemplate).
 *
 * Windows takes 16 px with a @2x twin, Linux 32 px (panels draw 22–24 px and scale down better
 * than up), macOS a black template image the menu bar tints. electron-builder copies the PNGs
 * beside the app as `tray/` (extraResources); electron/tray.ts picks one per platform and state.
 * Run after changing an SVG: `npx tsx scripts/render-tray-icons.ts` (needs Chromium).
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const dir = path.resolve(import.meta.dirname, '..', 'resources/tray');
const outputs: { svg: string; size: number; file: string }[] = [
  { svg: 'tray.svg', size: 16, file: 'tray.png' },
  { svg: 'tray.svg', size: 32, file: 'tray@2x.png' },
  { svg: 'tray.svg', size: 32, file: 'tray-32.png' },
  { svg: 'tray-attention.svg', size: 16, file: 'tray-attention.png' },
  { svg: 'tray-attention.svg', size: 32, file: 'tray-attention@2x.png' },
  { svg: 'tray-attention.svg', size: 32, file: 'tray-attention-32.png' },
  { svg: 'trayTemplate.svg', size: 16, file: 'trayTemplate.png' },
  { svg: 'trayTemplate.svg', size: 32, file: 'trayTemplate@2x.png' },
];

const browser = await chromium.launch({
  executablePath: process.env['KEYFLARE_CHROMIUM'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
const page = await browser.newPage();
for (const { svg, size, file } of outputs) {
  const source = fs
    .readFileSync(path.join(dir, svg), 'utf8')
    .replace(/width="\d+" height="\d+"/u, `width="${size}" height="${size}"`);
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<html><body style="margin:0;background:transparent">${source}</body></html>`);
  await page.screenshot({ path: path.join(dir, file), omitBackground: true });
}
await browser.close();
console.log(`rendered ${outputs.length} tray icons`);
