/**
 * Renders resources/icon.svg to the PNG sizes electron-builder and the window use.
 *
 * Run once after changing the SVG: `npx tsx scripts/render-icons.ts` (needs Chromium).
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const root = path.resolve(import.meta.dirname, '..');
const svg = fs.readFileSync(path.join(root, 'resources/icon.svg'), 'utf8');
const sizes = [16, 32, 48, 64, 128, 256, 512];

const browser = await chromium.launch({
  executablePath: process.env['KEYFLARE_CHROMIUM'] ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
});
const page = await browser.newPage();
for (const size of sizes) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg.replace('width="512" height="512"', `width="${size}" height="${size}"`)}</body></html>`,
  );
  const out = path.join(root, 'resources/icons', `${size}x${size}.png`);
  await page.screenshot({ path: out, omitBackground: true });
  if (size === 512) fs.copyFileSync(out, path.join(root, 'resources/icon.png'));
}
await browser.close();
console.log(`rendered ${sizes.length} icons`);
