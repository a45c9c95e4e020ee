/**
 * The command line's language: `--lang` first, then LC_ALL, LC_MESSAGES (or LANG) and LANGUAGE
 * as POSIX orders them; English when none names a language Keyflare speaks. The same catalogues
 * and translator as the window (src/shared/i18n), so both faces say the same sentence.
 */
import { englishText } from '../shared/i18n/english-message';
import { createFormats, type Formats } from '../shared/i18n/format';
import { DEFAULT_LOCALE, localeOf, localesFromEnv, resolveLocale, type Locale } from '../shared/i18n/locales';
import { msg } from '../shared/i18n/message';
import type * as TranslatorModule from '../shared/i18n/translator';
import type { Translate } from '../shared/i18n/translator';
import { IntlMessageFormat } from 'intl-messageformat';
import { CliError, EXIT } from './exit-codes';

export interface CliLanguage {
  locale: Locale;
  t: Translate;
  /** Dates, relative times and numbers in that locale. */
  formats: Formats;
}

/** The locale for `--lang` (when given) or the environment; a `--lang` Keyflare lacks is a usage error. */
export function cliLocale(
  lang: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): Locale {
  if (lang !== undefined) {
    const chosen = localeOf(lang);
    if (!chosen) throw new CliError(EXIT.usage, msg('cli.error.badLang', { lang }));
    return chosen;
  }
  return resolveLocale(localesFromEnv(env));
}

/**
 * The language to speak before a command runs (help, usage errors): `--lang` as given in the
 * arguments (before `--`) when Keyflare speaks it, else the environment's.
 */
export function helpLocale(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): Locale {
  const end = argv.indexOf('--');
  const args = end >= 0 ? argv.slice(0, end) : argv;
  for (let index = args.length - 1; index >= 0; index -= 1) {
    const arg = args[index] ?? '';
    const value = arg.startsWith('--lang=')
      ? arg.slice('--lang='.length)
      : arg === '--lang'
        ? args[index + 1]
        : null;
    const chosen = value ? localeOf(value) : null;
    if (chosen) return chosen;
  }
  return resolveLocale(localesFromEnv(env));
}

/**
 * intl-messageformat checks each message's locale against the ones Intl.NumberFormat supports,
 * which sets up ICU's number formatting: about 15 ms of a command's start (the first sentence it
 * words, its own or an English one for `--json`), for a check that cannot fail here — Keyflare's
 * locales are en and zh-CN, which every Node build's ICU has. The command takes the locale as
 * given; a message that formats a number still sets up NumberFormat when it does.
 */
IntlMessageFormat.resolveLocale = (locales) =>
  new Intl.Locale(typeof locales === 'string' ? locales : (locales[0] ?? DEFAULT_LOCALE));

/** i18next and the catalogues, loaded for a language other than English (loadLanguage). */
let translators: typeof TranslatorModule | null = null;

/**
 * Makes `locale` ready to speak: English needs nothing (`englishText` words it straight from the
 * English catalogue, as i18next would: test/shared/i18n/english-message.test.ts), so an English
 * run never loads i18next or the other catalogues; any other language loads them here, once.
 */
export async function loadLanguage(locale: Locale): Promise<void> {
  if (locale !== 'en') translators ??= await import('../shared/i18n/translator');
}

/**
 * The language of a run (loadLanguage first, for a language other than English). Its translator
 * is built on first use: most runs print no sentence of theirs, and building one (i18next, ICU
 * plural rules, formatters) costs tens of milliseconds.
 */
export function cliLanguage(locale: Locale): CliLanguage {
  let translate: Translate | null = null;
  let formats: Formats | null = null;
  const translator = (): Translate => {
    if (translators === null) throw new Error(`cliLanguage(${locale}) before loadLanguage(${locale})`);
    return translators.translatorFor(translators.createI18n(locale), locale);
  };
  const t: Translate =
    locale === 'en' ? englishText : (key, params) => (translate ??= translator())(key, params);
  return {
    locale,
    t,
    get formats() {
      return (formats ??= createFormats(locale, t('time.justNow')));
    },
  };
}
