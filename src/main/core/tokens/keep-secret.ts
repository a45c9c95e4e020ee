/**
 * Keeping a token secret in the keychain after create, roll or adopt — and what to say if it fails.
 *
 * The entry is `token:<profileId>:<tokenId>`; the cache records only the flag secret_kept.
 * A keychain failure after a create or roll must not lose the secret: the caller still shows it
 * once, with the sentence returned here telling the user to copy it now.
 */
import { isAppError } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { setSecretKept } from '../db/token-repository';
import { tokenSecretAccount } from '../secrets/secret-store';

export interface KeepOutcome {
  kept: boolean;
  /** A sentence for the user when keeping failed; null otherwise. */
  error: string | null;
}

function keychainSentence(error: unknown): string {
  const reason = isAppError(error) ? error.message : 'The system keychain refused to save it.';
  return `The secret was not saved in the keychain: ${reason} Copy it now: Keyflare cannot show it again.`;
}

/** Sets the cache flag; a cache failure here must not hide the secret the caller is about to show. */
function flag(ctx: CoreContext, profileId: string, tokenId: string, kept: boolean): void {
  try {
    setSecretKept(ctx.db(), profileId, tokenId, kept);
  } catch (error) {
    ctx.logger.error('secret_kept flag not written', {
      profileId,
      tokenId,
      code: isAppError(error) ? error.code : 'unknown',
    });
  }
}

/** Stores the secret and sets the flag; never throws for a keychain failure. */
export async function keepSecret(
  ctx: CoreContext,
  profileId: string,
  tokenId: string,
  secret: string,
): Promise<KeepOutcome> {
  try {
    await ctx.secrets.set(tokenSecretAccount(profileId, tokenId), secret);
  } catch (error) {
    ctx.logger.warn('token secret not kept', {
      profileId,
      tokenId,
      code: isAppError(error) ? error.code : 'unknown',
    });
    // Whatever the keychain held before is stale now (a roll replaced it): do not claim to keep it.
    await forgetStaleSecret(ctx, profileId, tokenId);
    return { kept: false, error: keychainSentence(error) };
  }
  flag(ctx, profileId, tokenId, true);
  return { kept: true, error: null };
}

/** Removes a secret that no longer works (after a roll the user chose not to keep); best effort. */
export async function forgetStaleSecret(ctx: CoreContext, profileId: string, tokenId: string): Promise<void> {
  flag(ctx, profileId, tokenId, false);
  try {
    await ctx.secrets.delete(tokenSecretAccount(profileId, tokenId));
  } catch (error) {
    // The entry is orphaned, not leaked: removing the profile removes every token:<profileId>:* entry.
    ctx.logger.warn('stale token secret not removed', {
      profileId,
      tokenId,
      code: isAppError(error) ? error.code : 'unknown',
    });
  }
}
