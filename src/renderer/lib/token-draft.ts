/**
 * Drafts for the wizard: an empty one, and one read back from a cached token for Edit.
 *
 * The cache hands the renderer decoded policies (TokenDetail), while the shared
 * `draftFromToken` reads Cloudflare's wire shape. `wireTokenFromDetail` rebuilds that shape
 * from the decoded resources (an "all zones of account X" entry becomes Cloudflare's nested
 * form again), so Edit runs exactly the same folding and "cannot be edited" checks as main.
 */
import type { CfPolicy, CfResources, CfToken } from '../../shared/cloudflare-types';
import { ALL_ZONES_KEY, RESOURCE_PREFIX } from '../../shared/cloudflare-types';
import type { DecodedPolicy, TokenDetail, TokenDraft } from '../../shared/domain';
import { draftFromToken, type BuildContext, type DraftFromToken } from '../../shared/policy/build';

export function emptyDraft(name = ''): TokenDraft {
  return {
    name,
    policies: [{ effect: 'allow', permissionGroupIds: [], resources: [] }],
    requestIp: { in: [], notIn: [] },
    notBefore: null,
    expiresOn: null,
  };
}

function wireResources(policy: DecodedPolicy): CfResources {
  const resources: CfResources = {};
  for (const resource of policy.resources) {
    if (resource.kind === 'account_zones' && resource.accountId !== null) {
      const accountKey = `${RESOURCE_PREFIX.account}${resource.accountId}`;
      const existing = resources[accountKey];
      resources[accountKey] = { ...(typeof existing === 'object' ? existing : {}), [ALL_ZONES_KEY]: '*' };
    } else {
      resources[resource.key] = '*';
    }
  }
  return resources;
}

/** Cloudflare's shape of a cached token, rebuilt from its decoded policies. */
export function wireTokenFromDetail(detail: TokenDetail): CfToken {
  const policies: CfPolicy[] = detail.policies.map((policy) => ({
    id: policy.id,
    effect: policy.effect,
    permission_groups: policy.permissionGroups.map((group) => ({ id: group.id, name: group.name })),
    resources: wireResources(policy),
  }));
  const hasIp = detail.requestIp.in.length > 0 || detail.requestIp.notIn.length > 0;
  return {
    id: detail.id,
    name: detail.name,
    status: detail.status,
    issued_on: detail.issuedOn,
    modified_on: detail.modifiedOn,
    last_used_on: detail.lastUsedOn,
    not_before: detail.notBefore,
    expires_on: detail.expiresOn,
    policies,
    condition: hasIp
      ? {
          request_ip: {
            ...(detail.requestIp.in.length > 0 ? { in: detail.requestIp.in } : {}),
            ...(detail.requestIp.notIn.length > 0 ? { not_in: detail.requestIp.notIn } : {}),
          },
        }
      : null,
  };
}

/** The Edit draft for a cached token, with what the draft cannot hold. */
export function draftFromDetail(detail: TokenDetail, ctx: BuildContext): DraftFromToken {
  return draftFromToken(wireTokenFromDetail(detail), ctx);
}

/** A YYYY-MM-DD date input value as the ISO time the draft holds (midnight UTC), or null. */
export function dayToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(value)) return null;
  const time = Date.parse(`${value}T00:00:00Z`);
  return Number.isNaN(time) ? null : new Date(time).toISOString().replace(/\.\d{3}Z$/u, 'Z');
}

/** The date input value (YYYY-MM-DD, UTC) of a draft's ISO time. */
export function isoToDay(iso: string | null): string {
  if (iso === null) return '';
  const time = Date.parse(iso);
  return Number.isNaN(time) ? '' : new Date(time).toISOString().slice(0, 10);
}

/** An ISO time `days` days after `now`, at midnight UTC (what the TTL presets set). */
export function daysFromNow(days: number, now: Date = new Date()): string {
  const base = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(base + days * 86_400_000).toISOString().replace(/\.\d{3}Z$/u, 'Z');
}
