/**
 * tokens.roll: PUT .../value once; the new secret is shown once and replaces the kept one.
 *
 * After a roll the old secret no longer works, so a kept copy of it is either replaced by the new
 * secret (keepSecret) or removed — never left behind looking valid. The cache records a `rolled`
 * history entry; the token's definition does not change.
 */
import type { ShowOnceSecret, TokenRow } from '../../../shared/domain';
import type { CoreContext } from '../context';
import { recordHistory } from '../db/history-repository';
import { rolledEntry } from '../history/keyflare-entries';
import { forgetStaleSecret, keepSecret, type KeepOutcome } from './keep-secret';
import { loadTarget, profileClient } from './operation-target';
import type { TokenDeps } from './token-deps';
import { assertMayChange } from './write-permission';
import { writeFailure } from './write-errors';

export async function rollToken(
  ctx: CoreContext,
  deps: TokenDeps,
  profileId: string,
  tokenId: string,
  keep: boolean,
): Promise<ShowOnceSecret> {
  const target = loadTarget(ctx, deps, profileId, tokenId);
  assertMayChange(target, 'roll');
  const client = await profileClient(deps, target.profile);
  let secret: string;
  try {
    secret = await client.tokens(target.owner).roll(tokenId);
  } catch (error) {
    throw writeFailure('roll', error);
  }
  ctx.logger.info('token rolled', { profileId, tokenId });
  try {
    recordHistory(ctx.db(), profileId, [rolledEntry(target.stored, ctx.clock.now().toISOString())]);
  } catch {
    ctx.logger.error('roll not recorded in history', { profileId, tokenId });
  }
  let outcome: KeepOutcome = { kept: false, error: null };
  if (keep) outcome = await keepSecret(ctx, profileId, tokenId, secret);
  else await forgetStaleSecret(ctx, profileId, tokenId);
  return {
    token: rowAfterRoll(deps, target.row, outcome.kept),
    secret,
    keptInKeychain: outcome.kept,
    keychainError: outcome.error,
  };
}

/** The row to show with the new secret; the cached one if the cache cannot be read now (never lose the secret). */
function rowAfterRoll(deps: TokenDeps, before: TokenRow, kept: boolean): TokenRow {
  try {
    return deps.inventory.row(before.profileId, before.id);
  } catch {
    return { ...before, secretKept: kept };
  }
}
