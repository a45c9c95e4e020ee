/**
 * What a token's row shows for its scope in the window's language, for search: a Chinese reader
 * searching 所有区域 finds the tokens whose row says 所有区域, as an English reader finds "all zones".
 *
 * The shared search text (`tokenSearchText`) holds the decoder's English, which `keyflare tokens
 * --search` reads too; this adds the same summaries as the row words them (permissions, resources,
 * IP filter). It is worded once per row and language and kept (a WeakMap on the row, so a list
 * reload frees it), at index time, never per keystroke; in English it adds nothing. When the
 * language changes the index is built again (`watchSearchLanguage`), from these kept words.
 */
import type { TokenRow } from '../../shared/domain';
import { currentLocale, i18n } from './i18n';
import { ipFilterWords } from './ip-filter-words';
import { permissionsWords, resourcesWords } from './summary-words';

const worded = new WeakMap<TokenRow, { locale: string; text: string }>();

/** The row's shown summaries in the window's language, lowercased; empty in English. */
export function shownSearchText(row: TokenRow): string {
  const locale = currentLocale();
  if (locale === 'en') return '';
  const known = worded.get(row);
  if (known?.locale === locale) return known.text;
  const text = [
    permissionsWords(row.permissionsSummary, row.permissionNames),
    resourcesWords(row.resourcesSummary, row.resourceNames),
    row.ipFilterSummary === null ? '' : ipFilterWords(row.ipFilterSummary),
  ]
    .join('\n')
    .toLowerCase();
  worded.set(row, { locale, text });
  return text;
}

/** Calls `rebuild` after each change of the window's language; returns the unsubscribe. */
export function watchSearchLanguage(rebuild: () => void): () => void {
  i18n.on('languageChanged', rebuild);
  return () => i18n.off('languageChanged', rebuild);
}
