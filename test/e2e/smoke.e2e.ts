import { afterEach, describe, expect, it } from 'vitest';
import { CACHE_SCHEMA_VERSION } from '../../src/main/core/db/cache-migrations';
import { PROFILE_STORE_SCHEMA_VERSION } from '../../src/main/core/db/profile-store-migrations';
import { createMemoryStore } from '../../src/main/core/secrets/memory-store';
import { AppPage } from './pages/app-page';
import { launchKeyflare, type KeyflareApp } from './support/harness';
import { saveScreenshot } from './support/screenshots';

const apps: KeyflareApp[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

describe('smoke: the real app shell through window.api', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`shows the shell with data read from the core over the bridge (${colorScheme})`, async () => {
      const app = await launchKeyflare({ colorScheme, core: { secrets: createMemoryStore() } });
      apps.push(app);
      const shell = new AppPage(app.page);
      await shell.waitUntilLoaded();
      expect(await shell.versionText()).toBe(
        `Keyflare 0.1.0-e2e · data schema ${PROFILE_STORE_SCHEMA_VERSION}.${CACHE_SCHEMA_VERSION}`,
      );
      expect(await shell.sidebar.getByText('Keyflare', { exact: true }).isVisible()).toBe(true);
      expect(await app.page.evaluate(() => document.documentElement.dataset['theme'])).toBe(colorScheme);
      // The page reached the core: the calls it made were answered by the real handlers.
      expect(app.replies.map((r) => r.channel)).toEqual(expect.arrayContaining(['app.info', 'settings.get']));
      await saveScreenshot(app.page, `smoke-shell-${colorScheme}`);
    });
  }
});
