/**
 * The OS's preferred languages, as Electron reads them, for the window's "Language: System".
 *
 * `getPreferredSystemLanguages()` is the user's ordered list from the OS settings (macOS and
 * Windows give several, Linux reads LANGUAGE/LC_ALL/LC_MESSAGES/LANG); `getLocale()` is
 * Chromium's UI locale, the fallback when the list is empty. Both are valid only after `ready`.
 */
import type { App } from 'electron';

export function systemLocales(app: Pick<App, 'getPreferredSystemLanguages' | 'getLocale'>): string[] {
  const preferred = app.getPreferredSystemLanguages().filter((tag) => tag.trim() !== '');
  if (preferred.length > 0) return preferred.slice(0, 32);
  const chromium = app.getLocale();
  return chromium ? [chromium] : [];
}
