/**
 * The token inventory's search index: `buildTokenIndex` runs once per list load. It lowercases
 * everything a search may match (name, permission, resource, zone, account and profile names)
 * into one string per row and parses the dates once, so a keystroke costs one `includes` per
 * term per row (token-filter.ts) and a sort compares prepared keys (token-sort.ts).
 */
import type { TokenRow } from '../../shared/domain';
import { tokenSearchText } from '../../shared/token-row-text';
import { toTime } from './format';
import { shownSearchText } from './token-search-words';

/** One row plus what search and sort need, computed once per load. */
export interface IndexedToken {
  row: TokenRow;
  /**
   * Lowercased haystack: `tokenSearchText` (the command's --search reads the same), plus the
   * row's summaries in the window's language (token-search-words.ts).
   */
  text: string;
  /** Lowercased name, the sort key of the Name column. */
  name: string;
  expiresAt: number | null;
  lastUsedAt: number | null;
}

/** The shared search text, and the row's summaries as the window words them in its language. */
function searchText(row: TokenRow): string {
  const shown = shownSearchText(row);
  return shown === '' ? tokenSearchText(row) : `${tokenSearchText(row)}\n${shown}`;
}

export function indexToken(row: TokenRow): IndexedToken {
  return {
    row,
    text: searchText(row),
    name: row.name.toLowerCase(),
    expiresAt: toTime(row.expiresOn),
    lastUsedAt: toTime(row.lastUsedOn),
  };
}

export function buildTokenIndex(rows: readonly TokenRow[]): IndexedToken[] {
  return rows.map(indexToken);
}
