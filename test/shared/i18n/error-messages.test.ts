/**
 * Every error sentence renders whole in both languages: each key of the `errors` area, with
 * parameters made from its own ICU placeholders (every select branch, plurals at one and many),
 * leaves no `{placeholder}` behind, and zh-CN says something other than the English. Nested
 * messages (an error's cause, the request it was making) render in the outer sentence's language,
 * and a time an error carries is said by Intl in the reader's locale.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/errors';
import {
  CATALOGUES,
  createFormats,
  createI18n,
  formatMessage,
  msg,
  nest,
  translatorFor,
  type MessageKey,
  type MessageParams,
} from '../../../src/shared/i18n';

/** Every leaf of a catalogue subtree as "errors.a.b" → message. */
function leaves(tree: object, prefix: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, value] of Object.entries(tree)) {
    const key = `${prefix}.${name}`;
    if (typeof value === 'string') out.set(key, value);
    else for (const [k, v] of leaves(value as object, key)) out.set(k, v);
  }
  return out;
}

interface Argument {
  name: string;
  /** A select's branches (without `other`), or null for a plain, number, plural or date argument. */
  options: string[] | null;
  numeric: boolean;
}

/** The arguments an ICU message uses, with each select's branches. */
function argumentsOf(message: string): Argument[] {
  const found = new Map<string, Argument>();
  const walk = (nodes: unknown[]): void => {
    for (const node of nodes as {
      type: number;
      value?: string;
      options?: Record<string, { value: unknown[] }>;
    }[]) {
      if (node.type !== 0 && typeof node.value === 'string') {
        const select = node.type === 5;
        const numeric = node.type === 2 || node.type === 6;
        const known = found.get(node.value);
        const options = select ? Object.keys(node.options ?? {}).filter((o) => o !== 'other') : null;
        found.set(node.value, {
          name: node.value,
          options: known?.options ?? options,
          numeric: (known?.numeric ?? false) || numeric,
        });
      }
      for (const option of Object.values(node.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(message, 'en').getAst());
  return [...found.values()];
}

/** Parameter sets that together reach every branch: a base set, then each select branch and plural form in turn. */
function sampleParams(message: string): MessageParams[] {
  const args = argumentsOf(message);
  const base: Record<string, string | number> = {};
  for (const arg of args)
    base[arg.name] = arg.numeric ? 3 : arg.options ? 'something-else' : `sample-${arg.name}`;
  const sets: MessageParams[] = [base];
  for (const arg of args) {
    for (const option of arg.options ?? []) sets.push({ ...base, [arg.name]: option });
    if (arg.numeric) sets.push({ ...base, [arg.name]: 1 });
  }
  return sets;
}

const errorKeys = [...leaves(CATALOGUES.en.errors, 'errors')];
const en = translatorFor(createI18n('en'), 'en');
const zh = translatorFor(createI18n('zh-CN'), 'zh-CN');

describe('every error message', () => {
  it('covers the whole errors area (the catalogue test checks both languages hold the same keys)', () => {
    expect(errorKeys.length).toBeGreaterThan(150);
  });

  it.each(errorKeys)('%s renders whole in en and zh-CN', (key) => {
    for (const params of sampleParams(errorKeys.find(([k]) => k === key)?.[1] ?? '')) {
      const english = en(key as MessageKey, params);
      const chinese = zh(key as MessageKey, params);
      for (const text of [english, chinese]) {
        expect(text).not.toBe(key);
        expect(text.trim()).not.toBe('');
        expect(text).not.toMatch(/[{}]/u);
      }
      expect(chinese).not.toBe(english);
    }
  });
});

describe('a nested message', () => {
  const uncertainRoll = new AppError(
    'UNCERTAIN',
    msg('errors.write.cannotTell', {
      ...nest('request', msg('errors.request.rollToken')),
      ...nest('cause', msg('errors.cloudflare.serverError', { status: 502, request: 'none', said: 'none' })),
    }),
  );

  it('is part of the English log sentence', () => {
    expect(uncertainRoll.message).toBe(
      'Keyflare cannot tell whether Cloudflare carried out “roll a token”: Cloudflare had a problem answering (HTTP 502). Try again in a moment. Check the result before trying again.',
    );
  });

  it('speaks the outer sentence’s language, however deep', () => {
    const text = zh(uncertainRoll.key, uncertainRoll.params);
    expect(text).toBe(
      'Keyflare 无法确定 Cloudflare 是否已执行“轮换令牌”：Cloudflare 响应时出现问题（HTTP 502）。请稍后重试。请先检查结果，再重试。',
    );
    const twice = msg('errors.write.nothingHappened', {
      operation: 'create',
      ...nest('cause', uncertainRoll.text),
    });
    expect(zh(twice.key, twice.params)).toMatch(
      /^未创建任何内容。Keyflare 无法确定 Cloudflare 是否已执行“轮换令牌”/u,
    );
    expect(zh(twice.key, twice.params)).not.toMatch(/[A-Za-z]{4,} [a-z]{3,}/u);
  });
});

describe('a time an error carries', () => {
  const retryAt = '2026-03-12T14:02:00.000Z';
  const limited = new AppError('RATE_LIMITED', msg('errors.cloudflare.rateLimited', { retryAt }));

  it('travels as ISO text and is said by Intl in the reader’s locale', () => {
    expect(limited.toShape().params).toEqual({ retryAt });
    for (const [locale, t] of [
      ['en', en],
      ['zh-CN', zh],
    ] as const) {
      const formats = createFormats(locale, t('time.justNow'));
      const text = formatMessage(t, { key: limited.key, params: limited.params ?? {} }, formats);
      expect(text).not.toContain(retryAt);
      expect(text).toContain(formats.dateTime(retryAt) ?? 'missing');
    }
  });
});
