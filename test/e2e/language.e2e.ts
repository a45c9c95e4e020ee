/**
 * The window in Simplified Chinese, in the built renderer under Chromium (demo data): the
 * converted screens (shell, sidebar, status bar, Settings) in light and dark, and the Han
 * characters drawn with a CJK font rather than boxes or a random fallback.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createDemoBackend } from '../fixtures/renderer/demo-backend';
import { saveThemedScreenshots } from './support/screenshots';
import { launchStub, type StubApp, type StubHandler } from './support/stub-harness';

const opened: StubApp[] = [];
afterEach(async () => {
  for (const app of opened.splice(0)) await app.close();
});

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

describe('简体中文 (screenshots)', () => {
  it('follows a Chinese system: shell, sidebar, status bar and Settings in zh-CN, drawn in a CJK font', async () => {
    const backend = createDemoBackend({ now: () => new Date(), info: { systemLocales: ['zh-CN'] } });
    const app = await launchStub({ handlers: backend as unknown as Record<string, StubHandler> });
    opened.push(app);
    await app.page.locator('html[lang="zh-CN"]').waitFor({ state: 'attached' });
    const sidebar = app.page.getByRole('complementary', { name: '配置文件' });
    await sidebar.getByRole('button', { name: /全部令牌/u }).waitFor();
    expect(await platformFonts(app, '.sidebar .nav-label')).toEqual(
      expect.arrayContaining([expect.stringMatching(/CJK|Han Sans|PingFang|YaHei|WenQuanYi|Hei/u)]),
    );
    await saveThemedScreenshots(app.page, '20a-zh-CN-tokens');

    await sidebar.getByRole('button', { name: '设置' }).click();
    const dialog = app.page.getByRole('dialog', { name: '设置' });
    await dialog.getByLabel('语言').waitFor();
    expect(await dialog.getByLabel('语言').inputValue()).toBe('system');
    await saveThemedScreenshots(app.page, '20b-zh-CN-settings');
  });
});
