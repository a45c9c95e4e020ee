/**
 * The token list's view, search and filters in words, for a report's header ("profile Work ·
 * status disabled · search “acme”"), so a saved report says which tokens it covers.
 */
import type { Account, Profile } from '../../shared/domain';
import type { MessageKey } from '../../shared/i18n';
import { t } from './i18n';
import type { TokenFilters, TokenView } from './token-filter';

const QUICK: [keyof TokenFilters, MessageKey][] = [
  ['expiringSoon', 'tokens.listFilters.expiringSoon'],
  ['neverUsed', 'tokens.listFilters.neverUsed'],
  ['noExpiry', 'tokens.listFilters.noExpiry'],
  ['noIpFilter', 'tokens.listFilters.noIpFilter'],
];

export function describeListFilters(input: {
  view: TokenView;
  query: string;
  filters: TokenFilters;
  profiles: readonly Profile[];
  accounts: readonly Account[];
}): string {
  const { view, query, filters } = input;
  const parts: string[] = [];
  if (view.kind !== 'all') {
    const profile =
      input.profiles.find((p) => p.id === view.profileId)?.label ?? t('tokens.listFilters.someProfile');
    if (view.kind === 'profile') parts.push(t('tokens.listFilters.profile', { profile }));
    else {
      const account = input.accounts.find((a) => a.profileId === view.profileId && a.id === view.accountId);
      parts.push(t('tokens.listFilters.account', { account: account?.name ?? view.accountId, profile }));
    }
  }
  if (filters.kind !== 'any')
    parts.push(
      t(filters.kind === 'user' ? 'tokens.listFilters.userTokens' : 'tokens.listFilters.accountOwned'),
    );
  if (filters.status !== 'any') parts.push(t('tokens.listFilters.status', { status: filters.status }));
  for (const [key, words] of QUICK) if (filters[key] === true) parts.push(t(words));
  const search = query.trim();
  if (search) parts.push(t('tokens.listFilters.search', { query: search }));
  // Only visible characters go to main (a search may hold anything a keyboard can type).
  return parts
    .join(' · ')
    .replace(/[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, ' ')
    .slice(0, 500);
}
