/**
 * Secrets Keyflare does not hold yet, and letting go of one it holds.
 *
 * - tokens.verifySecret: verifies a pasted secret at the right endpoint and matches it to its
 *   token in the cache by the id Cloudflare reports. The secret is not stored.
 * - tokens.adopt: re-verifies that the secret belongs to that very token id, then keeps it in the
 *   keychain and sets secret_kept. A secret that Cloudflare does not accept (or that belongs to
 *   another token) is refused: nothing is kept that cannot be shown to work.
 * - tokens.forgetSecret: removes the keychain entry and clears the flag.
 */
import type { TokenOwner, TokenRow, VerifyResult } from '../../../shared/domain';
import { AppError, isAppError } from '../../../shared/errors';
import { msg, nest, type Message } from '../../../shared/i18n/message';
import { issueDetail } from '../../../shared/i18n/issue-message';
import type { WireVerify } from '../cloudflare/wire';
import type { CoreContext } from '../context';
import { saveVerifyResult, setSecretKept } from '../db/token-repository';
import { tokenSecretAccount } from '../secrets/secret-store';
import { findTokenRow } from '../db/token-repository';
import { loadTarget } from './operation-target';
import { ownerForSecret } from './secret-owner';
import type { SecretVerifier } from './secret-verifier';
import type { TokenDeps } from './token-deps';
import { fromVerifyError, fromVerifyReply } from './verify-outcome';

export interface VerifiedSecret {
  result: VerifyResult;
  tokenId: string | null;
  token: TokenRow | null;
}

export async function verifyPastedSecret(
  ctx: CoreContext,
  deps: TokenDeps,
  verifier: SecretVerifier,
  profileId: string,
  secret: string,
  owner: TokenOwner | undefined,
): Promise<VerifiedSecret> {
  const profile = deps.profiles.get(profileId);
  const target = ownerForSecret(deps.inventory, profile, secret, owner);
  let reply: WireVerify;
  try {
    reply = await verifier.verify(profile, target, secret);
  } catch (error) {
    const result = fromVerifyError(error, null, ctx.clock.now());
    if (
      result.message.key === 'verify.refused.invalid' &&
      target.kind === 'user' &&
      owner === undefined &&
      !secret.startsWith('cfut_')
    ) {
      return {
        result: { ...result, message: { ...result.message, key: 'verify.refused.invalidTryAccount' } },
        tokenId: null,
        token: null,
      };
    }
    return { result, tokenId: null, token: null };
  }
  const result = fromVerifyReply(reply, null, ctx.clock.now());
  if (!findTokenRow(ctx.db(), profile, reply.id, ctx.clock.now()))
    return { result, tokenId: reply.id, token: null };
  saveVerifyResult(ctx.db(), profileId, reply.id, result);
  return { result, tokenId: reply.id, token: deps.inventory.row(profileId, reply.id) };
}

export async function adoptSecret(
  ctx: CoreContext,
  deps: TokenDeps,
  verifier: SecretVerifier,
  profileId: string,
  tokenId: string,
  secret: string,
): Promise<TokenRow> {
  const target = loadTarget(ctx, deps, profileId, tokenId);
  const refuse = (reason: Message): AppError =>
    new AppError('VALIDATION', msg('errors.adopt.notKept', nest('reason', reason)), {
      profileId,
      tokenId,
      issues: [issueDetail('secret', reason)],
    });
  let reply: WireVerify;
  try {
    reply = await verifier.verify(target.profile, target.owner, secret);
  } catch (error) {
    if (
      !isAppError(error) ||
      !['AUTH_INVALID', 'PERMISSION_DENIED', 'NOT_FOUND', 'VALIDATION'].includes(error.code)
    ) {
      // Offline, timeout, rate limit: Keyflare could not confirm the secret, so it keeps nothing.
      throw isAppError(error)
        ? new AppError(
            error.code,
            msg('errors.adopt.couldNotConfirm', nest('cause', error.text)),
            error.details,
          )
        : error;
    }
    const result = fromVerifyError(error, target.row, ctx.clock.now());
    throw refuse(
      result.outcome === 'invalid'
        ? msg('errors.adopt.notAccepted', { name: target.row.name })
        : msg('errors.adopt.cannotConfirm', nest('cause', result.message)),
    );
  }
  if (reply.id !== tokenId) {
    const other = findTokenRow(ctx.db(), target.profile, reply.id, ctx.clock.now());
    throw refuse(
      msg('errors.adopt.otherToken', {
        other: other?.name ?? reply.id,
        named: other ? 'yes' : 'no',
        name: target.row.name,
      }),
    );
  }
  await ctx.secrets.set(tokenSecretAccount(profileId, tokenId), secret);
  setSecretKept(ctx.db(), profileId, tokenId, true);
  saveVerifyResult(ctx.db(), profileId, tokenId, fromVerifyReply(reply, tokenId, ctx.clock.now()));
  ctx.logger.info('token secret adopted', { profileId, tokenId });
  return deps.inventory.row(profileId, tokenId);
}

export async function forgetSecret(
  ctx: CoreContext,
  deps: TokenDeps,
  profileId: string,
  tokenId: string,
): Promise<TokenRow> {
  loadTarget(ctx, deps, profileId, tokenId);
  await ctx.secrets.delete(tokenSecretAccount(profileId, tokenId));
  setSecretKept(ctx.db(), profileId, tokenId, false);
  ctx.logger.info('token secret forgotten', { profileId, tokenId });
  return deps.inventory.row(profileId, tokenId);
}
