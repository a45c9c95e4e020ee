/**
 * The window's language: one i18next instance (src/shared/i18n) registered with react-i18next,
 * so every component gets `useT()` without a provider, and plain modules (error-copy, format)
 * translate with `t` in the same language.
 *
 * `applyLocale` is the one place the language changes: catalogue, Intl formats and the
 * document's `lang` (which picks the CJK font stack in app.css) move together.
 */
import { useLayoutEffect, useMemo } from 'react';
import { setI18n, useTranslation } from 'react-i18next';
import {
  chosenLocale,
  createI18n,
  formatTag,
  type LanguageChoice,
  type Locale,
  type MessageKey,
  type MessageParams,
  type Translate,
} from '../../shared/i18n';
import { setFormatLocale } from './format';

export const i18n = createI18n('en');
setI18n(i18n);

/** Translates in the window's current language (for code outside components). */
export const t: Translate = (key: MessageKey, params?: MessageParams) => i18n.t(key, params ?? {});

/** The translate function for a component; re-renders it when the language changes. */
export function useT(): Translate {
  const { t: translate } = useTranslation();
  return useMemo(
    () => (key: MessageKey, params?: MessageParams) => translate(key, params ?? {}),
    [translate],
  );
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
