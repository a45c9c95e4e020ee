import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AppWindow } from '../pages/app-window';

describe('language', () => {
  it('follows a Chinese system: the shell, sidebar, status bar and settings speak zh-CN', async () => {
    const app = await AppWindow.open({
      channels: ['keychain.entries'],
      info: { systemLocales: ['zh-Hans-CN', 'en-US'] },
    });
    await waitFor(() => expect(document.documentElement.lang).toBe('zh-CN'));
    const sidebar = screen.getByRole('complementary', { name: '配置文件' });
    expect(within(sidebar).getByRole('button', { name: /全部令牌/u })).toBeInTheDocument();
    expect(within(sidebar).getByRole('button', { name: '添加配置文件' })).toBeInTheDocument();
    expect(screen.getByRole('contentinfo', { name: '状态' })).toHaveTextContent(/同步/u);
    await app.user.click(within(sidebar).getByRole('button', { name: '设置' }));
    const dialog = await screen.findByRole('dialog', { name: '设置' });
    expect(within(dialog).getByRole('radio', { name: '深色' })).toBeInTheDocument();
    expect(within(dialog).getByRole('option', { name: '1 分钟' })).toBeInTheDocument();
  });

  it('switches to 简体中文 from Settings, saves the choice, and back to English', async () => {
    const app = await AppWindow.open({ channels: ['settings.update', 'keychain.entries'] });
    const settings = await app.openSettings();
    const select = within(settings.element()).getByLabelText('Language');
    expect(within(select).getByRole('option', { name: '简体中文' })).toBeInTheDocument();
    await app.user.selectOptions(select, 'zh-CN');
    await waitFor(() => expect(document.documentElement.lang).toBe('zh-CN'));
    const dialog = await screen.findByRole('dialog', { name: '设置' });
    expect(within(dialog).getByText('将新令牌的密钥保存在钥匙串中')).toBeInTheDocument();
    await app.user.selectOptions(within(dialog).getByLabelText('语言'), 'en');
    await screen.findByRole('dialog', { name: 'Settings' });
    expect(document.documentElement.lang).toBe('en');
    expect(app.mock.callsOf('settings.update')).toEqual([{ language: 'zh-CN' }, { language: 'en' }]);
  });
});
