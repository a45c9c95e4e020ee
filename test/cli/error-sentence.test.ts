/**
 * The command line says a core error in the run's language, with the time it carries (a rate
 * limit's retryAt) formatted by Intl in that locale, never as the ISO text the core sent.
 */
import { describe, expect, it } from 'vitest';
import { coreSentence } from '../../src/cli/errors';
import { cliLanguage, loadLanguage } from '../../src/cli/locale';
import { AppError } from '../../src/shared/errors';
import { msg, nest } from '../../src/shared/i18n';

// Chinese needs i18next and its catalogues, loaded as a Chinese run of the command loads them.
await loadLanguage('zh-CN');

const retryAt = '2026-03-12T14:02:00.000Z';
const limited = new AppError('RATE_LIMITED', msg('errors.cloudflare.rateLimited', { retryAt }), { retryAt });

describe('a core error on the command line', () => {
  it.each(['en', 'zh-CN'] as const)('in %s names the retry time in the locale’s words', (locale) => {
    const lang = cliLanguage(locale);
    const text = coreSentence(lang, limited.toShape());
    expect(text).not.toContain(retryAt);
    expect(text).toContain(lang.formats.dateTime(retryAt) ?? 'missing');
    expect(text).toMatch(
      locale === 'en' ? /^Cloudflare is rate limiting this login until /u : /^Cloudflare 正在/u,
    );
  });

  it('says a nested cause in the run’s language', () => {
    const error = new AppError(
      'VALIDATION',
      msg('errors.write.nothingHappened', {
        operation: 'delete',
        ...nest('cause', msg('errors.draft.notSynced')),
      }),
    );
    expect(coreSentence(cliLanguage('zh-CN'), error.toShape())).toBe(
      '未删除任何内容。Keyflare 尚未同步此配置文件：请先同步，以便根据其权限组、账户和区域构建令牌。',
    );
  });
});
