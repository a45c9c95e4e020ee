/**
 * The command line's language: `--lang` over LC_ALL over LC_MESSAGES over LANG, and a `--lang`
 * Keyflare does not speak refused as a usage error; the context's `t` and formats speak it.
 */
import { describe, expect, it } from 'vitest';
import { cliLanguage, loadLanguage, cliLocale } from '../../src/cli/locale';
import { CliError, EXIT } from '../../src/cli/exit-codes';

// Chinese needs i18next and its catalogues, loaded as a Chinese run of the command loads them.
await loadLanguage('zh-CN');

describe('the command line’s language', () => {
  it('takes --lang over the environment, and the environment in POSIX order', () => {
    expect(cliLocale('zh-CN', { LANG: 'en_US.UTF-8' })).toBe('zh-CN');
    expect(cliLocale('en', { LC_ALL: 'zh_CN.UTF-8' })).toBe('en');
    expect(cliLocale(undefined, { LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(cliLocale(undefined, { LANG: 'zh_CN.UTF-8', LC_MESSAGES: 'C' })).toBe('en');
    expect(cliLocale(undefined, {})).toBe('en');
  });

  it('refuses a --lang it does not speak with the usage exit code', () => {
    const attempt = (): unknown => cliLocale('fr', {});
    expect(attempt).toThrow(CliError);
    expect(attempt).toThrow(/not a language Keyflare speaks \(en, zh-CN\)/u);
    expect(attempt).toThrow(expect.objectContaining({ exitCode: EXIT.usage }));
  });

  it('gives commands a t and formats in that language', () => {
    const zh = cliLanguage('zh-CN');
    expect(zh.t('statusBar.syncAll')).toBe('全部同步');
    expect(zh.formats.relative('2026-03-10T12:00:00Z', new Date('2026-03-12T12:00:00Z'))).toBe('前天');
    expect(cliLanguage('en').t('statusBar.syncAll')).toBe('Sync all');
  });
});
