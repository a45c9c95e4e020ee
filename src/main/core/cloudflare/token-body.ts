/**
 * A token body, as Keyflare builds it, in the SDK's own parameter types.
 *
 * `CfTokenBody` is the exact JSON the preview shows; these functions copy it field by field into
 * `Cloudflare.User.TokenCreateParams` / `TokenUpdateParams` (the account endpoints take the same
 * plus `account_id`), in the same key order, so the body sent is the body shown. A create carries
 * only what Cloudflare's create payload (`iam_create_payload`) holds: never a status.
 *
 * Where the SDK's types and Cloudflare's OpenAPI schema (`iam_token_body`, see the shared
 * Cloudflare reference) disagree, the schema wins, and the type says so:
 * - a policy has an `id` (`iam_policy_with_permission_groups_and_resources`); the SDK's
 *   `TokenPolicyParam` leaves it out. A PUT that sends a token back unchanged keeps its policy ids.
 * - a permission group's `meta` is `{ key, value }` (`iam_permission_group`); the SDK lists other
 *   fields (label, scopes, …) and not these two.
 * Both are extra properties on the SDK's types, so the params stay assignable without a cast.
 */
import type Cloudflare from 'cloudflare';
import type { CfPermissionGroupRef, CfResources, CfTokenBody } from '../../../shared/cloudflare-types';
import { AppError } from '../../../shared/errors';
import { msg } from '../../../shared/i18n/message';

type SdkCreate = Cloudflare.User.TokenCreateParams;
type SdkUpdate = Cloudflare.User.TokenUpdateParams;
type SdkPolicy = SdkCreate['policies'][number];
type SdkGroup = SdkPolicy['permission_groups'][number];
type SdkResources = SdkPolicy['resources'];
type SdkCondition = NonNullable<SdkCreate['condition']>;

/** A policy as the schema has it: the SDK's, plus the policy id an existing token carries. */
type PolicyParam = SdkPolicy & { id?: string; permission_groups: GroupParam[] };
type GroupParam = SdkGroup & { meta?: NonNullable<SdkGroup['meta']> & CfPermissionGroupRef['meta'] };

/** A body's policy: what the builder writes, or an existing token's policy with its ids and meta. */
export interface TokenBodyPolicy {
  id?: string;
  effect: 'allow' | 'deny';
  permission_groups: Pick<CfPermissionGroupRef, 'id' | 'meta'>[];
  resources: CfResources;
}

/** What a token write sends: a `CfTokenBody`, whose policies may keep an existing token's ids. */
export interface TokenBody extends CfTokenBody {
  policies: TokenBodyPolicy[];
}

function resourcesParam(resources: CfResources): SdkResources {
  const flat: Record<string, string> = {};
  const nested: Record<string, Record<string, string>> = {};
  let flatCount = 0;
  let nestedCount = 0;
  for (const [key, value] of Object.entries(resources)) {
    if (typeof value === 'string') {
      flat[key] = value;
      flatCount += 1;
    } else {
      nested[key] = { ...value };
      nestedCount += 1;
    }
  }
  if (nestedCount === 0) return flat;
  if (flatCount === 0) return nested;
  // Cloudflare's schema (`iam_resources`: one of a map of strings or a map of maps) and the SDK
  // both say a policy's resources are of one kind. The policy builder splits a mixed selection
  // into two policies, and Cloudflare never sends one back, so a mixed map here is a body nobody
  // previewed: it is refused before anything is sent.
  throw new AppError('VALIDATION', msg('errors.draft.mixedResources'));
}

function policyParam(policy: TokenBodyPolicy): PolicyParam {
  return {
    ...(policy.id !== undefined ? { id: policy.id } : {}),
    effect: policy.effect,
    permission_groups: policy.permission_groups.map((group): GroupParam =>
      group.meta !== undefined ? { id: group.id, meta: { ...group.meta } } : { id: group.id },
    ),
    resources: resourcesParam(policy.resources),
  };
}

function conditionParam(condition: NonNullable<CfTokenBody['condition']>): SdkCondition {
  const ip = condition.request_ip;
  // A token read back may say `request_ip: null`; the schema's request_ip is an object, so a body
  // leaves it out instead.
  if (ip === undefined || ip === null) return {};
  return {
    request_ip: {
      ...(ip.in !== undefined ? { in: [...ip.in] } : {}),
      ...(ip.not_in !== undefined ? { not_in: [...ip.not_in] } : {}),
    },
  };
}

/** POST …/tokens: name, policies, and the condition and dates when the body has them. */
export function createParams(body: TokenBody): SdkCreate {
  return {
    name: body.name,
    policies: body.policies.map(policyParam),
    ...(body.condition !== undefined ? { condition: conditionParam(body.condition) } : {}),
    ...(body.not_before !== undefined ? { not_before: body.not_before } : {}),
    ...(body.expires_on !== undefined ? { expires_on: body.expires_on } : {}),
  };
}

/** PUT …/tokens/{id}: the whole definition (a field left out is cleared), and the status to set. */
export function updateParams(body: TokenBody): SdkUpdate {
  return {
    ...createParams(body),
    ...(body.status !== undefined ? { status: body.status } : {}),
  };
}
