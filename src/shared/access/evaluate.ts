/**
 * Access evaluation: can this token do this, on that? Answered from its decoded policies alone.
 *
 * Cloudflare's rules, as its API-token documentation states them, over the policies as the
 * cache holds them (DecodedPolicy: each resource flattened, a nested account's zones read as
 * `account_zones`):
 * - A policy applies when one of its permission groups is the permission asked for (see
 *   permission-match.ts) and one of its resources covers the target.
 * - Deny wins: any applicable deny policy refuses, whatever allows exist; the answer names it.
 * - Wildcards: `com.cloudflare.api.account.zone.*` covers every zone, `com.cloudflare.api.account.*`
 *   every account.
 * - Nesting: `{"com.cloudflare.api.account.<id>": {"com.cloudflare.api.account.zone.*": "*"}}` covers
 *   the zones of that account, and a zone nested under its account is that zone.
 * - A group applies only to resources of its scope: a zone-scoped group (DNS Write) to zones, an
 *   account-scoped one to accounts, a user-scoped one to the user. Asked of an account, a
 *   zone-scoped permission means "on every zone of the account": a policy over all the account's
 *   zones grants it, a deny on any one of them refuses it. Asked of every zone (the access
 *   explorer's "all zones"), only a policy over all zones grants it, and a deny on any zone refuses.
 * - Nothing applicable: not allowed (Cloudflare grants nothing by default).
 * Status, dates and the IP filter are not policies: the caller reports them beside the answer.
 *
 * Pure and synchronous, so the command line and the window's access view give the same answer.
 */
import type { DecodedPolicy, DecodedResource } from '../domain';
import { PERMISSION_SCOPES } from '../cloudflare-types';
import { classifyResource } from '../policy/resource-keys';
import { matchesPermission } from './permission-match';
import type { AccessTarget } from './target';

export interface DecidingPolicy {
  /** Position in the token's policy list, from 1 as people count. */
  number: number;
  id: string;
  effect: 'allow' | 'deny';
  /** The policy's line in English (logs, `--json`), and as a message each face words. */
  summary: string;
  summaryMessage: DecodedPolicy['summaryMessage'];
}

export interface AccessAnswer {
  allowed: boolean;
  /** The policy that decided: the first applicable deny, else the first applicable allow. */
  decidedBy: DecidingPolicy | null;
  /** The token's permission groups the permission named, by name (empty when none did). */
  matchedGroups: string[];
  /** One sentence saying why. */
  reason: string;
}

type ScopeClass = 'zone' | 'account' | 'user' | 'other' | null;

function scopeClass(scope: string | null): ScopeClass {
  if (scope === null) return null;
  if (scope === PERMISSION_SCOPES.zone) return 'zone';
  if (scope === PERMISSION_SCOPES.account) return 'account';
  if (scope === PERMISSION_SCOPES.user) return 'user';
  return 'other';
}

/** Does a resource, in a policy of this effect, bear on a target for a group of this scope class? */
function bears(
  resource: DecodedResource,
  target: AccessTarget,
  scope: ScopeClass,
  effect: 'allow' | 'deny',
): boolean {
  switch (target.kind) {
    case 'zone':
      if (scope !== 'zone' && scope !== null) return false;
      return zoneCovered(resource, target.zoneId, target.accountId);
    case 'account': {
      if (scope === 'account' || scope === null) {
        const covered =
          (resource.kind === 'account' && resource.accountId === target.accountId) ||
          resource.kind === 'all_accounts';
        if (covered || scope === 'account') return covered;
      }
      if (scope !== 'zone' && scope !== null) return false;
      // A zone-scoped permission asked of an account: on every zone of it.
      if (resource.kind === 'all_zones') return true;
      if (resource.kind === 'account_zones') return resource.accountId === target.accountId;
      // One zone of the account is not every zone: it can only take away (a deny), never grant.
      return effect === 'deny' && resource.kind === 'zone' && resource.accountId === target.accountId;
    }
    case 'all_zones':
      if (scope !== 'zone' && scope !== null) return false;
      if (resource.kind === 'all_zones') return true;
      // Some zones are not every zone: they can only take away (a deny), never grant.
      return effect === 'deny' && (resource.kind === 'zone' || resource.kind === 'account_zones');
    case 'user': {
      if (scope !== 'user' && scope !== null) return false;
      if (resource.kind !== 'user') return false;
      if (target.userId === null) return true;
      return classifyResource(resource.key).userId === target.userId;
    }
  }
}

function zoneCovered(resource: DecodedResource, zoneId: string, accountId: string | null): boolean {
  switch (resource.kind) {
    case 'zone':
      return resource.zoneId === zoneId;
    case 'account_zones':
      return accountId !== null && resource.accountId === accountId;
    case 'all_zones':
      return true;
    default:
      return false;
  }
}

function applies(policy: DecodedPolicy, permission: string, target: AccessTarget): boolean {
  return policy.permissionGroups.some(
    (group) =>
      matchesPermission(group, permission) &&
      policy.resources.some((resource) => bears(resource, target, scopeClass(group.scope), policy.effect)),
  );
}

function deciding(policy: DecodedPolicy, index: number): DecidingPolicy {
  return {
    number: index + 1,
    id: policy.id,
    effect: policy.effect,
    summary: policy.summary,
    summaryMessage: policy.summaryMessage,
  };
}

/** Whether a token with these policies may use `permission` on `target`, and which policy says so. */
export function evaluateAccess(
  policies: readonly DecodedPolicy[],
  permission: string,
  target: AccessTarget,
): AccessAnswer {
  const matchedGroups = [
    ...new Set(
      policies.flatMap((policy) =>
        policy.permissionGroups
          .filter((group) => matchesPermission(group, permission))
          .map((group) => group.name),
      ),
    ),
  ];
  const denyIndex = policies.findIndex(
    (policy) => policy.effect === 'deny' && applies(policy, permission, target),
  );
  const deny = policies[denyIndex];
  if (deny) {
    return {
      allowed: false,
      decidedBy: deciding(deny, denyIndex),
      matchedGroups,
      reason: `No: policy ${denyIndex + 1} denies it (“${deny.summary}”), and a deny wins over any allow.`,
    };
  }
  const allowIndex = policies.findIndex(
    (policy) => policy.effect === 'allow' && applies(policy, permission, target),
  );
  const allow = policies[allowIndex];
  if (allow) {
    return {
      allowed: true,
      decidedBy: deciding(allow, allowIndex),
      matchedGroups,
      reason: `Yes: policy ${allowIndex + 1} allows it (“${allow.summary}”).`,
    };
  }
  if (matchedGroups.length === 0) {
    const names = [
      ...new Set(policies.flatMap((policy) => policy.permissionGroups.map((group) => group.name))),
    ];
    return {
      allowed: false,
      decidedBy: null,
      matchedGroups,
      reason:
        `No: the token has no permission “${permission.trim()}”` +
        (names.length > 0 ? `; it has ${names.join(', ')}.` : '; it has no policies.'),
    };
  }
  return {
    allowed: false,
    decidedBy: null,
    matchedGroups,
    reason: `No: the token has ${matchedGroups.join(', ')}, but no policy gives it on ${target.label}.`,
  };
}
