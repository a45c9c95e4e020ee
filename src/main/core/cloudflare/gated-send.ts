/**
 * Sending one SDK call through the credential's rate gate; what the read and write policies share.
 *
 * The wait for a rate-limit block happens here, before the SDK starts its per-request timeout, so
 * a long block is never mistaken for a timeout. A caller that may not wait that long (anything
 * but a sync) gets RATE_LIMITED at once, without a request. A call's tally (a sync's request
 * total) rides along in a private header that the guarded fetch strips before sending.
 */
import { randomUUID } from 'node:crypto';
import type Cloudflare from 'cloudflare';
import type { AppError } from '../../../shared/errors';
import { rateLimited } from './errors';
import { CALL_HEADER, type RequestCounter } from './guarded-fetch';
import type { RateGate } from './rate-gate';
import type { SdkRequestOptions } from './sdk-client';

/**
 * A request's place among those a planner lets run at the same time. Its reply's body is the
 * end of its time on the wire: `replied` hands the place to the next request while this one's
 * body is still being parsed and checked, and a read sent once more (a retry) `retake`s a place
 * first, so no more requests than the planner allows are ever on the wire together.
 */
export interface RequestSlot {
  replied(): void;
  retake(): Promise<void>;
}

export interface CallOptions {
  signal?: AbortSignal;
  /**
   * How long this call may wait for a rate-limit block or the request budget to clear before
   * answering RATE_LIMITED. A sync passes minutes; an interactive call keeps the default (0).
   */
  rateLimitWaitMs?: number;
  /** Counted once per request actually sent for this call (e.g. a sync's run total). */
  tally?: RequestCounter;
  /** The call's place under a planner's bound on requests in flight (a sync's), handed on once replied. */
  slot?: RequestSlot;
}

/** One call through the SDK: the client and the per-request options to pass to its method. */
export type SdkCall<T> = (sdk: Cloudflare, request: SdkRequestOptions) => Promise<T>;

/** Sends one call once, after the gate lets it through. */
export type Send = <T>(run: SdkCall<T>, call: CallOptions | undefined) => Promise<T>;

export function createGatedSend(sdk: Cloudflare, gate: RateGate, tallies: Map<string, RequestCounter>): Send {
  return async (run, call) => {
    gate.assertWithin(call?.rateLimitWaitMs ?? 0);
    await gate.waitUntilOpen(call?.signal ?? null);
    const id = call?.tally ? randomUUID() : null;
    if (id && call?.tally) tallies.set(id, call.tally);
    try {
      return await run(sdk, {
        maxRetries: 0,
        ...(call?.signal ? { signal: call.signal } : {}),
        ...(id ? { headers: { [CALL_HEADER]: id } } : {}),
      });
    } finally {
      if (id) tallies.delete(id);
    }
  };
}

/** A 429's error, saying until when the gate (not only the reply) holds this credential. */
export function withGateBlock(gate: RateGate, error: AppError): AppError {
  const until = gate.blockedUntil();
  const said = error.details?.retryAt ? Date.parse(error.details.retryAt) : Number.NaN;
  if (error.code !== 'RATE_LIMITED' || !until || until.getTime() <= (Number.isNaN(said) ? 0 : said))
    return error;
  return rateLimited(until, error.details);
}
