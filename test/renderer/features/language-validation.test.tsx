/**
 * Validation problems on a Chinese system: the token wizard puts each draft problem next to its
 * field in Chinese (a missing name, a policy without resources, a bad IP range with the value as
 * typed), and a contract validation error from the core (the dispatcher's own, on the real
 * schema) names the add-login dialog's field problem in Chinese.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { validationError } from '../../../src/shared/validation-error';
import type { ChannelName } from '../../../src/shared/channels';
import { contract } from '../../../src/shared/contract';
import { collectWords, englishLeftovers, fixtureNames } from '../../fixtures/renderer/english-leaks';
import { AppWindow } from '../pages/app-window';

const CHANNELS: ChannelName[] = ['permissionGroups.list', 'templates.list', 'tokens.preview'];

async function openInChinese(options: Parameters<typeof AppWindow.open>[0] = {}): Promise<AppWindow> {
  const app = await AppWindow.open({ channels: CHANNELS, info: { systemLocales: ['zh-CN'] }, ...options });
  await waitFor(() => expect(document.documentElement.lang).toBe('zh-CN'));
  return app;
}

/** The English left in `element`, names (and the range the user typed) aside. */
function english(element: Element): string[] {
  return englishLeftovers(collectWords(element), fixtureNames());
}

describe('validation problems in 简体中文', () => {
  it('the wizard says each draft problem in Chinese next to its field', async () => {
    const app = await openInChinese();
    await app.user.click(screen.getByRole('button', { name: '新建令牌' }));
    const wizard = await screen.findByRole('dialog', { name: '创建 API 令牌' });
    await app.user.click(await within(wizard).findByRole('button', { name: /Edit Zone DNS/u }));
    await within(wizard).findByTestId('wizard-access');

    const name = within(wizard).getByLabelText('令牌名称');
    await app.user.clear(name);
    await app.user.click(within(wizard).getByRole('button', { name: '继续' }));
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription(/请为令牌命名/u);
    expect(within(wizard).getByRole('list', { name: '策略 1 中的问题' })).toHaveTextContent(
      '请至少选择一个资源',
    );
    expect(english(within(wizard).getByTestId('wizard-access'))).toEqual([]);

    await app.user.type(name, 'deploy');
    await app.user.click(within(wizard).getByRole('button', { name: '添加区域' }));
    await app.user.selectOptions(
      within(wizard).getByRole('combobox', { name: '区域（策略 1，资源 1）' }),
      'alex.blog',
    );
    await app.user.click(within(wizard).getByRole('button', { name: '继续' }));
    await within(wizard).findByTestId('wizard-limits');

    const onlyFrom = within(wizard).getByLabelText(/仅允许来自以下地址的请求/u);
    await app.user.type(onlyFrom, '10.0.0.0/33');
    await app.user.click(within(wizard).getByRole('button', { name: '检查' }));
    await waitFor(() => expect(onlyFrom).toHaveAttribute('aria-invalid', 'true'));
    expect(onlyFrom).toHaveAccessibleDescription(
      '“10.0.0.0/33”的前缀是 /33，但 IPv4 范围的前缀只能是 /0 到 /32',
    );
    expect(within(wizard).queryByTestId('review-body')).toBeNull();
    expect(english(within(wizard).getByTestId('wizard-limits'))).toEqual([]);
  });

  it('a contract validation error names the field’s problem in Chinese', async () => {
    const app = await openInChinese({
      profiles: [],
      rows: [],
      waitForRows: false,
      before: (mock) =>
        mock.handle('profiles.add', (input) => {
          const parsed = contract['profiles.add'].input.safeParse(input);
          if (parsed.success) throw new Error('the test sends a token too short for the schema');
          return { ok: false, error: validationError(parsed.error).toShape() };
        }),
    });
    await app.user.click(await screen.findByRole('button', { name: '添加 Cloudflare 登录' }));
    const dialog = await screen.findByRole('dialog', { name: '添加 Cloudflare 登录' });
    await app.user.type(within(dialog).getByLabelText('配置文件名称'), 'Personal');
    const token = within(dialog).getByLabelText('API 令牌');
    await app.user.type(token, 'short');
    await app.user.click(within(dialog).getByRole('button', { name: '添加配置文件' }));
    await waitFor(() => expect(token).toHaveAttribute('aria-invalid', 'true'));
    expect(token).toHaveAccessibleDescription(/API 令牌至少有 20 个字符/u);
    expect(app.mock.callsOf('profiles.add')).toHaveLength(1);
  });
});
