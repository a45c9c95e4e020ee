/**
 * What the core says of a token — its warnings and its history lines — in the window on a Chinese
 * system: each message worded from the zh-CN catalogue, dates in Chinese, no English left, and
 * the same panel in English on an English system.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { collectWords, englishLeftovers } from '../../fixtures/renderer/english-leaks';
import { AppWindow } from '../pages/app-window';

const TOKEN = 'Cache purge bot';

async function openDetail(systemLocales: string[]): Promise<HTMLElement> {
  const app = await AppWindow.open({ channels: ['tokens.get'], info: { systemLocales } });
  await app.user.click(screen.getByRole('row', { name: new RegExp(TOKEN, 'u') }));
  return screen.findByTestId('token-detail');
}

describe('a token’s warnings and history', () => {
  it('speak Chinese on a Chinese system', async () => {
    const panel = await openDetail(['zh-CN']);
    await waitFor(() => expect(document.documentElement.lang).toBe('zh-CN'));
    const warnings = await within(panel).findByRole('list', { name: '警告' });
    expect(warnings).toHaveTextContent('25 天后过期。');
    const history = within(panel).getByRole('region', { name: '历史记录' });
    expect(history).toHaveTextContent('密钥已轮换：之前的密钥不再有效');
    expect(history).toHaveTextContent('权限或资源已更改');
    expect(history).toHaveTextContent(`已创建“${TOKEN}”`);
    for (const part of [warnings, history]) expect(englishLeftovers(collectWords(part))).toEqual([]);
  });

  it('speak English on an English system', async () => {
    const panel = await openDetail([]);
    const warnings = await within(panel).findByRole('list', { name: 'Warnings' });
    expect(warnings).toHaveTextContent('Expires in 25 days.');
    const history = within(panel).getByRole('region', { name: 'History' });
    expect(history).toHaveTextContent('secret rolled: the previous secret no longer works');
    expect(history).toHaveTextContent(`created "${TOKEN}"`);
  });
});
