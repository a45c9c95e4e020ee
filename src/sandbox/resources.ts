/**
 * Resource keys of token policies: parsing the flat and nested forms, and what they cover.
 *
 * Flat:   com.cloudflare.api.account.zone.<zone_id>: "*"   one zone
 *         com.cloudflare.api.account.zone.*: "*"           every zone the owner can reach
 *         com.cloudflare.api.account.<account_id>: "*"     one account
 *         com.cloudflare.api.account.*: "*"                every account the owner can reach
 *         com.cloudflare.api.user.<user_id>: "*"           the user
 *         com.cloudflare.edge.r2.bucket.<...>: "*"         an R2 bucket
 * Nested: com.cloudflare.api.account.<account_id>: { com.cloudflare.api.account.zone.*: "*" }
 *         = every zone of that account (or one zone, or an R2 bucket, of that account).
 */
import { SCOPE } from './permission-groups';
import type { PermissionScope, ResourceMap } from './model';

export type ResourceRef =
  | { kind: 'user'; key: string; userId: string }
  | { kind: 'account'; key: string; accountId: string }
  | { kind: 'all_accounts'; key: string }
  | { kind: 'zone'; key: string; zoneId: string; accountId: string | null }
  /** accountId null: all zones of all reachable accounts. */
  | { kind: 'account_zones'; key: string; accountId: string | null }
  | { kind: 'r2_bucket'; key: string; accountId: string | null };

/** A resource key or value the API would refuse. */
export interface ResourceProblem {
  key: string;
  reason: string;
}

const USER_KEY = /^com\.cloudflare\.api\.user\.([0-9a-f]{32})$/u;
const ZONE_KEY = /^com\.cloudflare\.api\.account\.zone\.([0-9a-f]{32})$/u;
const ALL_ZONES_KEY = 'com.cloudflare.api.account.zone.*';
const ACCOUNT_KEY = /^com\.cloudflare\.api\.account\.([0-9a-f]{32})$/u;
const ALL_ACCOUNTS_KEY = 'com.cloudflare.api.account.*';
const R2_KEY = /^com\.cloudflare\.edge\.r2\.bucket\.[A-Za-z0-9_*.-]+$/u;

/** Parses a resources object into references, collecting every problem. */
export function parseResources(resources: ResourceMap): { refs: ResourceRef[]; problems: ResourceProblem[] } {
  const refs: ResourceRef[] = [];
  const problems: ResourceProblem[] = [];
  for (const [key, value] of Object.entries(resources)) {
    if (typeof value === 'string') {
      if (value !== '*') {
        problems.push({ key, reason: `resource value must be "*", got "${value}"` });
        continue;
      }
      const ref = parseFlatKey(key);
      if (ref) refs.push(ref);
      else problems.push({ key, reason: 'unknown resource key' });
      continue;
    }
    const accountMatch = ACCOUNT_KEY.exec(key);
    const accountId = accountMatch?.[1] ?? null;
    if (accountId === null && key !== ALL_ACCOUNTS_KEY) {
      problems.push({ key, reason: 'only an account key may hold nested resources' });
      continue;
    }
    const innerEntries = Object.entries(value);
    if (innerEntries.length === 0) {
      problems.push({ key, reason: 'nested resources must not be empty' });
      continue;
    }
    for (const [innerKey, innerValue] of innerEntries) {
      if (innerValue !== '*') {
        problems.push({ key: innerKey, reason: `resource value must be "*", got "${innerValue}"` });
        continue;
      }
      const zoneMatch = ZONE_KEY.exec(innerKey);
      if (innerKey === ALL_ZONES_KEY)
        refs.push({ kind: 'account_zones', key: `${key} > ${innerKey}`, accountId });
      else if (zoneMatch?.[1])
        refs.push({ kind: 'zone', key: `${key} > ${innerKey}`, zoneId: zoneMatch[1], accountId });
      else if (R2_KEY.test(innerKey))
        refs.push({ kind: 'r2_bucket', key: `${key} > ${innerKey}`, accountId });
      else problems.push({ key: innerKey, reason: 'unknown nested resource key' });
    }
  }
  return { refs, problems };
}

function parseFlatKey(key: string): ResourceRef | null {
  const user = USER_KEY.exec(key)?.[1];
  if (user) return { kind: 'user', key, userId: user };
  const zone = ZONE_KEY.exec(key)?.[1];
  if (zone) return { kind: 'zone', key, zoneId: zone, accountId: null };
  if (key === ALL_ZONES_KEY) return { kind: 'account_zones', key, accountId: null };
  const account = ACCOUNT_KEY.exec(key)?.[1];
  if (account) return { kind: 'account', key, accountId: account };
  if (key === ALL_ACCOUNTS_KEY) return { kind: 'all_accounts', key };
  if (R2_KEY.test(key)) return { kind: 'r2_bucket', key, accountId: null };
  return null;
}

/** The permission scope a resource reference belongs to. */
export function scopeOfRef(ref: ResourceRef): PermissionScope {
  switch (ref.kind) {
    case 'user':
      return SCOPE.user;
    case 'account':
    case 'all_accounts':
      return SCOPE.account;
    case 'zone':
    case 'account_zones':
      return SCOPE.zone;
    case 'r2_bucket':
      return SCOPE.r2Bucket;
  }
}

/** Something a request acts on. */
export type Target =
  | { kind: 'user'; userId: string }
  | { kind: 'account'; accountId: string }
  | { kind: 'zone'; zoneId: string; accountId: string };

export function scopeOfTarget(target: Target): PermissionScope {
  if (target.kind === 'user') return SCOPE.user;
  if (target.kind === 'account') return SCOPE.account;
  return SCOPE.zone;
}

/**
 * Whether a reference covers the target. `reachableAccounts` bounds the wildcards: a user
 * token's "all accounts" means the accounts its user is a member of now; an account token's
 * means its own account.
 */
export function refCovers(ref: ResourceRef, target: Target, reachableAccounts: ReadonlySet<string>): boolean {
  switch (target.kind) {
    case 'user':
      return ref.kind === 'user' && ref.userId === target.userId;
    case 'account':
      if (!reachableAccounts.has(target.accountId)) return false;
      return (ref.kind === 'account' && ref.accountId === target.accountId) || ref.kind === 'all_accounts';
    case 'zone':
      if (!reachableAccounts.has(target.accountId)) return false;
      if (ref.kind === 'zone') {
        return ref.zoneId === target.zoneId && (ref.accountId === null || ref.accountId === target.accountId);
      }
      if (ref.kind === 'account_zones') return ref.accountId === null || ref.accountId === target.accountId;
      return false;
  }
}
