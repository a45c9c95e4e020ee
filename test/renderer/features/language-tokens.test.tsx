/**
 * The token screens on a Chinese system, as a Chinese reader sees them: the token list with a
 * token selected and its detail panel, the roll dialog and the show-once secret, and the create
 * wizard's four steps. Each screen is read for the words a person sees or hears and fails on any
 * English left in it (english-leaks.ts names the text), besides asserting the Chinese that should
 * be there, that names (tokens, permission groups, accounts, zones) stay as Cloudflare sends
 * them, and that dates read as zh-CN writes them.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChannelName } from '../../../src/shared/channels';
import { collectWords, englishLeftovers, fixtureNames } from '../../fixtures/renderer/english-leaks';
import { AppWindow } from '../pages/app-window';
import { escapeRegExp } from '../pages/text';

const CHANNELS: ChannelName[] = [
  'tokens.get',
  'tokens.roll',
  'permissionGroups.list',
  'templates.list',
  'tokens.preview',
  'tokens.create',
  'clipboard.copy',
];

const GITHUB = 'GitHub Actions — deploy acme.com';

/**
 * A sentence the core still sends in English, shown as it comes (not the window's words): the
 * preview's summary. Left out of the English check until the core sends it as a message.
 */
const CORE_SENTENCES = ['[data-testid="review-summary"]'];

/**
 * Besides the demo data's names: a product in the token name's example, and the words of
 * Cloudflare's permission-group names the permission search's example types (the search matches
 * those names, which stay English).
 */
const NAMES = [...fixtureNames(), 'GitHub Actions', 'Workers', 'Read'];

async function openInChinese(): Promise<AppWindow> {
  const app = await AppWindow.open({ channels: CHANNELS, info: { systemLocales: ['zh-CN'] } });
  await waitFor(() => expect(document.documentElement.lang).toBe('zh-CN'));
  return app;
}

/** Fails with the English texts left in `element` (the core's sentences aside), by name. */
function expectNoEnglish(element: Element): void {
  const copy = element.cloneNode(true) as Element;
  for (const core of copy.querySelectorAll(CORE_SENTENCES.join(', '))) core.remove();
  expect(englishLeftovers(collectWords(copy), NAMES)).toEqual([]);
}

function row(name: string): HTMLElement {
  return screen.getByRole('row', { name: new RegExp(escapeRegExp(name), 'u') });
}

function dialog(name: string | RegExp): Promise<HTMLElement> {
  return screen.findByRole('dialog', { name });
}

describe('the token screens in 简体中文', () => {
  it('token list with a token selected, and its detail panel', async () => {
    const app = await openInChinese();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('全部令牌');
    const table = screen.getByRole('grid', { name: '令牌' });
    expect(within(table).getByRole('columnheader', { name: /名称/u })).toBeInTheDocument();
    expect(within(table).getByRole('button', { name: '密钥在钥匙串中' })).toHaveAttribute(
      'title',
      '按钥匙串中是否有密钥排序',
    );
    expect(screen.getByRole('searchbox', { name: '搜索令牌' })).toHaveAttribute(
      'placeholder',
      '搜索名称、权限、区域…',
    );
    expect(screen.getByTestId('result-count')).toHaveTextContent(/^\d+ 个令牌$/u);
    expect(screen.getByRole('button', { name: '即将过期' })).toHaveAttribute('title', '30 天内过期');

    await app.user.click(row(GITHUB));
    const detail = await screen.findByTestId('token-detail');
    await within(detail).findByRole('region', { name: '历史记录' });
    // Names stay as Cloudflare sends them: the token, its permission groups, account and zone.
    expect(within(detail).getByRole('heading', { level: 2 })).toHaveTextContent(GITHUB);
    const access = within(detail).getByRole('region', { name: '访问权限' });
    expect(access).toHaveTextContent('区域权限');
    expect(access).toHaveTextContent('DNS Write');
    expect(access).toHaveTextContent('区域 acme.com · Acme Production');
    expect(access).toHaveTextContent('账户 Acme Production');
    expect(within(detail).getByRole('region', { name: 'IP 筛选' })).toHaveTextContent('仅允许192.0.2.0/24');
    // Dates as zh-CN writes them: "2026年3月10日 22:02", relative times in Chinese.
    const validity = within(detail).getByRole('region', { name: '有效期' });
    expect(validity).toHaveTextContent(/\d{4}年\d{1,2}月\d{1,2}日/u);
    expect(validity).toHaveTextContent(/个月后|天后/u);
    expect(within(detail).getByRole('toolbar', { name: '令牌操作' })).toHaveTextContent(
      /验证.*复制 curl.*复制密钥.*编辑.*轮换.*禁用.*删除/u,
    );
    expect(detail).not.toHaveTextContent(/Works from any IP|Only from|Last verify|Token ID/u);
    expectNoEnglish(document.body);

    // A token without a kept secret: the reasons for unavailable actions are Chinese too.
    await app.user.click(row('Grafana — analytics'));
    const reasons = await within(screen.getByTestId('token-detail')).findByRole('list', {
      name: '部分操作不可用的原因',
    });
    expect(reasons).toHaveTextContent('Keyflare 没有此令牌的密钥：请先采用密钥');
    expectNoEnglish(screen.getByTestId('token-detail'));
  });

  it('search finds a token by the Chinese words its row shows for its scope', async () => {
    const app = await openInChinese();
    const shown = (): string[] =>
      [...screen.getByRole('grid').querySelectorAll('[role="row"] .cell-name')].map(
        (cell) => cell.textContent ?? '',
      );
    const box = screen.getByRole('searchbox');
    await app.user.type(box, '所有区域');
    await waitFor(() => expect(shown()).toContain('Grafana — analytics'));
    const chinese = shown();
    // Every row found says 所有区域 in its resources; a token on named zones only is not found.
    expect(chinese).not.toContain('GitHub Actions — deploy acme.com');
    for (const name of chinese) expect(row(name)).toHaveTextContent(/所有区域/u);
    // The English words (what `keyflare tokens --search` reads) find the same tokens.
    await app.user.clear(box);
    await app.user.type(box, 'all zones');
    await waitFor(() => expect(shown()).toEqual(chinese));
    // The IP filter is found in its Chinese words too.
    await app.user.clear(box);
    await app.user.type(box, '仅允许 192.0.2.0/24');
    await waitFor(() => expect(shown()).toEqual(['GitHub Actions — deploy acme.com']));
  });

  it('roll dialog and the show-once secret', async () => {
    const app = await openInChinese();
    await app.user.click(row(GITHUB));
    const detail = await screen.findByTestId('token-detail');
    await app.user.click(within(detail).getByRole('button', { name: '轮换' }));
    const confirm = await dialog(`轮换 ${GITHUB}？`);
    expect(within(confirm).getByRole('checkbox', { name: '将新密钥保存在钥匙串中' })).toBeChecked();
    expectNoEnglish(confirm);
    await app.user.click(within(confirm).getByRole('button', { name: '轮换令牌' }));

    const shown = await screen.findByTestId('show-once-secret');
    expect(shown).toHaveTextContent(`${GITHUB} 已有新密钥`);
    expect(shown).toHaveTextContent('请立即复制密钥：它不会再次显示');
    expect(within(shown).getByLabelText<HTMLInputElement>('令牌密钥').value).toMatch(/^cf/u);
    expect(within(shown).getByTestId('keychain-note')).toHaveTextContent('已保存在钥匙串中');
    expect(shown).not.toHaveTextContent(/Copy the secret now|Kept in the keychain/u);
    expectNoEnglish(await dialog(`${GITHUB} 的新密钥`));

    await app.user.click(within(shown).getByRole('button', { name: '复制密钥' }));
    expect(await screen.findByText(/^密钥已复制，\d+ 秒后从剪贴板清除$/u)).toBeInTheDocument();
  });

  it('the create wizard’s four steps and the new secret', async () => {
    const app = await openInChinese();
    await app.user.click(screen.getByRole('button', { name: '新建令牌' }));
    const wizard = await dialog('创建 API 令牌');
    const templates = await within(wizard).findByRole('list', { name: '从以下开始' });
    // Template names are Cloudflare's own; our words around them are Chinese.
    expect(within(templates).getByRole('button', { name: /Edit Zone DNS/u })).toBeInTheDocument();
    expect(within(templates).getByRole('button', { name: /自定义令牌/u })).toBeInTheDocument();
    expect(within(wizard).getByRole('list', { name: '步骤' })).toHaveTextContent(
      /模板.*权限和资源.*IP 筛选和日期.*检查/u,
    );
    expect(within(wizard).getByLabelText('所有者')).toHaveTextContent('用户令牌（属于 alex@example.dev）');
    expectNoEnglish(wizard);

    await app.user.click(within(templates).getByRole('button', { name: /Edit Zone DNS/u }));
    await within(wizard).findByTestId('wizard-access');
    expect(within(wizard).getByLabelText('令牌名称')).toHaveValue('Edit Zone DNS');
    expect(within(wizard).getByRole('list', { name: '策略 1 已选的权限' })).toHaveTextContent('DNS Write');
    await app.user.click(within(wizard).getByRole('button', { name: '继续' }));
    expect(within(wizard).getByRole('alert')).toHaveTextContent('继续之前还有 1 处需要修改。');
    expectNoEnglish(wizard.querySelector('.wizard-issue-count') ?? wizard);
    await app.user.click(within(wizard).getByRole('button', { name: '添加区域' }));
    await app.user.selectOptions(
      within(wizard).getByRole('combobox', { name: '区域（策略 1，资源 1）' }),
      'alex.blog',
    );
    expect(within(wizard).getByRole('combobox', { name: '资源类型（策略 1，资源 1）' })).toHaveTextContent(
      '特定区域',
    );
    expectNoEnglish(wizard);

    await app.user.click(within(wizard).getByRole('button', { name: '继续' }));
    await within(wizard).findByTestId('wizard-limits');
    await app.user.click(within(wizard).getByRole('button', { name: '30 天' }));
    // The end date's hint names the day as zh-CN writes it.
    expect(within(wizard).getByText(/^于 \d{4}年\d{1,2}月\d{1,2}日零点（UTC）过期。$/u)).toBeInTheDocument();
    expect(within(wizard).getByRole('heading', { name: '客户端 IP 地址筛选' })).toBeInTheDocument();
    expectNoEnglish(wizard);

    await app.user.click(within(wizard).getByRole('button', { name: '检查' }));
    await within(wizard).findByTestId('review-body');
    expect(within(wizard).getByRole('heading', { name: '摘要' })).toBeInTheDocument();
    expect(within(wizard).getByRole('heading', { name: '请求' })).toBeInTheDocument();
    expectNoEnglish(wizard);

    await app.user.click(within(wizard).getByRole('button', { name: '创建令牌' }));
    const shown = await screen.findByTestId('show-once-secret');
    expect(shown).toHaveTextContent('Edit Zone DNS 已就绪');
    expect(shown).toHaveTextContent('Personal 中的用户令牌。');
    expectNoEnglish(await dialog('令牌已创建'));
  });
});
