/**
 * Every verify outcome the core can return is a message (key and parameters), and reads whole in
 * English and in Simplified Chinese: no placeholder left, no raw ISO date, no key shown instead
 * of words, and the Chinese says it in Chinese.
 */
import { describe, expect, it } from 'vitest';
import { fromVerifyError, fromVerifyReply } from '../../../src/main/core/tokens/verify-outcome';
import { AppError } from '../../../src/shared/errors';
import { msg } from '../../../src/shared/i18n/message';
import { englishMessage } from '../../../src/shared/i18n/english-message';
import { createFormats } from '../../../src/shared/i18n/format';
import { formatMessage } from '../../../src/shared/i18n/format-message';
import { createI18n, translatorFor } from '../../../src/shared/i18n/translator';
import type { VerifyResult } from '../../../src/shared/domain';

const NOW = new Date('2026-06-01T12:00:00Z');
const PAST = '2026-05-20T00:00:00Z';
const FUTURE = '2026-07-15T00:00:00Z';

const code1000 = (): AppError =>
  new AppError(
    'AUTH_INVALID',
    msg('errors.cloudflare.notAccepted', { said: 'Invalid API Token', request: 'none' }),
    {
      status: 401,
      cloudflare: [{ code: 1000, message: 'Invalid API Token' }],
    },
  );

/** One result per branch of verify-outcome.ts. */
const RESULTS: Record<string, VerifyResult> = {
  active: fromVerifyReply({ id: 'a', status: 'active', expiresOn: FUTURE, notBefore: null }, 'a', NOW),
  activeForever: fromVerifyReply({ id: 'a', status: 'active', expiresOn: null, notBefore: null }, 'a', NOW),
  disabled: fromVerifyReply({ id: 'a', status: 'disabled', expiresOn: null, notBefore: null }, 'a', NOW),
  expired: fromVerifyReply({ id: 'a', status: 'active', expiresOn: PAST, notBefore: null }, 'a', NOW),
  notYetValid: fromVerifyReply({ id: 'a', status: 'active', expiresOn: null, notBefore: FUTURE }, 'a', NOW),
  otherToken: fromVerifyReply(
    { id: 'b1b2b3b4b5b6', status: 'active', expiresOn: null, notBefore: null },
    'a',
    NOW,
  ),
  refusedDisabled: fromVerifyError(code1000(), { status: 'disabled', expiresOn: null, notBefore: null }, NOW),
  refusedExpired: fromVerifyError(code1000(), { status: 'active', expiresOn: PAST, notBefore: null }, NOW),
  refusedExpiredNoDate: fromVerifyError(
    code1000(),
    { status: 'expired', expiresOn: null, notBefore: null },
    NOW,
  ),
  refusedNotYetValid: fromVerifyError(
    code1000(),
    { status: 'active', expiresOn: null, notBefore: FUTURE },
    NOW,
  ),
  forbidden: fromVerifyError(
    new AppError(
      'PERMISSION_DENIED',
      msg('errors.cloudflare.notAllowed', { said: 'none', request: 'none' }),
      {
        status: 403,
      },
    ),
    null,
    NOW,
  ),
  invalid: fromVerifyError(code1000(), null, NOW),
  offline: fromVerifyError(new AppError('OFFLINE', msg('errors.cloudflare.offline')), null, NOW),
  timeout: fromVerifyError(new AppError('TIMEOUT', msg('errors.cloudflare.timeout')), null, NOW),
  upstream: fromVerifyError(
    new AppError(
      'UPSTREAM',
      msg('errors.cloudflare.httpStatus', { status: 502, said: 'none', request: 'none' }),
    ),
    null,
    NOW,
  ),
  timeoutWithCause: fromVerifyError(new AppError('TIMEOUT', msg('errors.code.TIMEOUT.title')), null, NOW),
};

const english = { t: translatorFor(createI18n('en'), 'en'), formats: createFormats('en-GB', 'just now') };
const chinese = { t: translatorFor(createI18n('zh-CN'), 'zh-CN'), formats: createFormats('zh-CN', '刚刚') };

describe('verify outcomes as messages', () => {
  it.each(Object.entries(RESULTS))('%s reads whole in en and zh-CN', (_name, result) => {
    expect(typeof result.message).toBe('object');
    expect(result.message.key).toMatch(/^verify\./u);
    const en = formatMessage(english.t, result.message, english.formats);
    const zh = formatMessage(chinese.t, result.message, chinese.formats);
    for (const text of [en, zh]) {
      expect(text).not.toMatch(/[{}]|verify\.|T00:00|\bnone\b/u);
      expect(text.length).toBeGreaterThan(10);
    }
    expect(en).toMatch(/^[\x20-\x7e’…]+$/u);
    expect(zh).toMatch(/\p{Script=Han}/u);
    expect(zh).not.toBe(en);
  });

  it('words the dates in the reader’s locale, and in ISO for logs and --json', () => {
    const message = RESULTS['active']?.message ?? { key: '' };
    expect(formatMessage(english.t, message, english.formats)).toBe(
      'Cloudflare says this token is active. It expires on 15 Jul 2026.',
    );
    expect(formatMessage(chinese.t, message, chinese.formats)).toBe(
      'Cloudflare 显示此令牌处于活动状态，将于2026年7月15日过期。',
    );
    expect(englishMessage(message)).toBe('Cloudflare says this token is active. It expires on 2026-07-15.');
  });

  it('says why Cloudflare could not be asked in the error’s own words, nested in the reader’s language', () => {
    const message = RESULTS['timeoutWithCause']?.message ?? { key: '' };
    expect(message.key).toBe('verify.networkErrorBecause');
    expect(formatMessage(english.t, message, english.formats)).toBe(
      'Keyflare could not ask Cloudflare, so nothing was learned about this token: Cloudflare took too long to answer',
    );
    expect(formatMessage(chinese.t, message, chinese.formats)).toBe(
      'Keyflare 无法询问 Cloudflare，此令牌的状态未知：Cloudflare 响应超时',
    );
  });

  it('keeps Cloudflare’s own words and code as they came', () => {
    const invalid = RESULTS['invalid']?.message ?? { key: '' };
    expect(invalid).toEqual({
      key: 'verify.refused.invalid',
      params: { said: 'Invalid API Token', codes: '1000' },
    });
    expect(formatMessage(chinese.t, invalid, chinese.formats)).toContain(
      'Cloudflare 返回：Invalid API Token（代码 1000）。',
    );
    expect(englishMessage(RESULTS['forbidden']?.message ?? { key: '' })).toBe(
      'Cloudflare refused the secret from this computer (HTTP 403): the token’s IP filter or permissions do not allow it here.',
    );
  });
});
