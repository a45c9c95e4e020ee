/**
 * A token's decoded policies arranged for reading: permission groups grouped by scope, and a
 * deny policy that only carves resources out of an allow policy shown as that policy's
 * exclusions (the dashboard writes "all zones except x.com" as such a pair). Pairs are found by
 * the shared `exclusionPairs`, as the token list and the Edit draft find them.
 */
import type { DecodedPolicy, PERMISSION_SCOPES } from '../../shared/domain';
import type { MessageKey } from '../../shared/i18n';
import { exclusionPairs } from '../../shared/policy/exclusions';

type Scope = (typeof PERMISSION_SCOPES)[keyof typeof PERMISSION_SCOPES];

/** A permission group scope as the window groups it. */
export type ScopeName = 'zone' | 'account' | 'user' | 'r2' | 'other';

const SCOPE_NAMES: Record<Scope, ScopeName> = {
  'com.cloudflare.api.account.zone': 'zone',
  'com.cloudflare.api.account': 'account',
  'com.cloudflare.api.user': 'user',
  'com.cloudflare.edge.r2.bucket': 'r2',
};

/** Each scope's title: "Zone", "Account"… */
export const SCOPE_TITLES: Record<ScopeName, MessageKey> = {
  zone: 'policy.scope.zone',
  account: 'policy.scope.account',
  user: 'policy.scope.user',
  r2: 'policy.scope.r2',
  other: 'policy.scope.other',
};

const SCOPE_ORDER: readonly ScopeName[] = ['account', 'zone', 'user', 'r2', 'other'];

/** The scope a permission group belongs to ("other" for one Keyflare does not know). */
export function scopeName(scope: string | null): ScopeName {
  if (scope === null) return 'other';
  return (SCOPE_NAMES as Record<string, ScopeName>)[scope] ?? 'other';
}

export interface ScopeGroups {
  scope: ScopeName;
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
  const byScope = new Map<ScopeName, string[]>();
  for (const group of groups) {
    const scope = scopeName(group.scope);
    byScope.set(scope, [...(byScope.get(scope) ?? []), group.name]);
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
