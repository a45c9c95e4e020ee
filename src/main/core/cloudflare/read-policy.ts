/**
 * The read policy: a read may be sent again, within a bounded number of attempts.
 *
 * 5xx, timeouts, resets and unreadable replies are retried with exponential backoff and jitter,
 * honouring a server's retry-after within reason (a read is not held for minutes). A 429 blocks
 * the credential's gate for a clamped, escalating time (rate-gate.ts): a caller that allows
 * waiting (a sync) waits in the gate and continues, any other caller gets RATE_LIMITED with
 * retryAt at once. Every 429 counts as an attempt, so a server that keeps refusing ends the call
 * whatever its retry-after says (SECURITY.md 19, 21, 25).
 */
import { APIError } from 'cloudflare';
import type { Clock } from '../ports';
import type { Message } from '../../../shared/i18n/message';
import { cancelled, isRetryable, toAppError } from './errors';
import { withGateBlock, type CallOptions, type SdkCall, type Send } from './gated-send';
import { sleep, type RateGate } from './rate-gate';
import { parseRetryAfter } from './rate-headers';

/** A read through the SDK, retried on transient failures. `what` names it in errors. */
export type Read = <T>(what: Message, run: SdkCall<T>, call?: CallOptions) => Promise<T>;

export interface ReadPolicy {
  send: Send;
  gate: RateGate;
  clock: Clock;
  /** Attempts, including the first (at least 1). */
  maxAttempts: number;
  /** First backoff delay (ms); doubles per attempt, with jitter, capped at MAX_BACKOFF_MS. */
  backoffBaseMs: number;
}

const MAX_BACKOFF_MS = 8_000;
/** The longest a server's retry-after may hold one read before its next attempt. */
const MAX_HINTED_WAIT_MS = 30_000;

export function createRead(policy: ReadPolicy): Read {
  const { send, gate, clock } = policy;
  return async (what, run, call) => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        // A read sent again waits for a place under its planner's bound, if it handed its own on.
        if (attempt > 1) await call?.slot?.retake();
        return await send(run, call);
      } catch (raw) {
        const error = withGateBlock(gate, toAppError(raw, { now: clock.now(), action: what }));
        if (call?.signal?.aborted) throw cancelled();
        if (error.code === 'RATE_LIMITED') {
          // A block the caller may wait out holds the next send in the gate.
          if (attempt >= policy.maxAttempts || gate.waitNeeded() > (call?.rateLimitWaitMs ?? 0)) throw error;
          continue;
        }
        if (!isRetryable(error) || attempt >= policy.maxAttempts) throw error;
        const headers = raw instanceof APIError && raw.headers instanceof Headers ? raw.headers : null;
        const hinted = parseRetryAfter(headers, clock.now(), false);
        const backoff =
          Math.min(MAX_BACKOFF_MS, policy.backoffBaseMs * 2 ** (attempt - 1)) * (0.75 + Math.random() * 0.25);
        const delay = hinted
          ? Math.min(MAX_HINTED_WAIT_MS, Math.max(0, hinted.getTime() - clock.now().getTime()))
          : backoff;
        await sleep(delay, call?.signal ?? null);
      }
    }
  };
}
