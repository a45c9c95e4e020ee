/**
 * What an operation on an existing token starts from: the profile, the token as stored, its owner
 * and its row — read from the cache in one go — and the profile's own Cloudflare client.
 *
 * Every operation on an existing token starts here, so "Keyflare does not know this token" and
 * "this profile no longer exists" read the same everywhere.
 */
import type { Profile, TokenOwner, TokenRow } from '../../../shared/domain';
import type { CloudflareClient } from '../cloudflare/gateway';
import type { CoreContext } from '../context';
import { ownerOf, type StoredToken } from '../db/stored-token';
import { findRowWithStored } from '../db/token-repository';
import { unknownToken } from '../inventory/inventory-service';
import type { TokenDeps } from './token-deps';

export interface OperationTarget {
  profile: Profile;
  /** The token as Cloudflare last sent it, with its owner facts. */
  stored: StoredToken;
  owner: TokenOwner;
  /** The row as the list shows it now (what permission checks and replies start from). */
  row: TokenRow;
}

/** Loads the target of an operation; NOT_FOUND when the profile or the token is unknown. */
export function loadTarget(
  ctx: CoreContext,
  deps: TokenDeps,
  profileId: string,
  tokenId: string,
): OperationTarget {
  const profile = deps.profiles.get(profileId);
  const found = findRowWithStored(ctx.db(), profile, tokenId, ctx.clock.now());
  if (!found) throw unknownToken(profileId, tokenId);
  return { profile, stored: found.stored, owner: ownerOf(found.stored), row: found.row };
}

/** The profile's own Cloudflare client (its credential from the keychain). */
export async function profileClient(deps: TokenDeps, profile: Profile): Promise<CloudflareClient> {
  const credential = await deps.profiles.credential(profile.id);
  return deps.gateway.forProfile(profile.id, profile.baseUrl, credential);
}
