/**
 * A PUT body that is the whole token as Cloudflare holds it now, with one field changed.
 *
 * PUT replaces a token's definition: a field left out is cleared. Enabling or disabling a token
 * therefore sends everything back exactly as it is — policy ids, permission groups with their
 * meta, resources (nested or flat, as they are), the IP condition and both dates — so no part
 * Keyflare cannot edit is lost on the way.
 */
import type { CfCondition, CfTokenBody } from '../../../shared/cloudflare-types';
import type { TokenBody } from '../cloudflare/token-body';
import type { WireToken } from '../cloudflare/wire';

function conditionOf(token: WireToken): CfCondition | undefined {
  const ip = token.condition?.request_ip;
  const inList = ip?.in ?? [];
  const notIn = ip?.not_in ?? [];
  if (inList.length === 0 && notIn.length === 0) return undefined;
  return {
    request_ip: {
      ...(inList.length > 0 ? { in: [...inList] } : {}),
      ...(notIn.length > 0 ? { not_in: [...notIn] } : {}),
    },
  };
}

/**
 * The token as a body. `status` is what to set; an expired token's status is left out (Cloudflare
 * derives "expired" from the expiry date, so it is not a status one can send back).
 */
export function fullTokenBody(token: WireToken, status: WireToken['status']): TokenBody {
  const condition = conditionOf(token);
  return {
    name: token.name,
    policies: token.policies.map((policy) => ({
      ...(policy.id !== undefined ? { id: policy.id } : {}),
      effect: policy.effect,
      permission_groups: policy.permission_groups.map((group) =>
        group.meta !== undefined ? { id: group.id, meta: { ...group.meta } } : { id: group.id },
      ),
      resources: structuredClone(policy.resources),
    })),
    ...(condition ? { condition } : {}),
    ...(token.not_before ? { not_before: token.not_before } : {}),
    ...(token.expires_on ? { expires_on: token.expires_on } : {}),
    ...(status === 'expired' ? {} : { status }),
  };
}

/** A draft's body with the token's current status, for an edit (the status is not the edit's business). */
export function withCurrentStatus(body: CfTokenBody, current: WireToken['status']): CfTokenBody {
  return current === 'expired' ? body : { ...body, status: current };
}
