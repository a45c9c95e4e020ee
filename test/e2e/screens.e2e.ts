/**
 * The screen gallery: every main screen with demo data, in light and dark, at 1280x800, saved
 * under test-results/screenshots/ for review. Runs the built renderer against the in-memory demo
 * backend (the same fixtures the renderer tests use), so it shows the screens even where the
 * real core cannot reach a state on demand (rate limits, keychain failures).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createDemoBackend, type DemoOptions } from '../fixtures/renderer/demo-backend';
import { FIXTURE_NOW, IDS, syncStatus } from '../fixtures/renderer/fixtures';
import { AddProfilePage } from './pages/add-profile-page';
import { AppPage } from './pages/app-page';
import { TokenDetailPage } from './pages/token-detail-page';
import { TokenListPage } from './pages/token-list-page';
import { WizardPage } from './pages/wizard-page';
import { saveScreenshot } from './support/screenshots';
import { launchStub, type StubApp, type StubHandler } from './support/stub-harness';

const opened: StubApp[] = [];
afterEach(async () => {
  for (const app of opened.splice(0)) await app.close();
});

async function open(
  colorScheme: 'light' | 'dark',
  options: DemoOptions = {},
  overrides: Record<string, StubHandler> = {},
): Promise<StubApp> {
  const backend = createDemoBackend({ now: () => new Date(), ...options });
  const app = await launchStub({
    handlers: { ...(backend as unknown as Record<string, StubHandler>), ...overrides },
    colorScheme,
  });
  opened.push(app);
  await new AppPage(app.page).waitUntilLoaded();
  return app;
}

describe('screen gallery (demo data)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`first start (${scheme})`, async () => {
      const app = await open(scheme, { profiles: [], rows: [] });
      await app.page.getByTestId('welcome').waitFor();
      await saveScreenshot(app.page, `01-welcome-${scheme}`);
      await new AppPage(app.page).openAddProfile();
      const add = new AddProfilePage(app.page);
      await add.fill({ label: 'Personal', secret: 'cfut_not-a-real-secret-just-typing' });
      await saveScreenshot(app.page, `02-add-profile-${scheme}`);
    });

    it(`a profile without tokens (${scheme})`, async () => {
      const app = await open(scheme, { rows: [] });
      await new AppPage(app.page).showView('Acme Corp');
      await app.page.getByTestId('no-tokens').waitFor();
      await saveScreenshot(app.page, `02b-empty-profile-${scheme}`);
    });

    it(`inventory, detail and dialogs (${scheme})`, async () => {
      const app = await open(scheme);
      const shell = new AppPage(app.page);
      const list = new TokenListPage(app.page);
      await list.waitForRow('GitHub Actions — deploy acme.com');
      await saveScreenshot(app.page, `03-all-tokens-${scheme}`);

      await list.open('GitHub Actions — deploy acme.com');
      await saveScreenshot(app.page, `04-token-detail-${scheme}`);

      await list.open('Cache purge bot');
      await app.page.getByTestId('token-detail').locator('.policy').first().waitFor();
      await saveScreenshot(app.page, `05-token-detail-exclusion-${scheme}`);

      await new TokenDetailPage(app.page).close();
      await list.searchFor('dns write');
      await list.toggle('No IP filter');
      await saveScreenshot(app.page, `06-search-filter-${scheme}`);
      await list.clearFilters();

      await shell.showView('Acme Corp');
      await saveScreenshot(app.page, `07-profile-view-${scheme}`);

      await list.open('Grafana — analytics');
      await saveScreenshot(app.page, `08-detail-no-secret-${scheme}`);

      await shell.openProfile('Acme Corp');
      await app.page.getByTestId('profile-dialog').waitFor();
      await saveScreenshot(app.page, `09-profile-dialog-${scheme}`);
      await app.page.keyboard.press('Escape');

      await shell.openSettings();
      await app.page.getByTestId('settings-dialog').waitFor();
      await saveScreenshot(app.page, `10-settings-${scheme}`);
      await app.page.keyboard.press('Escape');

      await list.open('GitHub Actions — deploy acme.com');
      await new TokenDetailPage(app.page).action('Roll').click();
      await app.page.getByTestId('roll-dialog').waitFor();
      await saveScreenshot(app.page, `11a-roll-confirm-${scheme}`);
      await app.page.keyboard.press('Escape');
      await list.open('Grafana — analytics');
      await app.page.getByRole('button', { name: 'Adopt existing secret' }).click();
      await app.page
        .getByTestId('adopt-dialog')
        .getByLabel('Token secret')
        .fill('cfut_example-only-not-a-secret-000000');
      await saveScreenshot(app.page, `11b-adopt-${scheme}`);
      await app.page.keyboard.press('Escape');
      await list.open('GitHub Actions — deploy acme.com');
      await new TokenDetailPage(app.page).action('Delete').click();
      await app.page.getByTestId('delete-dialog').getByRole('textbox').fill('GitHub Actions');
      await saveScreenshot(app.page, `11-delete-confirm-${scheme}`);
      await app.page.keyboard.press('Escape');
    });

    it(`create wizard (${scheme})`, async () => {
      const app = await open(scheme);
      await new TokenListPage(app.page).waitForRow('Cache purge bot');
      const wizard = new WizardPage(app.page);
      await wizard.openWithShortcut();
      await wizard.dialog.locator('.template-card:not(.template-card-loading)').nth(3).waitFor();
      await saveScreenshot(app.page, `12-wizard-templates-${scheme}`);
      await wizard.chooseTemplate('Edit zone DNS');
      await wizard.name('certbot — alex.blog');
      await wizard.addResource(1);
      await wizard.chooseResource(1, 'alex.blog');
      await saveScreenshot(app.page, `13-wizard-access-${scheme}`);
      await wizard.continue();
      await wizard.expiresIn('90 days');
      await wizard.onlyFrom('198.51.100.24/32');
      await saveScreenshot(app.page, `14-wizard-limits-${scheme}`);
      await wizard.review();
      await saveScreenshot(app.page, `15-wizard-review-${scheme}`);
      await wizard.create();
      expect(await wizard.secret()).toMatch(/^cfut_/u);
      await saveScreenshot(app.page, `16-wizard-secret-${scheme}`);
    });

    it(`offline, rate limit and keychain problems (${scheme})`, async () => {
      const retryAt = new Date(Date.now() + 7 * 60_000).toISOString();
      const app = await open(
        scheme,
        {
          info: {
            keychain: { available: false, message: { key: 'errors.keychain.unavailable' } },
            dataEvents: [
              {
                store: 'cache',
                kind: 'corrupt_moved',
                message: { key: 'outcomes.dataFile.cacheMoved' },
                movedTo: [
                  '/home/alex/.config/Keyflare/keyflare-cache.sqlite.corrupt-2026-03-10T09-12-00-000Z',
                ],
                at: new Date().toISOString(),
              },
            ],
          },
        },
        {
          'sync.status': () => ({
            ok: true,
            value: [
              syncStatus(IDS.personal, {
                offline: true,
                lastSuccessAt: new Date(FIXTURE_NOW.getTime()).toISOString(),
              }),
              syncStatus(IDS.acme, { rateLimitedUntil: retryAt }),
              syncStatus(IDS.globex, {
                running: true,
                progress: { profileId: IDS.globex, done: 7, planned: 18 },
              }),
            ],
          }),
        },
      );
      const list = new TokenListPage(app.page);
      await list.waitForRow('certbot — example.dev');
      await list.open('certbot — example.dev');
      await saveScreenshot(app.page, `17-problems-${scheme}`);
    });
  }
});
