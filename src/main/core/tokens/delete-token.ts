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
import { loadCachedToken, profileClient } from './cached-token';
import { deleteFor } from './owner-calls';
import { deletedEntry } from './token-history';
import type { TokenDeps } from './token-deps';
import { assertMayChange } from './write-permission';
import { writeFailure } from './write-errors';

export async function deleteToken(
  ctx: CoreContext,
  deps: TokenDeps,
  profileId: string,
  tokenId: string,
): Promise<void> {
  const cached = loadCachedToken(ctx, deps, profileId, tokenId);
  assertMayChange(cached, 'delete');
  const client = await profileClient(deps, cached.profile);
  try {
    await deleteFor(client, cached.owner, tokenId);
  } catch (error) {
    throw writeFailure('delete', error);
  }
  ctx.logger.info('token deleted', { profileId, tokenId });
  removeToken(ctx.db(), profileId, tokenId, [deletedEntry(cached.entry, ctx.clock.now().toISOString())]);
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
