/**
 * tokens.verify and tokens.verifyAll: one click for any token whose secret the keychain holds.
 *
 * The result (never the secret) is kept in the cache and shown in TokenRow.lastVerify. "Verify
 * all" checks every kept secret of a profile a few at a time; on a rate limit it stops starting
 * new checks, lets the ones in flight finish (their results are kept), and reports RATE_LIMITED
 * with retryAt for the rest.
 */
import pLimit from 'p-limit';
import type { TokenRow, VerifyResult } from '../../../shared/domain';
import { AppError, isAppError } from '../../../shared/errors';
import { msg, nest } from '../../../shared/i18n/message';
import type { CoreContext } from '../context';
import { saveVerifyResult, setSecretKept } from '../db/token-repository';
import { tokenSecretAccount } from '../secrets/secret-store';
import { ownerOf } from '../db/stored-token';
import { loadTarget } from './operation-target';
import type { SecretVerifier } from './secret-verifier';
import type { TokenDeps } from './token-deps';
import { fromVerifyError, fromVerifyReply } from './verify-outcome';

/** Verifies in flight at once during "verify all". */
export const VERIFY_ALL_CONCURRENCY = 4;

/** The token's secret is not in the keychain: verify and copy need it first. */
export const NO_SECRET_MESSAGE = msg('errors.tokens.noSecret');

async function keptSecret(ctx: CoreContext, row: TokenRow): Promise<string | null> {
  const secret = await ctx.secrets.get(tokenSecretAccount(row.profileId, row.id));
  // The keychain is the truth: an entry removed outside Keyflare clears the flag.
  if (secret === null && row.secretKept) setSecretKept(ctx.db(), row.profileId, row.id, false);
  return secret;
}

async function verifyRow(
  ctx: CoreContext,
  deps: TokenDeps,
  verifier: SecretVerifier,
  row: TokenRow,
  secret: string,
): Promise<VerifyResult> {
  const profile = deps.profiles.get(row.profileId);
  const owner = ownerOf({ kind: row.kind, accountId: row.accountId });
  let result: VerifyResult;
  try {
    result = fromVerifyReply(await verifier.verify(profile, owner, secret), row.id, ctx.clock.now());
  } catch (error) {
    result = fromVerifyError(error, row, ctx.clock.now());
  }
  saveVerifyResult(ctx.db(), row.profileId, row.id, result);
  return result;
}

export async function verifyToken(
  ctx: CoreContext,
  deps: TokenDeps,
  verifier: SecretVerifier,
  profileId: string,
  tokenId: string,
): Promise<VerifyResult> {
  const { row } = loadTarget(ctx, deps, profileId, tokenId);
  const secret = await keptSecret(ctx, row);
  if (secret === null) throw new AppError('NOT_FOUND', NO_SECRET_MESSAGE, { profileId, tokenId });
  return verifyRow(ctx, deps, verifier, row, secret);
}

export async function verifyAllTokens(
  ctx: CoreContext,
  deps: TokenDeps,
  verifier: SecretVerifier,
  profileId: string,
): Promise<{ tokenId: string; result: VerifyResult }[]> {
  deps.profiles.get(profileId);
  const rows = deps.inventory.tokens(profileId).filter((row) => row.secretKept);
  const limit = pLimit(VERIFY_ALL_CONCURRENCY);
  let stop: AppError | null = null;
  const done: { tokenId: string; result: VerifyResult }[] = [];
  await Promise.all(
    rows.map((row) =>
      limit(async () => {
        if (stop) return;
        try {
          const secret = await keptSecret(ctx, row);
          if (secret === null || stop) return;
          done.push({ tokenId: row.id, result: await verifyRow(ctx, deps, verifier, row, secret) });
        } catch (error) {
          // A rate limit, a keychain or cache failure stops the run: the next check would fail alike.
          stop ??= isAppError(error)
            ? error
            : new AppError('INTERNAL', msg('errors.tokens.verifyUnexpected'));
        }
      }),
    ),
  );
  if (stop === null) {
    const byId = new Map(done.map((entry) => [entry.tokenId, entry]));
    return rows.flatMap((row) => byId.get(row.id) ?? []);
  }
  const failure: AppError = stop;
  if (failure.code !== 'RATE_LIMITED') throw failure;
  const retryAt = failure.details?.retryAt;
  throw new AppError(
    'RATE_LIMITED',
    msg('errors.tokens.verifyAllStopped', {
      done: done.length,
      total: rows.length,
      left: rows.length - done.length,
      ...nest('cause', failure.text),
    }),
    { ...(retryAt ? { retryAt } : {}), profileId },
  );
}
