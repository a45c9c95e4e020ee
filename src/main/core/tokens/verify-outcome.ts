/**
 * What a verify call means for a token: active, disabled, expired, not yet valid, invalid or a
 * network error, in plain words.
 *
 * Cloudflare's verify endpoints answer a valid secret with its status and dates, and answer
 * 401 code 1000 "Invalid API Token" for a secret that does not authenticate — which covers a
 * disabled, expired or not-yet-valid token as much as a rolled or deleted one. Where the cache
 * knows the token, its status and dates tell those cases apart; otherwise the secret is
 * "invalid". Offline, timeouts and 5xx (after the read's own retries) are "network_error":
 * nothing was learned about the token. A rate limit is not a verify result: it is rethrown.
 */
import type { TokenRow, VerifyResult } from '../../../shared/domain';
import { type AppError, isAppError } from '../../../shared/errors';
import { formatDay } from '../../../shared/policy/labels';
import type { WireVerify } from '../cloudflare/wire';

/** What the cache knows about the token whose secret was verified: its row, or the part that matters. */
export type KnownFacts = Pick<TokenRow, 'status' | 'expiresOn' | 'notBefore'>;

function day(iso: string | null): string {
  return iso === null ? '' : (formatDay(iso) ?? iso);
}

function past(iso: string | null, now: Date): boolean {
  return iso !== null && Date.parse(iso) <= now.getTime();
}

function future(iso: string | null, now: Date): boolean {
  return iso !== null && Date.parse(iso) > now.getTime();
}

function result(
  outcome: VerifyResult['outcome'],
  message: string,
  dates: { expiresOn: string | null; notBefore: string | null },
  now: Date,
): VerifyResult {
  return {
    outcome,
    checkedAt: now.toISOString(),
    expiresOn: dates.expiresOn,
    notBefore: dates.notBefore,
    message,
  };
}

/** A verify Cloudflare answered with 200. `expectedId` set: the secret must belong to that token. */
export function fromVerifyReply(reply: WireVerify, expectedId: string | null, now: Date): VerifyResult {
  const dates = { expiresOn: reply.expiresOn, notBefore: reply.notBefore };
  if (expectedId !== null && reply.id !== expectedId) {
    return result(
      'invalid',
      `The secret Keyflare holds belongs to another token (${reply.id.slice(0, 8)}…), not to this one. Forget it and adopt the right secret.`,
      dates,
      now,
    );
  }
  if (reply.status === 'disabled')
    return result('disabled', 'Cloudflare says this token is disabled.', dates, now);
  if (reply.status === 'expired' || past(reply.expiresOn, now)) {
    return result(
      'expired',
      `Cloudflare says this token expired${reply.expiresOn ? ` on ${day(reply.expiresOn)}` : ''}.`,
      dates,
      now,
    );
  }
  if (future(reply.notBefore, now)) {
    return result(
      'not_yet_valid',
      `Cloudflare says this token is not valid until ${day(reply.notBefore)}.`,
      dates,
      now,
    );
  }
  const until = reply.expiresOn ? ` It expires on ${day(reply.expiresOn)}.` : ' It never expires.';
  return result('active', `Cloudflare says this token is active.${until}`, dates, now);
}

function isCode1000(error: AppError): boolean {
  return (
    error.details?.status === 401 || (error.details?.cloudflare ?? []).some((entry) => entry.code === 1000)
  );
}

/** A refusal of the secret, explained by what the cache knows about its token. */
function refused(error: AppError, known: KnownFacts | null, now: Date): VerifyResult {
  const dates = { expiresOn: known?.expiresOn ?? null, notBefore: known?.notBefore ?? null };
  const said = (error.details?.cloudflare ?? [])
    .map((entry) => `${entry.message} (code ${entry.code})`)
    .join('; ');
  const cloudflareSaid = said ? ` Cloudflare said: ${said}.` : '';
  if (known && isCode1000(error)) {
    if (known.status === 'disabled') {
      return result(
        'disabled',
        `Cloudflare refused the secret because the token is disabled: enable it to use it again.${cloudflareSaid}`,
        dates,
        now,
      );
    }
    if (known.status === 'expired' || past(known.expiresOn, now)) {
      return result(
        'expired',
        `Cloudflare refused the secret because the token expired on ${day(known.expiresOn)}.${cloudflareSaid}`,
        dates,
        now,
      );
    }
    if (future(known.notBefore, now)) {
      return result(
        'not_yet_valid',
        `Cloudflare refused the secret because the token is not valid until ${day(known.notBefore)}.${cloudflareSaid}`,
        dates,
        now,
      );
    }
  }
  if (error.code === 'PERMISSION_DENIED') {
    return result(
      'invalid',
      `Cloudflare refused the secret from this computer (HTTP 403): the token's IP filter or permissions do not allow it here.${cloudflareSaid}`,
      dates,
      now,
    );
  }
  return result(
    'invalid',
    `Cloudflare does not accept this secret: the token was rolled or deleted (or disabled since the last sync), or the secret is wrong.${cloudflareSaid}`,
    dates,
    now,
  );
}

/**
 * A verify that failed, as a result; throws what is not a result (rate limits, keychain and
 * internal errors, cancellation).
 */
export function fromVerifyError(error: unknown, known: KnownFacts | null, now: Date): VerifyResult {
  if (!isAppError(error)) throw error;
  switch (error.code) {
    case 'AUTH_INVALID':
    case 'PERMISSION_DENIED':
    case 'NOT_FOUND':
    case 'VALIDATION':
      return refused(error, known, now);
    case 'OFFLINE':
    case 'TIMEOUT':
    case 'UPSTREAM':
      return result(
        'network_error',
        `Keyflare could not ask Cloudflare: ${error.message}`,
        { expiresOn: known?.expiresOn ?? null, notBefore: known?.notBefore ?? null },
        now,
      );
    default:
      throw error;
  }
}
