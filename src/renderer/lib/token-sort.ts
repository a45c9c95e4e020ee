/**
 * The token table's sort: one key per column, problems first where a column has problems, and
 * missing values last in either direction. Runs only when the sort or the list changes.
 */
import type { TokenStatus, VerifyOutcome } from '../../shared/domain';
import type { IndexedToken } from './token-index';

export type SortKey =
  | 'name'
  | 'profile'
  | 'kind'
  | 'status'
  | 'permissions'
  | 'resources'
  | 'ipFilter'
  | 'lastUsed'
  | 'expires'
  | 'secret'
  | 'verify';

export interface SortState {
  key: SortKey;
  direction: 'asc' | 'desc';
}

export const DEFAULT_SORT: SortState = { key: 'name', direction: 'asc' };

const STATUS_ORDER: Record<TokenStatus, number> = { active: 0, disabled: 1, expired: 2 };
/** Problems first when sorting ascending, so the column reads "what needs attention". */
const VERIFY_ORDER: Record<VerifyOutcome | 'none', number> = {
  invalid: 0,
  expired: 1,
  disabled: 2,
  not_yet_valid: 3,
  network_error: 4,
  active: 5,
  none: 6,
};

type Key = string | number;

function sortValue(entry: IndexedToken, key: SortKey): Key | null {
  const row = entry.row;
  switch (key) {
    case 'name':
      return entry.name;
    case 'profile':
      return `${row.profileLabel}\u0000${row.accountName ?? ''}`.toLowerCase();
    case 'kind':
      return row.kind;
    case 'status':
      return STATUS_ORDER[row.status];
    case 'permissions':
      return row.permissionsSummary.toLowerCase() || null;
    case 'resources':
      return row.resourcesSummary.toLowerCase() || null;
    case 'ipFilter':
      return row.ipFilterSummary?.toLowerCase() ?? null;
    case 'lastUsed':
      return entry.lastUsedAt;
    case 'expires':
      return entry.expiresAt;
    case 'secret':
      return row.secretKept ? 0 : 1;
    case 'verify':
      return VERIFY_ORDER[row.lastVerify?.outcome ?? 'none'];
  }
}

/**
 * A sorted copy. Missing values (never used, no expiry, no IP filter) go last in either
 * direction, because "nothing" is not smaller or larger than a date; ties fall back to the name
 * and then the key, so the order is stable across loads.
 */
export function sortTokens(index: readonly IndexedToken[], sort: SortState): IndexedToken[] {
  const factor = sort.direction === 'asc' ? 1 : -1;
  const keyed = index.map((entry) => ({ entry, value: sortValue(entry, sort.key) }));
  keyed.sort((a, b) => {
    if (a.value === null && b.value !== null) return 1;
    if (b.value === null && a.value !== null) return -1;
    if (a.value !== null && b.value !== null && a.value !== b.value)
      return a.value < b.value ? -factor : factor;
    if (a.entry.name !== b.entry.name) return a.entry.name < b.entry.name ? -1 : 1;
    return a.entry.row.key < b.entry.row.key ? -1 : a.entry.row.key > b.entry.row.key ? 1 : 0;
  });
  return keyed.map((item) => item.entry);
}
