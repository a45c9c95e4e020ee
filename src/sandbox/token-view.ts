/**
 * Tokens as the API returns them (iam_token_base), status computation, and re-ordering.
 *
 * Cloudflare does not keep the order in which policies and permission groups were sent.
 * The simulator returns them in a deterministic order derived from ids, and when that order
 * happens to equal the stored one it reverses it: any list of two or more comes back in a
 * different order, so a client that compares by position fails every time, not sometimes.
 */
import { createHash } from 'node:crypto';
import type { PolicyRecord, TokenRecord, TokenStatus } from './model';
import { sortBy } from './pagination';
import type { PermissionCatalog } from './permission-groups';

/** active / disabled / expired, where expired is computed from expires_on. */
export function tokenStatus(token: TokenRecord, now: Date): TokenStatus {
  if (token.expires_on !== null && Date.parse(token.expires_on) <= now.getTime()) return 'expired';
  return token.status;
}

/** Whether a token's secret authenticates now: active, inside not_before/expires_on. */
export function tokenUsable(token: TokenRecord, now: Date): boolean {
  if (tokenStatus(token, now) !== 'active') return false;
  return token.not_before === null || Date.parse(token.not_before) <= now.getTime();
}

/**
 * An item's place in the deterministic order, by its salted id. Kept once made: every list
 * request shows the same tokens again, and hashing them each time was most of its work.
 */
const rankCache = new Map<string, string>();
const RANK_CACHE_LIMIT = 200_000;
function rankOf(saltedId: string): string {
  let rank = rankCache.get(saltedId);
  if (rank === undefined) {
    rank = createHash('sha1').update(saltedId).digest('hex');
    if (rankCache.size >= RANK_CACHE_LIMIT) rankCache.clear();
    rankCache.set(saltedId, rank);
  }
  return rank;
}

function shuffled<T>(items: readonly T[], salt: string, idOf: (item: T) => string): T[] {
  if (items.length < 2) return [...items];
  const reordered = sortBy(items, (item) => rankOf(`${salt}:${idOf(item)}`), 'asc');
  const same = reordered.every((item, index) => item === items[index]);
  return same ? reordered.reverse() : reordered;
}

/** A copy of a policy's resources (strings, or one level of nested strings). */
function copyResources(resources: PolicyRecord['resources']): PolicyRecord['resources'] {
  const copy: PolicyRecord['resources'] = {};
  for (const [key, value] of Object.entries(resources))
    copy[key] = typeof value === 'string' ? value : { ...value };
  return copy;
}

function policyView(policy: PolicyRecord, catalog: PermissionCatalog): Record<string, unknown> {
  const groups = shuffled(policy.permission_groups, policy.id, (grant) => grant.id).map((grant) => {
    const view: Record<string, unknown> = { id: grant.id, name: catalog.get(grant.id)?.name ?? grant.id };
    if (grant.meta) view['meta'] = { ...grant.meta };
    return view;
  });
  return {
    id: policy.id,
    effect: policy.effect,
    resources: copyResources(policy.resources),
    permission_groups: groups,
  };
}

/** The token as GET/list/update return it. Never includes the secret. */
export function tokenView(
  token: TokenRecord,
  catalog: PermissionCatalog,
  now: Date,
): Record<string, unknown> {
  const view: Record<string, unknown> = {
    id: token.id,
    name: token.name,
    status: tokenStatus(token, now),
    issued_on: token.issued_on,
    modified_on: token.modified_on,
  };
  // The schema's date-time fields are not nullable: absent means "never" / "no limit".
  if (token.last_used_on !== null) view['last_used_on'] = token.last_used_on;
  if (token.not_before !== null) view['not_before'] = token.not_before;
  if (token.expires_on !== null) view['expires_on'] = token.expires_on;
  view['policies'] = shuffled(token.policies, token.id, (policy) => policy.id).map((policy) =>
    policyView(policy, catalog),
  );
  if (token.requestIp !== null) {
    view['condition'] = { request_ip: { in: [...token.requestIp.in], not_in: [...token.requestIp.not_in] } };
  }
  return view;
}
