/**
 * A token's decoded policies arranged for reading: permission groups grouped by scope, and a
 * deny policy that only carves resources out of an allow policy shown as that policy's
 * exclusions (the dashboard writes "all zones except x.com" as such a pair). Pairs are found by
 * the shared `exclusionPairs`, as the token list and the Edit draft find them.
 */
import type { DecodedPolicy, PERMISSION_SCOPES } from '../../shared/domain';
import { exclusionPairs } from '../../shared/policy/exclusions';

type Scope = (typeof PERMISSION_SCOPES)[keyof typeof PERMISSION_SCOPES];

const SCOPE_TITLES: Record<Scope, string> = {
  'com.cloudflare.api.account.zone': 'Zone',
  'com.cloudflare.api.account': 'Account',
  'com.cloudflare.api.user': 'User',
  'com.cloudflare.edge.r2.bucket': 'R2 bucket',
};

const SCOPE_ORDER = ['Account', 'Zone', 'User', 'R2 bucket', 'Other'];

/** "Zone", "Account", "User", "R2 bucket" or "Other" for a permission group scope. */
export function scopeTitle(scope: string | null): string {
  if (scope === null) return 'Other';
  return (SCOPE_TITLES as Record<string, string>)[scope] ?? 'Other';
}

export interface ScopeGroups {
  scope: string;
  names: string[];
}

export interface PolicyView {
  id: string;
  effect: 'allow' | 'deny';
  groups: ScopeGroups[];
  include: DecodedPolicy['resources'];
  exclude: DecodedPolicy['resources'];
}

export function groupByScope(groups: DecodedPolicy['permissionGroups']): ScopeGroups[] {
  const byScope = new Map<string, string[]>();
  for (const group of groups) {
    const title = scopeTitle(group.scope);
    byScope.set(title, [...(byScope.get(title) ?? []), group.name]);
  }
  return [...byScope]
    .sort(([a], [b]) => SCOPE_ORDER.indexOf(a) - SCOPE_ORDER.indexOf(b))
    .map(([scope, names]) => ({ scope, names: names.sort((x, y) => x.localeCompare(y)) }));
}

function viewOf(policy: DecodedPolicy): PolicyView {
  return {
    id: policy.id,
    effect: policy.effect,
    groups: groupByScope(policy.permissionGroups),
    include: policy.resources,
    exclude: [],
  };
}

/** Allow policies first (each with its exclusions), then the deny policies that stand alone. */
export function policyViews(policies: readonly DecodedPolicy[]): PolicyView[] {
  const pairs = exclusionPairs(
    policies.map((policy) => ({
      effect: policy.effect,
      groupIds: policy.permissionGroups.map((group) => group.id),
    })),
  );
  const views = new Map<number, PolicyView>();
  policies.forEach((policy, index) => {
    if (policy.effect === 'allow') views.set(index, viewOf(policy));
  });
  for (const [deny, allow] of pairs) {
    const view = views.get(allow);
    if (view) view.exclude = policies[deny]?.resources ?? [];
  }
  const standalone = policies
    .map((policy, index) => ({ policy, index }))
    .filter(({ policy, index }) => policy.effect === 'deny' && !pairs.has(index))
    .map(({ policy }) => viewOf(policy));
  return [...views.values(), ...standalone];
}
