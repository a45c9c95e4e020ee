/**
 * The window's language: one i18next instance (src/shared/i18n) registered with react-i18next,
 * so every component gets `useT()` without a provider, and plain modules (error-copy, format)
 * translate with `t` in the same language.
 *
 * `applyLocale` is the one place the language changes: catalogue, Intl formats and the
 * document's `lang` (which picks the CJK font stack in app.css) move together.
 *
 * Each language's `t` remembers the sentences it made (`translatorFor`): the token table mounts
 * a few dozen rows per search keystroke, each asking for the same words ("Active", "User",
 * "never"), and i18next with ICU costs tens of microseconds per call where a lookup costs one.
 * `useT` reads the language through `useSyncExternalStore` instead of react-i18next's
 * `useTranslation`, whose per-component state and event subscription cost more than the row's
 * own rendering.
 */
import { useLayoutEffect, useSyncExternalStore } from 'react';
import { setI18n } from 'react-i18next';
import {
  chosenLocale,
  createI18n,
  formatTag,
  type LanguageChoice,
  type Locale,
  type MessageKey,
  type MessageParams,
  type Translate,
  translatorFor,
} from '../../shared/i18n';
import { setFormatLocale } from './format';

export const i18n = createI18n('en');
setI18n(i18n);

/** Each language's translator, made once: the same function (and remembered sentences) for good. */
const translators = new Map<string, Translate>();

function translatorOf(language: string): Translate {
  let translate = translators.get(language);
  if (translate === undefined)
    translators.set(language, (translate = translatorFor(i18n, language as Locale)));
  return translate;
}

/** Translates in the window's current language (for code outside components). */
export const t: Translate = (key: MessageKey, params?: MessageParams) =>
  translatorOf(i18n.language)(key, params);

function onLanguageChanged(listener: () => void): () => void {
  i18n.on('languageChanged', listener);
  return () => i18n.off('languageChanged', listener);
}

/** The translate function for a component; re-renders it when the language changes. */
export function useT(): Translate {
  return translatorOf(useSyncExternalStore(onLanguageChanged, () => i18n.language));
}

/** The window's locale now. */
export function currentLocale(): Locale {
  return i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
}

/** Switches the window to `choice` on a system whose languages are `system`. */
export function applyLocale(choice: LanguageChoice, system: readonly string[]): Locale {
  const locale = chosenLocale(choice, system);
  if (i18n.language !== locale) void i18n.changeLanguage(locale);
  setFormatLocale(formatTag(locale, system), i18n.t('time.justNow'));
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
  return locale;
}

/** Keeps the window in the language Settings and the OS ask for. */
export function useLocale(choice: LanguageChoice, system: readonly string[]): void {
  const systemKey = system.join('\n');
  useLayoutEffect(() => {
    applyLocale(choice, systemKey === '' ? [] : systemKey.split('\n'));
  }, [choice, systemKey]);
}
