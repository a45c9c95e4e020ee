/**
 * A token's decoded policies arranged for reading: permission groups grouped by scope, and a
 * deny policy that only carves resources out of an allow policy shown as that policy's
 * exclusions (the dashboard writes "all zones except x.com" as such a pair).
 */
import type { DecodedPolicy, PERMISSION_SCOPES } from '../../shared/domain';

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

function groupSet(policy: DecodedPolicy): string {
  return [...new Set(policy.permissionGroups.map((g) => g.id))].sort().join(',');
}

export function policyViews(policies: readonly DecodedPolicy[]): PolicyView[] {
  const views: PolicyView[] = [];
  const allowBySet = new Map<string, PolicyView>();
  const absorbed = new Set<string>();
  for (const policy of policies) {
    if (policy.effect !== 'allow') continue;
    const view: PolicyView = {
      id: policy.id,
      effect: 'allow',
      groups: groupByScope(policy.permissionGroups),
      include: policy.resources,
      exclude: [],
    };
    views.push(view);
    if (!allowBySet.has(groupSet(policy))) allowBySet.set(groupSet(policy), view);
  }
  for (const policy of policies) {
    if (policy.effect !== 'deny') continue;
    const partner = allowBySet.get(groupSet(policy));
    if (partner && !absorbed.has(partner.id)) {
      absorbed.add(partner.id);
      partner.exclude = policy.resources;
      continue;
    }
    views.push({
      id: policy.id,
      effect: 'deny',
      groups: groupByScope(policy.permissionGroups),
      include: policy.resources,
      exclude: [],
    });
  }
  return views;
}
