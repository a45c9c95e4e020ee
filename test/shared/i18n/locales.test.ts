/**
 * Which language a person gets, from the OS (window), the environment or --lang (command line),
 * and the error shape that carries a catalogue key with English for the log.
 */
import { describe, expect, it } from 'vitest';
import { AppError, genericMessage } from '../../../src/shared/errors';
import {
  createFormats,
  createI18n,
  localesFromEnv,
  msg,
  resolveLocale,
  translatorFor,
} from '../../../src/shared/i18n';

describe('the language a person gets', () => {
  it.each([
    [['zh-CN'], 'zh-CN'],
    [['zh-Hans-CN', 'en-US'], 'zh-CN'],
    [['zh_CN.UTF-8'], 'zh-CN'],
    [['zh'], 'zh-CN'],
    [['zh-TW', 'en-GB'], 'en'],
    [['zh-Hant-HK', 'zh-CN'], 'zh-CN'],
    [['fr-FR', 'zh-SG'], 'zh-CN'],
    [['de-DE'], 'en'],
    [[], 'en'],
  ])('%j → %s', (tags, locale) => {
    expect(resolveLocale(tags)).toBe(locale);
  });

  it('reads LC_ALL over LC_MESSAGES over LANG, as POSIX does, and C as English', () => {
    expect(resolveLocale(localesFromEnv({ LANG: 'zh_CN.UTF-8' }))).toBe('zh-CN');
    expect(resolveLocale(localesFromEnv({ LANG: 'zh_CN.UTF-8', LC_MESSAGES: 'en_US.UTF-8' }))).toBe('en');
    expect(resolveLocale(localesFromEnv({ LANG: 'en_US.UTF-8', LC_ALL: 'zh_CN.UTF-8' }))).toBe('zh-CN');
    expect(resolveLocale(localesFromEnv({ LANG: 'zh_CN.UTF-8', LC_ALL: 'C' }))).toBe('en');
    expect(resolveLocale(localesFromEnv({ LANGUAGE: 'fr:zh_CN', LANG: 'fr_FR.UTF-8' }))).toBe('zh-CN');
  });
});

describe('messages', () => {
  it('formats ICU plurals per language', () => {
    const en = translatorFor(createI18n('en'));
    const zh = translatorFor(createI18n('zh-CN'));
    expect(en('settings.clipboard.seconds', { seconds: 1 })).toBe('1 second');
    expect(en('settings.clipboard.seconds', { seconds: 45 })).toBe('45 seconds');
    expect(zh('settings.clipboard.seconds', { seconds: 45 })).toBe('45 秒');
  });

  it('remembers a sentence per key and parameters, never one for another parameter', () => {
    const en = translatorFor(createI18n('en'));
    for (let round = 0; round < 2; round += 1) {
      expect(en('settings.clipboard.seconds', { seconds: 1 })).toBe('1 second');
      expect(en('settings.clipboard.seconds', { seconds: 45 })).toBe('45 seconds');
      expect(en('settings.clipboard.seconds', { seconds: '45' })).toBe('45 seconds');
      expect(en('insights.warning.expiresSoon', { days: 1 })).toBe('expires in 1 day');
    }
  });

  it('an AppError made from a key carries it, its params and the English text for the log', () => {
    const error = new AppError('RATE_LIMITED', msg('errors.code.RATE_LIMITED.title', { until: '14:02' }));
    expect(error.message).toBe('Cloudflare is rate-limiting this login until 14:02');
    expect(error.toShape()).toEqual({
      code: 'RATE_LIMITED',
      message: 'Cloudflare is rate-limiting this login until 14:02',
      key: 'errors.code.RATE_LIMITED.title',
      params: { until: '14:02' },
    });
    // tsc fails here the day AppError takes an English sentence again: every error is made from a key.
    // @ts-expect-error An English sentence is not a message.
    const english = (): AppError => new AppError('OFFLINE', 'plain English');
    expect(english).toBeTypeOf('function');
    expect(genericMessage('OFFLINE')).toBe('Cloudflare cannot be reached');
  });

  it('dates and relative times come from Intl in the locale', () => {
    const now = new Date('2026-03-12T14:02:00Z');
    const zh = createFormats('zh-CN', '刚刚');
    expect(zh.relative('2026-03-10T14:02:00Z', now)).toBe('前天');
    expect(zh.relative('2026-03-12T14:01:50Z', now)).toBe('刚刚');
    expect(createFormats('en-GB', 'just now').relative('2026-03-15T14:02:00Z', now)).toBe('in 3 days');
    expect(zh.number(1234567)).toBe('1,234,567');
  });
});
