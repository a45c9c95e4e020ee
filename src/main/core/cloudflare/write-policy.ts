/**
 * The write policy: create, update, delete and roll are sent exactly once.
 *
 * A write is never retried automatically (SECURITY.md 20): a second create makes a second token, a
 * second roll invalidates the secret the first one returned. A failure after the request may have
 * reached Cloudflare — a timeout, a reset, a 5xx, an unreadable reply — becomes UNCERTAIN, naming
 * the operation, so the person is told to check before trying again.
 */
import { AppError } from '../../../shared/errors';
import { msg, nest, type Message } from '../../../shared/i18n/message';
import type { Clock } from '../ports';
import { toAppError } from './errors';
import { withGateBlock, type CallOptions, type SdkCall, type Send } from './gated-send';
import type { RateGate } from './rate-gate';

/** The writes, by the name `details.operation` carries. */
export type WriteName = 'create' | 'update' | 'delete' | 'roll';

/** A write through the SDK, sent exactly once. `operation` ("create", "roll"…) names it in errors. */
export type Write = <T>(operation: WriteName, run: SdkCall<T>, call?: CallOptions) => Promise<T>;

/** Each write as the request errors name. */
const REQUESTS: Record<WriteName, Message> = {
  create: msg('errors.request.createToken'),
  update: msg('errors.request.updateToken'),
  delete: msg('errors.request.deleteToken'),
  roll: msg('errors.request.rollToken'),
};

/** The error a failed write answers: UNCERTAIN when Cloudflare may have carried it out anyway. */
function uncertain(operation: WriteName, error: AppError): AppError {
  // TIMEOUT and UPSTREAM (5xx, reset, unreadable reply) can happen after Cloudflare acted.
  if (!['TIMEOUT', 'UPSTREAM'].includes(error.code)) return error;
  return new AppError(
    'UNCERTAIN',
    msg('errors.write.cannotTell', { ...nest('request', REQUESTS[operation]), ...nest('cause', error.text) }),
    { ...(error.details ?? {}), operation },
  );
}

export function createWrite(policy: { send: Send; gate: RateGate; clock: Clock }): Write {
  return async (operation, run, call) => {
    try {
      return await policy.send(run, call);
    } catch (raw) {
      throw uncertain(
        operation,
        withGateBlock(policy.gate, toAppError(raw, { now: policy.clock.now(), action: REQUESTS[operation] })),
      );
    }
  };
}
