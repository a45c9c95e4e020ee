/**
 * The Cloudflare API body of an existing token: what POST .../tokens would need to create it again.
 *
 * A token a draft can hold is written by the policy builder itself (`draftBody`), so the body
 * exported here is byte for byte the body the wizard's preview shows for the same token: group
 * ids sorted, resource keys sorted, an exclusion written as its allow policy followed by its deny
 * twin, dates in Cloudflare's form. A token a draft cannot hold (R2 buckets, unfamiliar keys) is
 * still exported, from Cloudflare's own copy with the same ordering rules, so nothing it grants is
 * lost; only read-only fields (id, status, issued_on, …) and never a secret are left out.
 */
import type { CfPolicy, CfResources, CfToken, CfTokenBody } from '../cloudflare-types';
import type { PolicyDraft } from '../domain';
import { draftBody, toCloudflareTime } from '../policy/build';
import type { BuildContext } from '../policy/build-context';
import { draftFromToken } from '../policy/draft-from-token';

function sortedKeys<T>(record: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of Object.keys(record).sort()) out[key] = record[key] as T;
  return out;
}

function normalizedResources(resources: CfResources): CfResources {
  const out: CfResources = {};
  for (const [key, value] of Object.entries(sortedKeys(resources)))
    out[key] = typeof value === 'string' ? value : sortedKeys(value);
  return out;
}

function normalizedPolicy(policy: CfPolicy): CfTokenBody['policies'][number] {
  return {
    effect: policy.effect,
    permission_groups: [...new Set(policy.permission_groups.map((group) => group.id))]
      .sort()
      .map((id) => ({ id })),
    resources: normalizedResources(policy.resources),
  };
}

/** The body from Cloudflare's copy, for tokens a draft cannot hold. */
function bodyFromWire(token: CfToken): CfTokenBody {
  const body: CfTokenBody = { name: token.name, policies: token.policies.map(normalizedPolicy) };
  const requestIp = token.condition?.request_ip;
  if (requestIp && ((requestIp.in?.length ?? 0) > 0 || (requestIp.not_in?.length ?? 0) > 0)) {
    body.condition = {
      request_ip: {
        ...(requestIp.in?.length ? { in: [...requestIp.in] } : {}),
        ...(requestIp.not_in?.length ? { not_in: [...requestIp.not_in] } : {}),
      },
    };
  }
  if (token.not_before) body.not_before = toCloudflareTime(token.not_before);
  if (token.expires_on) body.expires_on = toCloudflareTime(token.expires_on);
  return body;
}

/** A policy's place in an export: by effect, then groups, then resources, never Cloudflare's order. */
function policyOrder(policy: PolicyDraft): string {
  return JSON.stringify([policy.effect, [...policy.permissionGroupIds].sort(), policy.resources]);
}

/**
 * The create body of a token; `ctx` only words what a draft could not hold.
 *
 * Cloudflare sends policies in any order; the export sorts them (each allow keeps its exclusion
 * right after it), so exporting the same token twice gives the same text and a Terraform plan
 * shows no change that is only a re-ordering.
 */
export function tokenApiBody(token: CfToken, ctx: BuildContext): CfTokenBody {
  const read = draftFromToken(token, ctx);
  if (read.unrepresentable.length === 0 && read.draft.policies.length > 0) {
    const policies = [...read.draft.policies].sort((a, b) => (policyOrder(a) < policyOrder(b) ? -1 : 1));
    return draftBody({ ...read.draft, policies });
  }
  const body = bodyFromWire(token);
  body.policies.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  return body;
}
