/**
 * The token inventory's search, filters and sort, as pure functions over a prebuilt index.
 *
 * `buildTokenIndex` runs once per list load: it lowercases everything a search may match (name,
 * permission, resource, zone, account and profile names) into one string per row and parses
 * the dates once. A keystroke then costs one `includes` per term per row, which keeps 10,000
 * rows well inside a frame; sorting happens only when the sort or the list changes.
 */
import type { TokenRow, TokenStatus, VerifyOutcome } from '../../shared/domain';
import { toTime } from './format';

const DAY_MS = 24 * 60 * 60 * 1000;
/** "Expiring soon" means within this many days, as the insights' expires_soon warning does. */
export const EXPIRING_SOON_DAYS = 30;

/** One row plus what search and sort need, computed once per load. */
export interface IndexedToken {
  row: TokenRow;
  /** Lowercased haystack: name, permissions, resources, account and profile names. */
  text: string;
  /** Lowercased name, the sort key of the Name column. */
  name: string;
  expiresAt: number | null;
  lastUsedAt: number | null;
}

export function indexToken(row: TokenRow): IndexedToken {
  const parts = [
    row.name,
    row.permissionsSummary,
    row.resourcesSummary,
    ...row.permissionNames,
    ...row.resourceNames,
    row.accountName ?? '',
    row.profileLabel,
    row.ipFilterSummary ?? '',
    row.id,
  ];
  return {
    row,
    text: parts.join('\n').toLowerCase(),
    name: row.name.toLowerCase(),
    expiresAt: toTime(row.expiresOn),
    lastUsedAt: toTime(row.lastUsedOn),
  };
}

export function buildTokenIndex(rows: readonly TokenRow[]): IndexedToken[] {
  return rows.map(indexToken);
}

/** Which part of the inventory the sidebar shows. */
export type TokenView =
  | { kind: 'all' }
  | { kind: 'profile'; profileId: string }
  | { kind: 'account'; profileId: string; accountId: string };

export type KindFilter = 'any' | 'user' | 'account';
export type StatusFilter = 'any' | TokenStatus;

export interface TokenFilters {
  kind: KindFilter;
  status: StatusFilter;
  expiringSoon: boolean;
  neverUsed: boolean;
  noExpiry: boolean;
  noIpFilter: boolean;
}

export const NO_FILTERS: TokenFilters = {
  kind: 'any',
  status: 'any',
  expiringSoon: false,
  neverUsed: false,
  noExpiry: false,
  noIpFilter: false,
};

/** How many filters differ from "no filters" (the toolbar's badge). */
export function activeFilterCount(filters: TokenFilters): number {
  let count = 0;
  if (filters.kind !== 'any') count += 1;
  if (filters.status !== 'any') count += 1;
  if (filters.expiringSoon) count += 1;
  if (filters.neverUsed) count += 1;
  if (filters.noExpiry) count += 1;
  if (filters.noIpFilter) count += 1;
  return count;
}

/**
 * What an account view matches: tokens the account owns, and user tokens of the same profile
 * whose resources reach it (all accounts, all zones, the account itself, its zones). Built from
 * the labels the decoder writes ("account Acme", "all zones in account Acme", "zone x.com").
 */
export interface AccountReach {
  profileId: string;
  accountId: string;
  /** Lowercased resource labels that reach the account. */
  labels: ReadonlySet<string>;
}

export function accountReach(
  profileId: string,
  account: { id: string; name: string },
  zoneNames: readonly string[],
): AccountReach {
  const labels = new Set<string>(['all accounts', 'all zones']);
  labels.add(`account ${account.name}`.toLowerCase());
  labels.add(`all zones in account ${account.name}`.toLowerCase());
  for (const zone of zoneNames) labels.add(`zone ${zone}`.toLowerCase());
  return { profileId, accountId: account.id, labels };
}

function reaches(row: TokenRow, reach: AccountReach): boolean {
  if (row.profileId !== reach.profileId) return false;
  if (row.kind === 'account') return row.accountId === reach.accountId;
  return row.resourceNames.some((name) => reach.labels.has(name.toLowerCase()));
}

/** Splits a query into lowercase terms; every term must match (AND), in any field. */
export function queryTerms(query: string): string[] {
  return query
    .toLowerCase()
    .split(/\s+/u)
    .filter((term) => term.length > 0);
}

export interface FilterInput {
  query: string;
  filters: TokenFilters;
  view: TokenView;
  /** Required for an account view. */
  reach?: AccountReach | null;
  now: Date;
}

/** The rows that pass the view, the filters and the search, in the order given. */
export function filterTokens(index: readonly IndexedToken[], input: FilterInput): IndexedToken[] {
  const terms = queryTerms(input.query);
  const { filters, view } = input;
  const now = input.now.getTime();
  const soon = now + EXPIRING_SOON_DAYS * DAY_MS;
  const reach = view.kind === 'account' ? (input.reach ?? null) : null;
  const out: IndexedToken[] = [];
  for (const entry of index) {
    const row = entry.row;
    if (view.kind === 'profile' && row.profileId !== view.profileId) continue;
    if (view.kind === 'account' && (reach === null || !reaches(row, reach))) continue;
    if (filters.kind !== 'any' && row.kind !== filters.kind) continue;
    if (filters.status !== 'any' && row.status !== filters.status) continue;
    if (
      filters.expiringSoon &&
      (entry.expiresAt === null || entry.expiresAt <= now || entry.expiresAt > soon)
    )
      continue;
    if (filters.neverUsed && entry.lastUsedAt !== null) continue;
    if (filters.noExpiry && entry.expiresAt !== null) continue;
    if (filters.noIpFilter && row.ipFilterSummary !== null) continue;
    let matches = true;
    for (const term of terms) {
      if (!entry.text.includes(term)) {
        matches = false;
        break;
      }
    }
    if (matches) out.push(entry);
  }
  return out;
}

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
