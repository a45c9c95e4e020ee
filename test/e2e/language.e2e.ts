/**
 * The window in Simplified Chinese, in the built renderer under Chromium (demo data): the main
 * screens in light and dark (welcome, the token list with a token's detail, the create wizard's
 * four steps and its show-once secret, Health, Access, the profile dialog, Settings and the
 * sandbox banner), the Han characters drawn with a CJK font rather than boxes or a random
 * fallback, and no English sentence left on any of them: each screen's words (text and the
 * attributes read aloud) are scanned for Latin words outside the demo data's names and product
 * names, and a leftover fails the test with its screen and text.
 *
 * Screenshots: test-results/screenshots/20*-zh-CN-*-{light,dark}.png.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createI18n, translatorFor } from '../../src/shared/i18n';
import { createDemoBackend, type DemoOptions } from '../fixtures/renderer/demo-backend';
import { collectWords, englishLeftovers, fixtureNames } from '../fixtures/renderer/english-leaks';
import { saveThemedScreenshots } from './support/screenshots';
import { launchStub, type StubApp, type StubHandler } from './support/stub-harness';

const opened: StubApp[] = [];
afterEach(async () => {
  for (const app of opened.splice(0)) await app.close();
});

/** The catalogue's Chinese, so the steps find controls by what a Chinese reader sees. */
const zh = translatorFor(createI18n('zh-CN'), 'zh-CN');

const GITHUB = 'GitHub Actions — deploy acme.com';
/** The token the wizard creates: a name, like the demo data's. */
const CREATED = 'certbot — alex.blog';

async function openChinese(options: DemoOptions = {}): Promise<StubApp> {
  const backend = createDemoBackend({
    now: () => new Date(),
    info: { systemLocales: ['zh-CN'] },
    ...options,
  });
  const app = await launchStub({ handlers: backend as unknown as Record<string, StubHandler> });
  opened.push(app);
  await app.page.locator('html[lang="zh-CN"]').waitFor({ state: 'attached' });
  return app;
}

/** The font families Chromium actually used to draw the text of the first element `selector` finds. */
async function platformFonts(app: StubApp, selector: string): Promise<string[]> {
  const cdp = await app.context.newCDPSession(app.page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return fonts.map((font) => font.familyName);
}

/** English left on each screen, by screenshot name. */
type Leftovers = Record<string, string[]>;

/** Saves the screen light and dark, and notes any English left on it. */
async function capture(app: StubApp, name: string, leftovers: Leftovers): Promise<void> {
  await saveThemedScreenshots(app.page, name);
  const words = await app.page.locator('body').evaluate(collectWords);
  const english = englishLeftovers(words, [...fixtureNames(), CREATED]);
  if (english.length > 0) leftovers[name] = english;
}

function sidebar(app: StubApp): ReturnType<StubApp['page']['getByRole']> {
  return app.page.getByRole('complementary', { name: zh('sidebar.label') });
}

describe('简体中文 (screenshots)', () => {
  it('follows a Chinese system: shell, sidebar, status bar and Settings in zh-CN, drawn in a CJK font', async () => {
    const app = await openChinese();
    const nav = sidebar(app);
    await nav.getByRole('button', { name: /全部令牌/u }).waitFor();
    expect(await platformFonts(app, '.sidebar .nav-label')).toEqual(
      expect.arrayContaining([expect.stringMatching(/CJK|Han Sans|PingFang|YaHei|WenQuanYi|Hei/u)]),
    );
    const leftovers: Leftovers = {};
    await capture(app, '20a-zh-CN-tokens', leftovers);

    await nav.getByRole('button', { name: '设置' }).click();
    const dialog = app.page.getByRole('dialog', { name: '设置' });
    await dialog.getByLabel('语言').waitFor();
    expect(await dialog.getByLabel('语言').inputValue()).toBe('system');
    await capture(app, '20b-zh-CN-settings', leftovers);
    await dialog.getByRole('heading', { name: zh('settings.about.heading') }).scrollIntoViewIfNeeded();
    await capture(app, '20b2-zh-CN-settings-end', leftovers);
    expect(leftovers).toEqual({});
  });

  it('the main screens say nothing in English, light and dark', async () => {
    const leftovers: Leftovers = {};

    const first = await openChinese({ profiles: [], rows: [] });
    await first.page.getByTestId('welcome').waitFor();
    await capture(first, '20c-zh-CN-welcome', leftovers);
    await first.close();
    opened.splice(opened.indexOf(first), 1);

    const app = await openChinese();
    const page = app.page;
    const nav = sidebar(app);
    await page.getByRole('row', { name: new RegExp(GITHUB, 'u') }).click();
    await page.getByTestId('token-detail').locator('.policy').first().waitFor();
    await capture(app, '20d-zh-CN-token-detail', leftovers);
    // Share a request: what the link carries and what to add by hand, worded in Chinese.
    await page
      .getByTestId('token-detail')
      .getByRole('button', { name: zh('policyCode.menu.more') })
      .click();
    await page.getByRole('menuitem', { name: new RegExp(`^${zh('policyCode.menu.share')}`, 'u') }).click();
    await page.getByTestId('share-manual').waitFor();
    await capture(app, '20d2-zh-CN-share', leftovers);
    await page.keyboard.press('Escape');
    await page.getByTestId('share-dialog').waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');

    await nav.getByRole('button', { name: zh('sidebar.manageProfileNamed', { label: 'Acme Corp' }) }).click();
    await page.getByTestId('profile-dialog').waitFor();
    await capture(app, '20e-zh-CN-profile-dialog', leftovers);
    await page.keyboard.press('Escape');
    await page.getByTestId('profile-dialog').waitFor({ state: 'detached' });

    await nav.getByRole('button', { name: new RegExp(`^${zh('health.title')}`, 'u') }).click();
    await page.getByTestId('health-list').waitFor();
    await capture(app, '20f-zh-CN-health', leftovers);

    await nav.getByRole('button', { name: new RegExp(`^${zh('access.title')}`, 'u') }).click();
    await page
      .getByRole('navigation', { name: zh('access.picker.label') })
      .getByRole('button', { name: /^acme\.com/u })
      .click();
    await page.getByTestId('access-answer').waitFor();
    await capture(app, '20g-zh-CN-access', leftovers);

    // The create wizard: start, access, limits, review, and the secret shown once.
    await page.keyboard.press('Control+N');
    const wizard = page.getByTestId('token-wizard');
    await wizard.locator('.template-card:not(.template-card-loading)').nth(3).waitFor();
    await capture(app, '20h-zh-CN-wizard-start', leftovers);
    await wizard.locator('.template-card', { hasText: 'Edit zone DNS' }).first().click();
    await wizard.getByTestId('wizard-access').waitFor();
    // The draft's problems next to their fields, in Chinese: no name, no resource yet.
    await wizard.getByLabel(zh('wizard.access.name')).fill('');
    await wizard.getByRole('button', { name: zh('wizard.continue') }).click();
    await wizard.locator('.field-error', { hasText: zh('validation.schema.tokenName') }).waitFor();
    await capture(app, '20i-zh-CN-wizard-access-problems', leftovers);
    await wizard.getByLabel(zh('wizard.access.name')).fill(CREATED);
    await wizard
      .getByRole('button', { name: zh('wizard.resources.addZones') })
      .first()
      .click();
    await wizard
      .locator('select', { has: page.locator('option', { hasText: 'alex.blog' }) })
      .first()
      .selectOption({ label: 'alex.blog' });
    await capture(app, '20i-zh-CN-wizard-access', leftovers);
    await wizard.getByRole('button', { name: zh('wizard.continue') }).click();
    await wizard.getByTestId('wizard-limits').waitFor();
    await wizard
      .getByRole('group', { name: zh('wizard.limits.presets') })
      .getByRole('button', { name: zh('wizard.limits.days90') })
      .click();
    const onlyFrom = wizard.getByLabel(new RegExp(`^${zh('wizard.limits.onlyFrom')}`, 'u'));
    // A range Cloudflare would refuse: its problem under the field, the value as typed.
    await onlyFrom.fill('198.51.100.24/33');
    await wizard.getByRole('button', { name: zh('wizard.toReview') }).click();
    await wizard.locator('.field-error', { hasText: '198.51.100.24/33' }).waitFor();
    await capture(app, '20j-zh-CN-wizard-limits-problems', leftovers);
    await onlyFrom.fill('198.51.100.24/32');
    await capture(app, '20j-zh-CN-wizard-limits', leftovers);
    await wizard.getByRole('button', { name: zh('wizard.toReview') }).click();
    await wizard.getByTestId('review-body').waitFor();
    await capture(app, '20k-zh-CN-wizard-review', leftovers);
    await wizard.getByRole('button', { name: zh('wizard.createToken') }).click();
    await wizard.getByTestId('show-once-secret').waitFor({ timeout: 30_000 });
    await capture(app, '20l-zh-CN-secret', leftovers);

    const sandbox = await openChinese({ sandbox: true });
    await sandbox.page.getByTestId('sandbox-banner').waitFor();
    await capture(sandbox, '20m-zh-CN-sandbox', leftovers);

    expect(leftovers).toEqual({});
  });
});
