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
import { msg, nest, type Message } from '../i18n/message';
import { resourceMessage } from './labels';
import { classifyResource, flattenResources, selectorFor } from './resource-keys';

export interface DraftFromToken {
  draft: TokenDraft;
  /** One message per part of the token the draft cannot hold (`validation.edit.*`); empty when editing is safe. */
  unrepresentable: Message[];
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
  unrepresentable: Message[],
): ReadPolicy | null {
  const names = nameLookupFor(ctx);
  const policyNumber = index + 1;
  const groupIds = [...new Set(policy.permission_groups.map((group) => group.id))];
  if (groupIds.length === 0) {
    unrepresentable.push(msg('validation.edit.noGroups', { policy: policyNumber }));
    return null;
  }
  const selectors: ResourceSelector[] = [];
  for (const { key, value, parentKey } of flattenResources(policy.resources)) {
    const resource = classifyResource(key, parentKey);
    const about = {
      policy: policyNumber,
      ...nest('resource', resourceMessage(resource, key, parentKey, names)),
    };
    const selector = selectorFor(resource, true);
    if (resource.kind === 'r2_bucket') {
      unrepresentable.push(msg('validation.edit.r2', about));
    } else if (selector === null) {
      unrepresentable.push(msg('validation.edit.unknownResource', about));
    } else if (value !== '*') {
      unrepresentable.push(msg('validation.edit.notStar', { ...about, value }));
    } else {
      selectors.push(selector);
    }
  }
  if (selectors.length === 0) {
    if (Object.keys(policy.resources).length === 0)
      unrepresentable.push(msg('validation.edit.noResources', { policy: policyNumber }));
    return null;
  }
  return { effect: policy.effect, groupIds, selectors };
}

function conditionProblems(condition: CfToken['condition']): Message[] {
  if (!condition) return [];
  const problems = Object.keys(condition)
    .filter((key) => key !== 'request_ip')
    .map((key) => msg('validation.edit.condition', { condition: key }));
  const requestIp: Record<string, unknown> = { ...(condition.request_ip ?? {}) };
  for (const key of Object.keys(requestIp).filter((k) => k !== 'in' && k !== 'not_in')) {
    problems.push(msg('validation.edit.ipRule', { rule: key }));
  }
  return problems;
}

/** Reads a token back into a draft, with everything the draft cannot hold listed. */
export function draftFromToken(token: CfToken, ctx: BuildContext): DraftFromToken {
  const unrepresentable: Message[] = [];
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
