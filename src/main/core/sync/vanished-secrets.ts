/**
 * After a successful sync: kept secrets of tokens Cloudflare no longer has leave the keychain.
 *
 * A secret whose token was deleted (in the dashboard, by another tool) can never authenticate
 * again, yet it would sit in the keychain under `token:<profileId>:<tokenId>` with nothing in the
 * window to show or remove it. Once a sync has committed, a kept secret of this profile without a
 * cached token is a candidate. A list can miss a token (pages shifting under a concurrent change),
 * and a deleted secret cannot be had back, so each candidate is confirmed first: Cloudflare must
 * answer "not found" for the token itself (verifying the secret would not do: a disabled token
 * answers like a deleted one). Only then is the secret deleted, and the token's history says so.
 * A candidate whose owner the cache never knew, a keychain or a Cloudflare that cannot answer:
 * nothing changes, the next sync looks again (and Settings → Keychain lists what is left).
 */
import { isAppError } from '../../../shared/errors';
import { msg } from '../../../shared/i18n/message';
import type { CloudflareClient } from '../cloudflare/gateway';
import type { CoreContext } from '../context';
import { insertHistory } from '../db/history-repository';
import { ownerOf, type StoredToken } from '../db/stored-token';
import { hasToken } from '../db/token-repository';
import { tokenSecretPrefix } from '../secrets/secret-store';

function nameOf(stored: StoredToken | undefined): string {
  try {
    const name: unknown = stored?.token.name;
    return typeof name === 'string' ? name : 'Deleted token';
  } catch {
    return 'Deleted token';
  }
}

/** Whether Cloudflare says the token no longer exists (asked with the profile's own client). */
async function confirmedGone(
  client: CloudflareClient,
  stored: StoredToken,
  tokenId: string,
): Promise<boolean> {
  if (stored.kind === 'account' && stored.accountId === null) return false;
  try {
    await client.tokens(ownerOf(stored)).get(tokenId);
    return false;
  } catch (error) {
    return isAppError(error) && error.code === 'NOT_FOUND';
  }
}

/** Removes kept secrets of tokens that are gone from Cloudflare; returns their ids. */
export async function dropVanishedSecrets(
  ctx: CoreContext,
  client: CloudflareClient,
  profileId: string,
  before: ReadonlyMap<string, StoredToken>,
): Promise<string[]> {
  const prefix = tokenSecretPrefix(profileId);
  let kept: string[];
  try {
    kept = (await ctx.secrets.list(prefix)).map((account) => account.slice(prefix.length));
  } catch (error) {
    ctx.logger.warn('kept secrets not checked after a sync', {
      profileId,
      code: isAppError(error) ? error.code : 'unknown',
    });
    return [];
  }
  if (kept.length === 0) return [];
  const db = ctx.db();
  const vanished = kept.filter((tokenId) => !hasToken(db, profileId, tokenId));
  const removed: string[] = [];
  for (const tokenId of vanished) {
    const stored = before.get(tokenId);
    if (!stored || !(await confirmedGone(client, stored, tokenId))) continue;
    try {
      await ctx.secrets.delete(`${prefix}${tokenId}`);
      removed.push(tokenId);
    } catch (error) {
      ctx.logger.warn('kept secret of a vanished token not removed', {
        profileId,
        code: isAppError(error) ? error.code : 'unknown',
      });
    }
  }
  const at = ctx.clock.now().toISOString();
  insertHistory(
    db,
    profileId,
    removed.map((tokenId) => ({
      tokenId,
      tokenName: nameOf(before.get(tokenId)),
      kind: 'secret_removed' as const,
      at,
      source: 'keyflare' as const,
      message: msg('history.secretRemoved'),
      before: null,
      after: null,
    })),
  );
  if (removed.length > 0)
    ctx.logger.info('kept secrets of vanished tokens removed', { profileId, count: removed.length });
  return removed;
}
