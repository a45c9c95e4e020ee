/**
 * Authorization: what an authenticated caller may do, from its token's policies.
 *
 * A permission group is effective on a target when an allow policy grants it on a resource
 * covering the target and no deny policy names the same group on a resource covering it
 * (deny wins). Only groups whose scope matches the target count: an account-scoped group
 * never reaches a zone. A Global API Key is the user with every permission on the user and
 * the accounts (and their zones) the user is a member of.
 */
import type { TokenRecord } from './model';
import { parseResources, refCovers, scopeOfTarget, type Target } from './resources';
import type { SimStore } from './sim-store';

export type Principal =
  | { kind: 'user_token'; token: TokenRecord; userId: string }
  | { kind: 'account_token'; token: TokenRecord; accountId: string }
  | { kind: 'global_key'; userId: string };

/** Accounts the principal's wildcards can reach. */
export function reachableAccounts(principal: Principal, store: SimStore): Set<string> {
  if (principal.kind === 'account_token') {
    return store.accounts.has(principal.accountId) ? new Set([principal.accountId]) : new Set();
  }
  return store.memberAccountIds(principal.userId);
}

/** Ids of the permission groups effective on the target (allowed and not denied). */
export function effectiveGroupIds(principal: Principal, target: Target, store: SimStore): Set<string> {
  const scope = scopeOfTarget(target);
  const reachable = reachableAccounts(principal, store);
  if (principal.kind === 'global_key') {
    const inDomain =
      target.kind === 'user' ? target.userId === principal.userId : reachable.has(target.accountId);
    if (!inDomain) return new Set();
    return new Set(
      store.catalog
        .all()
        .filter((g) => g.scopes.includes(scope))
        .map((g) => g.id),
    );
  }
  const allowed = new Set<string>();
  const denied = new Set<string>();
  for (const policy of principal.token.policies) {
    const { refs } = parseResources(policy.resources);
    if (!refs.some((ref) => refCovers(ref, target, reachable))) continue;
    for (const grant of policy.permission_groups) {
      const group = store.catalog.get(grant.id);
      if (!group?.scopes.includes(scope)) continue;
      (policy.effect === 'allow' ? allowed : denied).add(group.id);
    }
  }
  for (const id of denied) allowed.delete(id);
  return allowed;
}

/** Whether any group with one of these names (in the target's scope) is effective on the target. */
export function hasPermission(
  principal: Principal,
  target: Target,
  groupNames: readonly string[],
  store: SimStore,
): boolean {
  const effective = effectiveGroupIds(principal, target, store);
  for (const id of effective) {
    const group = store.catalog.get(id);
    if (group && groupNames.includes(group.name)) return true;
  }
  return false;
}

/** Whether the principal reaches the target at all (any effective group of its scope). */
export function reaches(principal: Principal, target: Target, store: SimStore): boolean {
  return effectiveGroupIds(principal, target, store).size > 0;
}
