/**
 * Policy comparison as Cloudflare means it: what the policies grant, not how they are written.
 *
 * Cloudflare returns policies and their permission groups in another order than they were
 * sent, adds policy ids, and may write a specific zone nested under its account or flat. Two
 * policies with the same effect and the same groups grant what one policy on both their
 * resources grants (the builder writes a zone and all zones of an account as two, because
 * Cloudflare takes one kind of resources map per policy). None of that counts as a difference
 * here; the effect, the set of group ids and the resources each set of groups reaches do.
 */
import type { CfPolicy } from '../cloudflare-types';
import { flattenResources, resourceIdentity } from './resource-keys';

type ComparablePolicy = Pick<CfPolicy, 'effect' | 'permission_groups' | 'resources'>;

/** Each effect and set of groups, with every resource it reaches, written as comparable text. */
function grants(policies: readonly ComparablePolicy[]): Map<string, Set<string>> {
  const byGroups = new Map<string, Set<string>>();
  for (const policy of policies) {
    const groups = [...new Set(policy.permission_groups.map((group) => group.id))].sort();
    const key = JSON.stringify([policy.effect, groups]);
    const resources = byGroups.get(key) ?? new Set<string>();
    for (const resource of flattenResources(policy.resources)) {
      resources.add(`${resourceIdentity(resource)}=${resource.value}`);
    }
    byGroups.set(key, resources);
  }
  return byGroups;
}

/** Whether two policy lists grant the same thing, ignoring ids, order, splits and flat/nested spelling. */
export function samePolicies(a: readonly ComparablePolicy[], b: readonly ComparablePolicy[]): boolean {
  const left = grants(a);
  const right = grants(b);
  if (left.size !== right.size) return false;
  return [...left].every(([key, resources]) => {
    const other = right.get(key);
    return other !== undefined && other.size === resources.size && [...resources].every((r) => other.has(r));
  });
}
