/**
 * Policy decoding: Cloudflare's policies and IP condition in plain words.
 *
 * Feeds the token inventory (TokenRow's summary fields) and the token detail (DecodedPolicy).
 * Names come through a lookup port so the same code runs on the cache in main and on store
 * data in the renderer. An id the lookup does not know is shown shortened, never dropped.
 */
import type { CfCondition, CfPermissionGroupRef, CfPolicy, CfToken } from '../cloudflare-types';
import type { DecodedPolicy, DecodedResource } from '../domain';
import { exclusionPairs } from './exclusions';
import { type Message, msg, nest } from '../i18n/message';
import { namesMessage, resourceLabel, resourceMessage, type ResourceNames } from './labels';
import { classifyResource, flattenResources } from './resource-keys';

/** Names for permission groups, accounts, zones and the user, as the profile knows them. */
export interface NameLookup extends ResourceNames {
  /** By id (ids are unique across scopes, names are not). */
  permissionGroup(id: string): { name: string; scope: string } | null;
}

/** The client IP filter: `in` allows only these ranges, `notIn` exempts ranges. */
export interface RequestIp {
  in: string[];
  notIn: string[];
}

/** The TokenRow fields that describe what a token can do. */
export interface TokenSummary {
  permissionsSummary: string;
  resourcesSummary: string;
  ipFilterSummary: string | null;
  permissionNames: string[];
  resourceNames: string[];
}

/**
 * A permission group's name and scope.
 *
 * The lookup wins; when it does not know the id, the name Cloudflare sent with the policy is
 * used (it is Cloudflare's own name, better than a placeholder), and only with neither the
 * group reads "Unknown permission <first 8 characters of the id>".
 */
export function decodePermissionGroup(
  group: CfPermissionGroupRef,
  lookup: Pick<NameLookup, 'permissionGroup'>,
): { id: string; name: string; scope: string | null } {
  const known = lookup.permissionGroup(group.id);
  if (known) return { id: group.id, name: known.name, scope: known.scope };
  const name = group.name?.trim() ? group.name : `Unknown permission ${group.id.slice(0, 8)}`;
  return { id: group.id, name, scope: null };
}

/** Decodes a resources map, nested or flat, into one DecodedResource per resource. */
export function decodeResources(resources: CfPolicy['resources'], lookup: ResourceNames): DecodedResource[] {
  return flattenResources(resources).map(({ key, parentKey }) => {
    const resource = classifyResource(key, parentKey);
    const accountId =
      resource.kind === 'zone' && resource.accountId === null && resource.zoneId !== null
        ? (lookup.zone(resource.zoneId)?.accountId ?? null)
        : resource.accountId;
    return {
      key,
      kind: resource.kind,
      label: resourceLabel(resource, key, parentKey, lookup),
      accountId,
      zoneId: resource.zoneId,
    };
  });
}

/** One policy in one line: "DNS Write on zone example.com", "deny DNS Write on zone x.com". */
export function policySummary(
  effect: CfPolicy['effect'],
  groupNames: readonly string[],
  resourceLabels: readonly string[],
): string {
  const groups = groupNames.length > 0 ? groupNames.join(', ') : 'no permissions';
  const resources = resourceLabels.length > 0 ? resourceLabels.join(', ') : 'no resources';
  return `${effect === 'deny' ? 'deny ' : ''}${groups} on ${resources}`;
}

/**
 * The one-line summary as a message: "DNS Write on zone example.com" in the reader's language.
 * Permission-group names stay as Cloudflare sends them; each resource is its own nested message
 * (the first three, then how many more), and so is each excluded one (the wizard's preview).
 */
export function policySummaryMessage(
  effect: CfPolicy['effect'],
  groupNames: readonly string[],
  resources: readonly Message[],
  excluded: readonly Message[] = [],
): Message {
  const shown = resources.slice(0, 3);
  const except = excluded.slice(0, 3);
  const params: Record<string, string | number> = {
    effect,
    ...(groupNames.length > 0 ? nest('groups', namesMessage(groupNames)) : { groups: 'none' }),
    count: resources.length,
    more: Math.max(0, resources.length - shown.length),
    ecount: excluded.length,
    emore: Math.max(0, excluded.length - except.length),
  };
  shown.forEach((resource, index) => Object.assign(params, nest(`r${index}`, resource)));
  except.forEach((resource, index) => Object.assign(params, nest(`e${index}`, resource)));
  return msg('outcomes.policy.summary', params);
}

/** A summary kept as English text only (decoded by an older Keyflare), shown as it is until the next sync. */
export function summaryMessageOf(
  policy: Pick<DecodedPolicy, 'summary'> & { summaryMessage?: DecodedPolicy['summaryMessage'] },
): DecodedPolicy['summaryMessage'] {
  return policy.summaryMessage ?? msg('outcomes.policy.rawWords', { words: policy.summary });
}

/** Decodes a token's policies in Cloudflare's order; a policy without an id gets "policy-<n>". */
export function decodePolicies(policies: readonly CfPolicy[], lookup: NameLookup): DecodedPolicy[] {
  return policies.map((policy, index) => {
    const permissionGroups = policy.permission_groups.map((group) => decodePermissionGroup(group, lookup));
    const resources = decodeResources(policy.resources, lookup);
    return {
      id: policy.id ?? `policy-${index + 1}`,
      effect: policy.effect,
      permissionGroups,
      resources,
      summary: policySummary(
        policy.effect,
        permissionGroups.map((group) => group.name),
        resources.map((resource) => resource.label),
      ),
      summaryMessage: policySummaryMessage(
        policy.effect,
        permissionGroups.map((group) => group.name),
        flattenResources(policy.resources).map(({ key, parentKey }) =>
          resourceMessage(classifyResource(key, parentKey), key, parentKey, lookup),
        ),
      ),
    };
  });
}

/** The IP filter of a token's condition; absent lists are empty. */
export function decodeRequestIp(condition: CfCondition | null | undefined): RequestIp {
  return {
    in: [...(condition?.request_ip?.in ?? [])],
    notIn: [...(condition?.request_ip?.not_in ?? [])],
  };
}

/** "only from 203.0.113.0/24; not from 198.51.100.7/32", or null when there is no IP filter. */
export function summarizeRequestIp(requestIp: RequestIp): string | null {
  const parts: string[] = [];
  if (requestIp.in.length > 0) parts.push(`only from ${requestIp.in.join(', ')}`);
  if (requestIp.notIn.length > 0) parts.push(`not from ${requestIp.notIn.join(', ')}`);
  return parts.length > 0 ? parts.join('; ') : null;
}

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

/**
 * The TokenRow summary fields of a token.
 *
 * An exclusion reads as it is meant: an allow policy and its deny twin (same permission groups,
 * paired by `exclusionPairs`) give the allow's permissions once and one resource piece
 * "all zones except zone x.com". A deny policy with no allow twin reads "deny <permission>" in
 * the permissions summary and "except <resource>" in the resources summary, so a denial is
 * visible in the list without opening the token. `resourceNames` keeps every resource, the
 * excluded ones too, so a search by an excluded zone's name still finds the token.
 */
export function summarizeToken(
  token: Pick<CfToken, 'policies' | 'condition'>,
  lookup: NameLookup,
): TokenSummary {
  const decoded = decodePolicies(token.policies, lookup);
  const pairs = exclusionPairs(
    decoded.map((policy) => ({
      effect: policy.effect,
      groupIds: policy.permissionGroups.map((group) => group.id),
    })),
  );
  const excludedBy = new Map<number, string[]>();
  for (const [deny, allow] of pairs) {
    excludedBy.set(allow, decoded[deny]?.resources.map((resource) => resource.label) ?? []);
  }
  const permissions: string[] = [];
  const resources: string[] = [];
  decoded.forEach((policy, index) => {
    // A folded deny says nothing of its own: its groups are its allow's, its resources the exceptions.
    if (pairs.has(index)) return;
    const prefix = policy.effect === 'deny' ? 'deny ' : '';
    for (const group of policy.permissionGroups) permissions.push(`${prefix}${group.name}`);
    const labels = policy.resources.map((resource) => resource.label);
    const excluded = excludedBy.get(index) ?? [];
    if (excluded.length > 0 && labels.length > 0) {
      resources.push(`${labels.join(', ')} except ${excluded.join(', ')}`);
    } else {
      for (const label of labels) resources.push(`${policy.effect === 'deny' ? 'except ' : ''}${label}`);
      // An allow without resources grants nothing to carve from; its exceptions still show.
      for (const label of excluded) resources.push(`except ${label}`);
    }
  });
  return {
    permissionsSummary: unique(permissions).join(', '),
    resourcesSummary: unique(resources).join('; '),
    ipFilterSummary: summarizeRequestIp(decodeRequestIp(token.condition)),
    permissionNames: unique(decoded.flatMap((policy) => policy.permissionGroups.map((group) => group.name))),
    resourceNames: unique(decoded.flatMap((policy) => policy.resources.map((resource) => resource.label))),
  };
}
