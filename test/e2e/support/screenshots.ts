/**
 * Saves full-window screenshots under test-results/screenshots/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { SCREENSHOT_DIR } from './paths';

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/**
 * Saves `<name>-light.png` and `<name>-dark.png` of the screen as it is now. The app follows the
 * system theme by default, so switching the emulated colour scheme re-themes it in place.
 */
export async function saveThemedScreenshots(page: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForFunction((want) => document.documentElement.dataset['theme'] === want, scheme);
    // Let the re-themed styles reach a painted frame before capturing (under load the capture
    // could otherwise race the repaint and show the previous theme).
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
    );
    await saveScreenshot(page, `${name}-${scheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
