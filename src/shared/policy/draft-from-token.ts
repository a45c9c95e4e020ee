/**
 * The builder in reverse: an existing token as a TokenDraft, so Edit reuses the create wizard.
 *
 * A deny policy whose permission groups equal an allow policy's (as sets) is the dashboard's
 * way of writing an exclusion and folds back into that allow policy as `include: false`
 * selectors (paired by `exclusionPairs`, the rule the token list and detail read them by);
 * each allow absorbs at most one deny, so rebuilding gives back the same set of policies.
 * Other deny policies stay deny drafts.
 *
 * Nothing is dropped silently: whatever the draft cannot hold (R2 buckets, unknown or
 * malformed keys, values other than "*", empty policies, conditions other than request_ip)
 * is named in `unrepresentable`, and the UI must refuse to edit while that list is not empty,
 * because saving the draft would remove those parts from the token.
 */
import type { CfPolicy, CfToken } from '../cloudflare-types';
import type { PolicyDraft, ResourceSelector, TokenDraft } from '../domain';
import type { BuildContext } from './build-context';
import { nameLookupFor } from './build-context';
import { exclusionPairs } from './exclusions';
import { resourceLabel } from './labels';
import { classifyResource, flattenResources, selectorFor } from './resource-keys';

export interface DraftFromToken {
  draft: TokenDraft;
  /** Plain sentences, one per part of the token the draft cannot hold; empty when editing is safe. */
  unrepresentable: string[];
}

interface ReadPolicy {
  effect: CfPolicy['effect'];
  groupIds: string[];
  selectors: ResourceSelector[];
}

function readPolicy(
  policy: CfPolicy,
  index: number,
  ctx: BuildContext,
  unrepresentable: string[],
): ReadPolicy | null {
  const names = nameLookupFor(ctx);
  const where = `Policy ${index + 1}`;
  const groupIds = [...new Set(policy.permission_groups.map((group) => group.id))];
  if (groupIds.length === 0) {
    unrepresentable.push(`${where} has no permission groups.`);
    return null;
  }
  const selectors: ResourceSelector[] = [];
  for (const { key, value, parentKey } of flattenResources(policy.resources)) {
    const resource = classifyResource(key, parentKey);
    const label = resourceLabel(resource, key, parentKey, names);
    const selector = selectorFor(resource, true);
    if (resource.kind === 'r2_bucket') {
      unrepresentable.push(`${where} applies to ${label}; Keyflare cannot edit R2 bucket resources yet.`);
    } else if (selector === null) {
      unrepresentable.push(`${where} applies to ${label}, a resource Keyflare does not know.`);
    } else if (value !== '*') {
      unrepresentable.push(`${where} gives ${label} the value "${value}" instead of "*".`);
    } else {
      selectors.push(selector);
    }
  }
  if (selectors.length === 0) {
    if (Object.keys(policy.resources).length === 0) unrepresentable.push(`${where} has no resources.`);
    return null;
  }
  return { effect: policy.effect, groupIds, selectors };
}

function conditionProblems(condition: CfToken['condition']): string[] {
  if (!condition) return [];
  const problems = Object.keys(condition)
    .filter((key) => key !== 'request_ip')
    .map((key) => `The token has a "${key}" condition, which Keyflare cannot edit.`);
  const requestIp: Record<string, unknown> = { ...(condition.request_ip ?? {}) };
  for (const key of Object.keys(requestIp).filter((k) => k !== 'in' && k !== 'not_in')) {
    problems.push(`The token's IP filter has a "${key}" rule, which Keyflare cannot edit.`);
  }
  return problems;
}

/** Reads a token back into a draft, with everything the draft cannot hold listed. */
export function draftFromToken(token: CfToken, ctx: BuildContext): DraftFromToken {
  const unrepresentable: string[] = [];
  const read = token.policies
    .map((policy, index) => readPolicy(policy, index, ctx, unrepresentable))
    .filter((policy): policy is ReadPolicy => policy !== null);

  const pairs = exclusionPairs(read);
  const drafts: PolicyDraft[] = read.map((policy) => ({
    effect: policy.effect,
    permissionGroupIds: policy.groupIds,
    resources: [...policy.selectors],
  }));
  for (const [deny, allow] of pairs) {
    const excluded = read[deny]?.selectors ?? [];
    drafts[allow]?.resources.push(...excluded.map((selector) => ({ ...selector, include: false })));
  }

  unrepresentable.push(...conditionProblems(token.condition));
  return {
    draft: {
      name: token.name,
      policies: drafts.filter((_, index) => !pairs.has(index)),
      requestIp: {
        in: [...(token.condition?.request_ip?.in ?? [])],
        notIn: [...(token.condition?.request_ip?.not_in ?? [])],
      },
      notBefore: token.not_before ?? null,
      expiresOn: token.expires_on ?? null,
    },
    unrepresentable,
  };
}
