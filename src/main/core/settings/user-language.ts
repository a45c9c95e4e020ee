/**
 * The user's language in the main process: what the OS notifications and the tray menu speak.
 *
 * The window words its own screens; the notifications and the tray are drawn by the main process,
 * so main words them with the same translator and Intl formats, in the language Settings →
 * Language names, or the OS's (`systemLocales`, given to createCore) when it says `system`.
 * Dates use the OS's own tag for that language when it has one, as the window does.
 */
import {
  chosenLocale,
  createFormats,
  createI18n,
  formatMessage,
  formatTag,
  translatorFor,
  type Formats,
  type LanguageChoice,
  type Locale,
  type MessageParams,
  type Translate,
} from '../../../shared/i18n';

export interface UserLanguage {
  locale: Locale;
  t: Translate;
  formats: Formats;
  /** A core message (a warning, a problem) in this language, its dates formatted. */
  words(message: { key: string; params?: MessageParams | undefined }): string;
}

const made = new Map<string, UserLanguage>();

/** The language `choice` means on a system whose languages are `system` (made once per language and tag). */
export function userLanguage(choice: LanguageChoice, system: readonly string[]): UserLanguage {
  const locale = chosenLocale(choice, system);
  const tag = formatTag(locale, system);
  const id = `${locale}|${tag}`;
  let language = made.get(id);
  if (!language) {
    const t = translatorFor(createI18n(locale), locale);
    const formats = createFormats(tag, t('time.justNow'));
    language = { locale, t, formats, words: (message) => formatMessage(t, message, formats) };
    made.set(id, language);
  }
  return language;
}
