/**
 * One translator for the window, the command line and the core's English log text.
 *
 * Library: i18next with i18next-icu (ICU MessageFormat through FormatJS's intl-messageformat).
 * i18next runs unchanged in Node and in the window (react-i18next binds the same instance to
 * React), types its keys from the English catalogue, falls back to English for a missing key,
 * and with ICU every plural, select and number is in the message itself — CLDR plural rules
 * per language, no sentence glued together in code. Catalogues are bundled (no loading step),
 * so a translator is ready the moment it is made.
 */
import i18next, { type i18n } from 'i18next';
import ICU from 'i18next-icu';
import { en } from './catalogues/en';
import { zhCN } from './catalogues/zh-CN';
import { DEFAULT_LOCALE, LOCALES, type Locale } from './locales';
import { splitNested, type MessageKey, type MessageParams } from './message';

export const CATALOGUES: Record<Locale, typeof en> = { en, 'zh-CN': zhCN };

/** A translate function over the typed keys. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** The part of i18next-icu's plugin that formats one message (its typings leave it out). */
interface IcuParse {
  parse(res: string, options: Record<string, unknown>, lng: string, ...rest: unknown[]): string;
}

/** A Chinese character or a CJK / full-width punctuation mark, and the curly quotes Chinese uses. */
const HAN = '[\\u2018\\u2019\\u201c\\u201d\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef]';
const SPACE_BETWEEN_HAN = new RegExp(`(${HAN}) +(?=${HAN})`, 'gu');
/** Stands for a space inside a parameter while the sentence's own spaces are tidied. */
const KEPT_SPACE = '\uE000';

/**
 * Chinese puts no space between Chinese words, and a space between Chinese and Latin words or
 * numbers by convention: the zh-CN catalogues write `{count} 个令牌`, `区域 {zone}`. A parameter
 * may itself be Chinese (a resource's words, a date as 2026年12月3日, a list), and then that space
 * would fall between two Chinese characters ("所有区域 上的"): such spaces of the sentence are
 * dropped. Spaces inside a parameter (a token's or an account's name) are never touched.
 */
function chineseSpacing(
  format: (params: Record<string, unknown>) => string,
  params: Record<string, unknown>,
): string {
  const kept: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params))
    kept[name] = typeof value === 'string' ? value.replaceAll(' ', KEPT_SPACE) : value;
  return format(kept).replace(SPACE_BETWEEN_HAN, '$1').replaceAll(KEPT_SPACE, ' ');
}

/**
 * The ICU plugin, rendering nested messages first (`nest()` in message.ts): each one is translated
 * in the language of the outer message and placed at its name, so a cause inside an error's
 * sentence speaks the same language as the sentence. In Chinese it also tidies the sentence's
 * spaces (`chineseSpacing`).
 */
function nestingIcu(instance: i18n): InstanceType<typeof ICU> {
  const icu = new ICU();
  const plugin = icu as unknown as IcuParse;
  const parse = plugin.parse.bind(icu);
  plugin.parse = (res, options, lng, ...rest) => {
    const { plain, nested } = splitNested(options);
    for (const [name, inner] of nested) plain[name] = String(instance.t(inner.key, { ...inner.params, lng }));
    if (!lng.startsWith('zh')) return parse(res, plain, lng, ...rest);
    return chineseSpacing((params) => parse(res, params, lng, ...rest), plain);
  };
  return icu;
}

/** A new i18next instance speaking `locale`, ready synchronously (catalogues are bundled). */
export function createI18n(locale: Locale = DEFAULT_LOCALE): i18n {
  const instance = i18next.createInstance();
  void instance.use(nestingIcu(instance)).init({
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...LOCALES],
    load: 'currentOnly',
    resources: Object.fromEntries(LOCALES.map((l) => [l, { translation: CATALOGUES[l] }])),
    initAsync: false,
    // React escapes what it renders, and the command line prints plain text.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

/** How many sentences a translator remembers before it starts over. */
const REMEMBERED = 5_000;

/** A message's identity: its key and each parameter's name, type and value. */
function sentenceId(key: string, params: MessageParams | undefined): string {
  let id = key;
  if (params)
    for (const [name, value] of Object.entries(params))
      id += `\u0000${name}\u0000${typeof value === 'number' ? 'n' : 's'}${value}`;
  return id;
}

/**
 * A plain `t` bound to one locale (the command line, tests, the core's English text).
 *
 * It remembers the sentences it made: a locale's catalogues are fixed, so a key with the same
 * parameters always reads the same, and a list repeats a few hundred messages thousands of times
 * (3,050 tokens' warnings in `keyflare tokens --json`, "never expires" among them), each costing
 * i18next and ICU tens of microseconds.
 */
export function translatorFor(instance: i18n, locale?: Locale): Translate {
  const fixed = instance.getFixedT(locale ?? (instance.language as Locale));
  const made = new Map<string, string>();
  return (key, params) => {
    const id = sentenceId(key, params);
    let text = made.get(id);
    if (text === undefined) {
      text = String(fixed(key, params ?? {}));
      if (made.size >= REMEMBERED) made.clear();
      made.set(id, text);
    }
    return text;
  };
}
