/**
 * The token inventory's search index: `buildTokenIndex` runs once per list load. It lowercases
 * everything a search may match (name, permission, resource, zone, account and profile names)
 * into one string per row and parses the dates once, so a keystroke costs one `includes` per
 * term per row (token-filter.ts) and a sort compares prepared keys (token-sort.ts).
 */
import type { TokenRow } from '../../shared/domain';
import { tokenSearchText } from '../../shared/token-row-text';
import { toTime } from './format';

/** One row plus what search and sort need, computed once per load. */
export interface IndexedToken {
  row: TokenRow;
  /** Lowercased haystack (`tokenSearchText`, the command's --search reads the same). */
  text: string;
  /** Lowercased name, the sort key of the Name column. */
  name: string;
  expiresAt: number | null;
  lastUsedAt: number | null;
}

export function indexToken(row: TokenRow): IndexedToken {
  return {
    row,
    text: tokenSearchText(row),
    name: row.name.toLowerCase(),
    expiresAt: toTime(row.expiresOn),
    lastUsedAt: toTime(row.lastUsedOn),
  };
}

export function buildTokenIndex(rows: readonly TokenRow[]): IndexedToken[] {
  return rows.map(indexToken);
}
