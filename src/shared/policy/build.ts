/**
 * The policy builder: a TokenDraft becomes the exact body of POST/PUT .../tokens.
 *
 * Exclusions. Cloudflare has no "exclude" inside a policy. The dashboard expresses
 * "all zones except x.com" as two policies: an `allow` policy on the included resources and a
 * `deny` policy with the same permission groups on the excluded ones (a deny wins over an
 * allow). A PolicyDraft whose selectors carry `include: false` is written the same way, and
 * `draftFromToken` folds such a pair back. A PolicyDraft with effect `deny` (and only included
 * selectors) is a plain deny policy.
 *
 * One kind of resources map per policy. Cloudflare's schema takes a policy's resources as flat
 * keys or as keys nested under an account, never both; a draft that picks a zone and all zones
 * of an account is written as two policies with the same effect and groups (see
 * `resourceMapsFromSelectors`), so every body the preview shows is one Cloudflare accepts.
 *
 * Determinism. The same draft always gives the same JSON: keys in a fixed order (name,
 * policies, condition, not_before, expires_on; effect, permission_groups, resources), group ids
 * sorted and de-duplicated, resource keys sorted. Cloudflare treats both lists as sets, so the
 * order carries no meaning, and a stable body makes previews and tests comparable.
 *
 * Dates are sent as Cloudflare writes them, UTC with whole seconds ("2027-01-31T00:00:00Z").
 */
import type { CfCondition, CfTokenBody } from '../cloudflare-types';
import { AppError } from '../errors';
import { issueDetail } from '../i18n/issue-message';
import { msg, nest } from '../i18n/message';
import type { TokenDraft } from '../domain';
import type { BuildContext } from './build-context';
import { checkCidr } from './cidr';
import { resourceMapsFromSelectors } from './resource-keys';
import { validateDraft } from './validate-draft';

export type { BuildContext, BuildContextInput, ZoneInfo } from './build-context';
export { createBuildContext, nameLookupFor } from './build-context';
export { validateDraft, type DraftIssue } from './validate-draft';
export { describeDraft, describeDraftMessages } from './describe-draft';
export { draftFromToken, type DraftFromToken } from './draft-from-token';
export { samePolicies } from './same-policies';

type BodyPolicy = CfTokenBody['policies'][number];

/** An ISO date-time in Cloudflare's form: UTC, whole seconds, "Z". */
export function toCloudflareTime(iso: string): string {
  return new Date(Date.parse(iso)).toISOString().replace(/\.\d{3}Z$/u, 'Z');
}

function uniqueSorted(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}

function bodyPolicies(draft: TokenDraft): BodyPolicy[] {
  const policies: BodyPolicy[] = [];
  for (const policy of draft.policies) {
    const permissionGroups = uniqueSorted(policy.permissionGroupIds).map((id) => ({ id }));
    const included = policy.resources.filter((selector) => selector.include);
    const excluded = policy.resources.filter((selector) => !selector.include);
    const push = (effect: BodyPolicy['effect'], resources: BodyPolicy['resources']): void => {
      policies.push({
        effect,
        permission_groups: permissionGroups.map((group) => ({ ...group })),
        resources,
      });
    };
    for (const resources of resourceMapsFromSelectors(included)) push(policy.effect, resources);
    if (policy.effect === 'allow' && excluded.length > 0) {
      for (const resources of resourceMapsFromSelectors(excluded)) push('deny', resources);
    }
  }
  return policies;
}

function uniqueCidrs(values: readonly string[]): string[] {
  return [
    ...new Set(
      values.map((value) => {
        const check = checkCidr(value);
        return check.ok ? check.cidr : value.trim();
      }),
    ),
  ];
}

function bodyCondition(requestIp: TokenDraft['requestIp']): CfCondition | null {
  const inList = uniqueCidrs(requestIp.in);
  const notInList = uniqueCidrs(requestIp.notIn);
  if (inList.length === 0 && notInList.length === 0) return null;
  return {
    request_ip: {
      ...(inList.length > 0 ? { in: inList } : {}),
      ...(notInList.length > 0 ? { not_in: notInList } : {}),
    },
  };
}

/**
 * The exact JSON body Cloudflare will receive for this draft.
 *
 * Throws AppError VALIDATION, with every issue in `details.issues`, when the draft does not
 * pass `validateDraft`: nothing half-checked is ever sent.
 */
export function buildTokenBody(draft: TokenDraft, ctx: BuildContext): CfTokenBody {
  const issues = validateDraft(draft, ctx);
  const first = issues[0];
  if (first) {
    throw new AppError(
      'VALIDATION',
      msg('errors.draft.notReady', { path: first.path, ...nest('problem', first.message) }),
      { issues: issues.map((issue) => issueDetail(issue.path, issue.message)) },
    );
  }
  return draftBody(draft);
}

/**
 * The body of a draft without the checks: for exporting a token that already exists (its dates
 * may be past, its groups no longer offered), written exactly as `buildTokenBody` would write it.
 */
export function draftBody(draft: TokenDraft): CfTokenBody {
  const body: CfTokenBody = { name: draft.name.trim(), policies: bodyPolicies(draft) };
  const condition = bodyCondition(draft.requestIp);
  if (condition) body.condition = condition;
  if (draft.notBefore !== null) body.not_before = toCloudflareTime(draft.notBefore);
  if (draft.expiresOn !== null) body.expires_on = toCloudflareTime(draft.expiresOn);
  return body;
}
