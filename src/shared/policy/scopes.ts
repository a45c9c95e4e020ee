/**
 * Permission-group scopes: which kind of resource each scope's groups can be granted on.
 *
 * A zone-scoped group only acts on zones, an account-scoped group only on accounts, a
 * user-scoped group only on the user; the builder enforces this before Cloudflare would refuse.
 */
import { PERMISSION_SCOPES, type ResourceSelector } from '../domain';

export type ScopeKind = 'zone' | 'account' | 'user' | 'r2_bucket';

/** The kind of a scope string, or null for a scope Keyflare does not know. */
export function scopeKind(scope: string): ScopeKind | null {
  switch (scope) {
    case PERMISSION_SCOPES.zone:
      return 'zone';
    case PERMISSION_SCOPES.account:
      return 'account';
    case PERMISSION_SCOPES.user:
      return 'user';
    case PERMISSION_SCOPES.r2Bucket:
      return 'r2_bucket';
    default:
      return null;
  }
}

/** The builder selections each scope's groups may be granted on (R2 buckets have none yet). */
export const SELECTORS_FOR_SCOPE: Record<ScopeKind, readonly ResourceSelector['type'][]> = {
  zone: ['zone', 'account_zones', 'all_zones'],
  account: ['account', 'all_accounts'],
  user: ['user'],
  r2_bucket: [],
};

/** How a sentence names what a scope's groups act on. */
export const SCOPE_NOUN: Record<ScopeKind, string> = {
  zone: 'zones',
  account: 'accounts',
  user: 'the user',
  r2_bucket: 'R2 buckets',
};

/** How a sentence names a group of a scope: "a zone permission". */
export const SCOPE_ADJECTIVE: Record<ScopeKind, string> = {
  zone: 'zone',
  account: 'account',
  user: 'user',
  r2_bucket: 'R2 bucket',
};
