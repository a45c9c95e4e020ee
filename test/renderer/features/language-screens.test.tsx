/**
 * The cross-login screens and their dialogs on a Chinese system, as a Chinese reader sees them:
 * the access explorer, Health, bulk actions, policies as code (export, import, rotate, share), the
 * Report menu and the profile dialogs. Each screen is read for the words a person sees or hears
 * and fails on any English left in it (english-leaks.ts names the text), besides asserting the
 * Chinese that should be there.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChannelName } from '../../../src/shared/channels';
import { collectWords, englishLeftovers } from '../../fixtures/renderer/english-leaks';
import { AppWindow } from '../pages/app-window';
import { escapeRegExp } from '../pages/text';

const CHANNELS: ChannelName[] = [
  'access.explore',
  'health.list',
  'health.dismiss',
  'bulk.plan',
  'bulk.run',
  'reports.save',
  'tokens.get',
  'tokens.setStatus',
  'export.tokens',
  'export.copy',
  'import.resolve',
  'rotation.list',
  'keychain.entries',
];

const GITHUB = 'GitHub Actions — deploy acme.com';

async function openInChinese(): Promise<AppWindow> {
  const app = await AppWindow.open({ channels: CHANNELS, info: { systemLocales: ['zh-CN'] } });
  await waitFor(() => expect(document.documentElement.lang).toBe('zh-CN'));
  return app;
}

/** Fails with the English texts left in `element` (outside `alsoSkip`), by name. */
function expectNoEnglish(element: Element, alsoSkip = ''): void {
  expect(englishLeftovers(collectWords(element, alsoSkip))).toEqual([]);
}

function sidebar(): HTMLElement {
  return screen.getByRole('complementary', { name: '配置文件' });
}

function row(name: string): HTMLElement {
  return screen.getByRole('row', { name: new RegExp(escapeRegExp(name), 'u') });
}

describe('the cross-login screens in 简体中文', () => {
  it('access explorer: the picker, a zone’s answer and the unusable tokens', async () => {
    const app = await openInChinese();
    await app.user.click(within(sidebar()).getByRole('button', { name: /^访问权限/u }));
    const view = await screen.findByRole('region', { name: '访问权限' });
    const picker = within(view).getByRole('navigation', { name: '区域和账户' });
    expect(within(picker).getByRole('searchbox', { name: '查找区域或账户' })).toBeInTheDocument();
    expect(within(view).getByText('选择一个区域或账户')).toBeInTheDocument();
    // An account one login sees is just 账户 (Chinese plurals have no “one”: the message says =1).
    expect(within(picker).getByRole('button', { name: /^Acme Production/u })).toHaveTextContent(
      /^Acme Production账户$/u,
    );
    expectNoEnglish(view);

    await app.user.click(within(picker).getByRole('button', { name: /^acme\.com/u }));
    const answer = await screen.findByTestId('access-answer');
    expect(within(answer).getByRole('heading', { level: 2 })).toHaveTextContent(/^acme\.com/u);
    expect(answer.querySelector('.access-answer-counts')).toHaveTextContent(
      /今天有 \d+ 个令牌可以在这里操作/u,
    );
    await app.user.click(
      within(answer).getByRole('checkbox', { name: '显示已禁用、已过期和尚未生效的令牌' }),
    );
    expect(within(answer).getAllByText(/^(已禁用|已过期|尚未生效)$/u).length).toBeGreaterThan(0);
    expectNoEnglish(view);

    await app.user.type(within(picker).getByRole('searchbox'), '所有');
    expect(within(picker).getByRole('button', { name: /^所有区域/u })).toBeInTheDocument();
  });

  it('Health: the groups, a problem’s actions and snooze choices', async () => {
    const app = await openInChinese();
    await app.user.click(within(sidebar()).getByRole('button', { name: /^健康状况/u }));
    const view = await screen.findByRole('region', { name: '健康状况' });
    await within(view).findByTestId('health-list');
    expect(within(view).getByRole('heading', { level: 1 }).nextElementSibling).toHaveTextContent(
      /\d+ 项需立即处理 · \d+ 项待修复 · \d+ 项值得了解/u,
    );
    expect(within(view).getByRole('region', { name: /^立即处理/u })).toBeInTheDocument();
    expect(within(view).getAllByRole('button', { name: /^暂缓提醒/u }).length).toBeGreaterThan(0);
    expectNoEnglish(view);

    const [snooze] = within(view).getAllByRole('button', { name: /^暂缓提醒/u });
    await app.user.click(snooze as HTMLElement);
    expect(await screen.findByRole('menuitem', { name: '7 天' })).toBeInTheDocument();
  });

  it('bulk actions: the bar, the plan and the outcome', async () => {
    const app = await openInChinese();
    for (const name of ['Grafana — analytics', 'Cache purge bot']) {
      await app.user.keyboard('{Control>}');
      await app.user.click(row(name));
      await app.user.keyboard('{/Control}');
    }
    const bar = screen.getByTestId('bulk-bar');
    expect(bar).toHaveTextContent('已选择 2 个令牌');
    expectNoEnglish(bar);

    await app.user.click(within(bar).getByRole('button', { name: '禁用…' }));
    const dialog = await screen.findByRole('dialog', { name: '禁用令牌' });
    await within(dialog).findByTestId('bulk-summary');
    expect(within(dialog).getByText('将禁用 2 个令牌：')).toBeInTheDocument();
    expectNoEnglish(dialog);

    await app.user.click(within(dialog).getByRole('button', { name: '禁用 2 个令牌' }));
    await within(dialog).findByTestId('bulk-outcome');
    expect(within(dialog).getAllByText('已完成')).toHaveLength(2);
    expect(within(dialog).getByRole('button', { name: '重新启用' })).toBeInTheDocument();
    expectNoEnglish(dialog);
    // A group of an account's tokens is named in Chinese around the account's own name.
    await app.user.click(within(dialog).getAllByRole('button', { name: '关闭' }).at(-1) as HTMLElement);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await app.user.keyboard('{Control>}');
    await app.user.click(row('Terraform — staging'));
    await app.user.keyboard('{/Control}');
    await app.user.click(within(screen.getByTestId('bulk-bar')).getByRole('button', { name: '禁用…' }));
    const three = await screen.findByRole('dialog', { name: '禁用令牌' });
    await within(three).findByTestId('bulk-summary');
    expect(within(three).getByRole('region', { name: /· 账户 Acme Staging$/u })).toBeInTheDocument();
    expectNoEnglish(three);
  });

  it('policies as code: export, rotate and share from the detail, import from the list', async () => {
    const app = await openInChinese();
    await app.user.click(row(GITHUB));
    const panel = await screen.findByTestId('token-detail');
    // The token's reach, two Chinese sentences run on without a space.
    expect(
      (await within(panel).findByTestId('token-reach')).querySelector('.reach-summary span'),
    ).toHaveTextContent(/^可访问 1 个账户中的 1 个区域。对 1 个账户有账户级访问权限。$/u);
    expect(within(panel).getByRole('button', { name: '显示区域' })).toBeInTheDocument();
    const more = async (item: RegExp): Promise<HTMLElement> => {
      await app.user.click(within(panel).getByRole('button', { name: '更多' }));
      await app.user.click(await screen.findByRole('menuitem', { name: item }));
      return screen.findByRole('dialog');
    };

    const exporting = await more(/^导出/u);
    await within(exporting).findByTestId('export-text');
    expect(exporting).toHaveAccessibleName(`导出 ${GITHUB}`);
    expect(within(exporting).getByRole('radio', { name: '配方' })).toBeInTheDocument();
    expectNoEnglish(exporting);
    await app.user.click(within(exporting).getAllByRole('button', { name: '关闭' }).at(-1) as HTMLElement);

    const rotating = await more(/^重叠轮换/u);
    await within(rotating).findByRole('button', { name: '创建新令牌' });
    expect(rotating).toHaveAccessibleName(`重叠轮换 ${GITHUB}`);
    expectNoEnglish(rotating);
    await app.user.click(within(rotating).getAllByRole('button', { name: '关闭' }).at(-1) as HTMLElement);

    const sharing = await more(/^分享请求/u);
    expect(within(sharing).getByRole('heading', { name: '链接包含' })).toBeInTheDocument();
    // The link's lines are messages too: what it carries and what to add by hand, in Chinese.
    expect(
      within(within(sharing).getByTestId('share-carried')).getByText(`名称：${GITHUB}`),
    ).toBeInTheDocument();
    expect(within(sharing).getByTestId('share-carried')).toHaveTextContent(/权限 \w+（编辑）/u);
    expectNoEnglish(sharing);
    await app.user.click(within(sharing).getAllByRole('button', { name: '关闭' }).at(-1) as HTMLElement);

    await app.user.click(screen.getByRole('button', { name: '策略即代码' }));
    await app.user.click(await screen.findByRole('menuitem', { name: /^导入配方或 API 请求体/u }));
    const importing = await screen.findByRole('dialog', { name: '导入配方或 API 请求体' });
    const check = within(importing).getByRole('button', { name: /^检查/u });
    expect(check).toHaveAttribute('aria-disabled', 'true');
    expect(check).toHaveAccessibleDescription('请先粘贴内容');
    expectNoEnglish(importing);
  });

  it('Report menu: each format with the tokens it takes', async () => {
    const app = await openInChinese();
    await app.user.click(screen.getByRole('button', { name: '报告' }));
    const menu = await screen.findByRole('menu');
    expect(within(menu).getByRole('menuitem', { name: /^CSV…/u })).toHaveTextContent(
      /用于电子表格 · 当前显示的 \d+ 个令牌/u,
    );
    expectNoEnglish(menu);
  });

  it('profile dialogs: managing a login and adding one', async () => {
    const app = await openInChinese();
    await app.user.click(within(sidebar()).getByRole('button', { name: '管理配置文件 Personal' }));
    const dialog = await screen.findByRole('dialog', { name: 'Personal' });
    expect(within(dialog).getByRole('heading', { name: '此凭据可以做什么' })).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: '移除配置文件…' })).toBeInTheDocument();
    expectNoEnglish(dialog);
    await app.user.click(within(dialog).getByRole('button', { name: '移除配置文件…' }));
    expect(within(dialog).getByRole('group', { name: '确认移除' })).toHaveTextContent('要移除 Personal 吗？');
    expectNoEnglish(dialog);
    await app.user.keyboard('{Escape}');

    await app.user.click(within(sidebar()).getByRole('button', { name: '添加配置文件' }));
    const adding = await screen.findByRole('dialog', { name: '添加 Cloudflare 登录' });
    expect(within(adding).getByRole('radio', { name: /全局 API 密钥/u })).toBeInTheDocument();
    expectNoEnglish(adding);
  });
});
