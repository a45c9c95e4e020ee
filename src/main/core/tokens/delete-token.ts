/**
 * tokens.delete: DELETE once; then the cache row, the kept secret and a `deleted` history entry.
 *
 * The history outlives the token. The keychain entry goes last and on a best-effort basis: the
 * token is gone at Cloudflare either way, and an entry left behind is removed with the profile.
 */
import { isAppError } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { removeToken } from '../db/token-repository';
import { tokenSecretAccount } from '../secrets/secret-store';
import { deletedEntry } from '../history/keyflare-entries';
import { loadTarget, profileClient } from './operation-target';
import type { TokenDeps } from './token-deps';
import { assertMayChange } from './write-permission';
import { writeFailure } from './write-errors';

export async function deleteToken(
  ctx: CoreContext,
  deps: TokenDeps,
  profileId: string,
  tokenId: string,
): Promise<void> {
  const target = loadTarget(ctx, deps, profileId, tokenId);
  assertMayChange(target, 'delete');
  const client = await profileClient(deps, target.profile);
  try {
    await client.tokens(target.owner).delete(tokenId);
  } catch (error) {
    throw writeFailure('delete', error);
  }
  ctx.logger.info('token deleted', { profileId, tokenId });
  removeToken(ctx.db(), profileId, tokenId, [deletedEntry(target.stored, ctx.clock.now().toISOString())]);
  try {
    await ctx.secrets.delete(tokenSecretAccount(profileId, tokenId));
  } catch (error) {
    ctx.logger.warn('deleted token’s secret left in the keychain', {
      profileId,
      tokenId,
      code: isAppError(error) ? error.code : 'unknown',
    });
  }
}
