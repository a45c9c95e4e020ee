/**
 * Policy comparison as Cloudflare means it: sets, not lists.
 *
 * Cloudflare returns policies and their permission groups in another order than they were
 * sent, adds policy ids, and may write a specific zone nested under its account or flat. None
 * of that changes what the token can do, so none of it counts as a difference here; the
 * effect, the set of group ids and the set of resources (with their values) do.
 */
import type { CfPolicy } from '../cloudflare-types';
import { flattenResources, resourceIdentity } from './resource-keys';

type ComparablePolicy = Pick<CfPolicy, 'effect' | 'permission_groups' | 'resources'>;

/** A policy written so that two equivalent policies give the same text. */
export function canonicalPolicy(policy: ComparablePolicy): string {
  const groups = [...new Set(policy.permission_groups.map((group) => group.id))].sort();
  const resources = [
    ...new Set(
      flattenResources(policy.resources).map((resource) => `${resourceIdentity(resource)}=${resource.value}`),
    ),
  ].sort();
  return JSON.stringify([policy.effect, groups, resources]);
}

/** Whether two policy lists grant the same thing, ignoring ids, order and flat/nested spelling. */
export function samePolicies(a: readonly ComparablePolicy[], b: readonly ComparablePolicy[]): boolean {
  const left = new Set(a.map(canonicalPolicy));
  const right = new Set(b.map(canonicalPolicy));
  return left.size === right.size && [...left].every((policy) => right.has(policy));
}
