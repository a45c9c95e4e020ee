/**
 * What a verify call means for a token: active, disabled, expired, not yet valid, invalid or a
 * network error, as a message (a catalogue key and its parameters) each face words in its language.
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
import { type Message, msg, nest } from '../../../shared/i18n/message';
import type { WireVerify } from '../cloudflare/wire';

/** What the cache knows about the token whose secret was verified: its row, or the part that matters. */
export type KnownFacts = Pick<TokenRow, 'status' | 'expiresOn' | 'notBefore'>;

function past(iso: string | null, now: Date): boolean {
  return iso !== null && Date.parse(iso) <= now.getTime();
}

function future(iso: string | null, now: Date): boolean {
  return iso !== null && Date.parse(iso) > now.getTime();
}

function result(
  outcome: VerifyResult['outcome'],
  message: Message,
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

/** A date parameter: the ISO text the face formats, or `none` for the sentence without it. */
function dateParam(iso: string | null): string {
  return iso ?? 'none';
}

/** A verify Cloudflare answered with 200. `expectedId` set: the secret must belong to that token. */
export function fromVerifyReply(reply: WireVerify, expectedId: string | null, now: Date): VerifyResult {
  const dates = { expiresOn: reply.expiresOn, notBefore: reply.notBefore };
  if (expectedId !== null && reply.id !== expectedId) {
    return result('invalid', msg('verify.outcome.otherToken', { tokenId: reply.id.slice(0, 8) }), dates, now);
  }
  if (reply.status === 'disabled') return result('disabled', msg('verify.outcome.disabled'), dates, now);
  if (reply.status === 'expired' || past(reply.expiresOn, now)) {
    return result(
      'expired',
      msg('verify.outcome.expired', { expiresDay: dateParam(reply.expiresOn) }),
      dates,
      now,
    );
  }
  if (future(reply.notBefore, now)) {
    return result(
      'not_yet_valid',
      msg('verify.outcome.notYetValid', { notBeforeDay: dateParam(reply.notBefore) }),
      dates,
      now,
    );
  }
  return result(
    'active',
    msg('verify.outcome.active', { expiresDay: dateParam(reply.expiresOn) }),
    dates,
    now,
  );
}

function isCode1000(error: AppError): boolean {
  return (
    error.details?.status === 401 || (error.details?.cloudflare ?? []).some((entry) => entry.code === 1000)
  );
}

/** What Cloudflare itself said (its own words, as sent), or `none`. */
function cloudflareSaid(error: AppError): { said: string; codes: string } {
  const entries = error.details?.cloudflare ?? [];
  if (entries.length === 0) return { said: 'none', codes: '' };
  return {
    said: entries.map((entry) => entry.message).join('; '),
    codes: entries.map((entry) => String(entry.code)).join(', '),
  };
}

/** A refusal of the secret, explained by what the cache knows about its token. */
function refused(error: AppError, known: KnownFacts | null, now: Date): VerifyResult {
  const dates = { expiresOn: known?.expiresOn ?? null, notBefore: known?.notBefore ?? null };
  const said = cloudflareSaid(error);
  if (known && isCode1000(error)) {
    if (known.status === 'disabled') {
      return result('disabled', msg('verify.refused.disabled', said), dates, now);
    }
    if (known.status === 'expired' || past(known.expiresOn, now)) {
      return result(
        'expired',
        msg('verify.refused.expired', { ...said, expiresDay: dateParam(known.expiresOn) }),
        dates,
        now,
      );
    }
    if (future(known.notBefore, now)) {
      return result(
        'not_yet_valid',
        msg('verify.refused.notYetValid', { ...said, notBeforeDay: dateParam(known.notBefore) }),
        dates,
        now,
      );
    }
  }
  if (error.code === 'PERMISSION_DENIED') {
    return result('invalid', msg('verify.refused.forbidden', said), dates, now);
  }
  return result('invalid', msg('verify.refused.invalid', said), dates, now);
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
        // The error's own sentence says what went wrong; one not yet a message gets its code's words.
        error.key === undefined
          ? msg('verify.networkError', { code: error.code })
          : msg('verify.networkErrorBecause', nest('cause', error.text)),
        { expiresOn: known?.expiresOn ?? null, notBefore: known?.notBefore ?? null },
        now,
      );
    default:
      throw error;
  }
}
