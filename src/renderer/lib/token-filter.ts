/**
 * The token inventory's views, filters and search, as pure functions over the prebuilt index
 * (token-index.ts): a keystroke costs one `includes` per term per row, which keeps 10,000 rows
 * well inside a frame.
 */
import type { TokenRow, TokenStatus } from '../../shared/domain';
import type { IndexedToken } from './token-index';

const DAY_MS = 24 * 60 * 60 * 1000;
/** "Expiring soon" means within this many days, as the insights' expires_soon warning does. */
export const EXPIRING_SOON_DAYS = 30;

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

/** How many queries a search remembers before it starts over. */
const REMEMBERED_QUERIES = 64;

/** True when every row matching `narrow` also matches `wide`: each term of `wide` is inside one of `narrow`. */
function narrows(narrow: readonly string[], wide: readonly string[]): boolean {
  return wide.every((term) => narrow.some((other) => other.includes(term)));
}

/**
 * The search over one list and one set of filters, remembering its answers: typing a letter
 * searches only the rows the query before it matched ("dns" within "dn"'s rows), and erasing one
 * finds the shorter query's rows already made. The answer is the same, in the same order, as
 * `filterTokens(base, { ...input, query })`. A new list, filters or time makes a new search.
 */
export function createTokenSearch(
  base: readonly IndexedToken[],
  input: Omit<FilterInput, 'query'>,
): (query: string) => IndexedToken[] {
  const answers = new Map<string, { terms: string[]; rows: IndexedToken[] }>();
  return (query) => {
    const terms = queryTerms(query);
    const id = terms.join(' ');
    const known = answers.get(id);
    if (known) return known.rows;
    let within: IndexedToken[] | null = null;
    for (const answer of answers.values())
      if (narrows(terms, answer.terms) && (within === null || answer.rows.length < within.length))
        within = answer.rows;
    // Rows already found passed the view and the filters: only the terms are left to check.
    const rows =
      within === null
        ? filterTokens(base, { ...input, query })
        : filterTokens(within, { query, filters: NO_FILTERS, view: { kind: 'all' }, now: input.now });
    if (answers.size >= REMEMBERED_QUERIES) answers.clear();
    answers.set(id, { terms, rows });
    return rows;
  };
}
