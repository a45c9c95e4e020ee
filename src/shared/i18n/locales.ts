/**
 * The languages Keyflare speaks, and how a list of OS or environment language tags picks one.
 *
 * English is the default and the fallback of every missing key. Chinese tags pick Simplified
 * Chinese unless they name Traditional script or a region that writes it (Taiwan, Hong Kong,
 * Macau): those readers get the next language in their list, English at worst, rather than a
 * script they did not ask for.
 */
import type { LanguageChoice } from './schemas';

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

const TRADITIONAL = /^zh[-_](?:hant|tw|hk|mo)(?:$|[-_])/iu;

/** The first supported locale a language tag (BCP 47 or POSIX, `zh_CN.UTF-8`) names, or null. */
export function localeOf(tag: string): Locale | null {
  const clean = tag.trim().replace(/[.@].*$/u, '');
  if (clean === '' || clean === 'C' || clean === 'POSIX') return null;
  if (/^zh(?:$|[-_])/iu.test(clean)) return TRADITIONAL.test(clean) ? null : 'zh-CN';
  if (/^en(?:$|[-_])/iu.test(clean)) return 'en';
  return null;
}

/** The first tag of `preferred` Keyflare speaks; English when none. */
export function resolveLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const locale = localeOf(tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

/** The locale a Settings choice means on a system whose languages are `system`. */
export function chosenLocale(choice: LanguageChoice, system: readonly string[]): Locale {
  return choice === 'system' ? resolveLocale(system) : choice;
}

/**
 * The tag dates and numbers use: the OS's own tag for the chosen language when it has one (an
 * en-GB system gets "12 Mar 2026", an en-US one "Mar 12, 2026"), else the locale itself.
 */
export function formatTag(locale: Locale, system: readonly string[]): string {
  for (const tag of system) {
    if (localeOf(tag) !== locale) continue;
    try {
      const [canonical] = Intl.getCanonicalLocales(tag.replace(/[.@].*$/u, '').replace('_', '-'));
      if (canonical) return canonical;
    } catch {
      // Not a BCP 47 tag: the next one, or the locale itself.
    }
  }
  return locale;
}

/**
 * The command line's languages in POSIX order: LC_ALL wins over LC_MESSAGES, which wins over
 * LANG; LANGUAGE (a GNU colon-separated list) is read first when LC_ALL is not "C".
 */
export function localesFromEnv(env: Readonly<Record<string, string | undefined>>): string[] {
  const all = env.LC_ALL?.trim();
  if (all) return all === 'C' || all === 'POSIX' ? [] : [all];
  const tags: string[] = [];
  const messages = env.LC_MESSAGES?.trim() || env.LANG?.trim();
  if (messages === 'C' || messages === 'POSIX') return [];
  if (env.LANGUAGE) tags.push(...env.LANGUAGE.split(':').filter(Boolean));
  if (messages) tags.push(messages);
  return tags;
}
