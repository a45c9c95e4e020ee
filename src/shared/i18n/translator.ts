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

/**
 * The ICU plugin, rendering nested messages first (`nest()` in message.ts): each one is translated
 * in the language of the outer message and placed at its name, so a cause inside an error's
 * sentence speaks the same language as the sentence.
 */
function nestingIcu(instance: i18n): InstanceType<typeof ICU> {
  const icu = new ICU();
  const plugin = icu as unknown as IcuParse;
  const parse = plugin.parse.bind(icu);
  plugin.parse = (res, options, lng, ...rest) => {
    const { plain, nested } = splitNested(options);
    for (const [name, inner] of nested) plain[name] = String(instance.t(inner.key, { ...inner.params, lng }));
    return parse(res, plain, lng, ...rest);
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

let english: Translate | null = null;

/** The English text of a message: what logs and the `message` field of an AppError carry. */
export function englishText(key: MessageKey, params?: MessageParams): string {
  english ??= translatorFor(createI18n('en'), 'en');
  return english(key, params);
}
