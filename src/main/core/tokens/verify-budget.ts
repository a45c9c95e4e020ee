/**
 * The verify budget: one rate gate per profile for the verify calls of its tokens' secrets.
 *
 * Each verify goes out with the token's own secret, which has its own gate in the gateway. On top
 * of that, every verify of a profile passes this gate (the gateway's RateGate, Cloudflare's
 * budget), so "verify all" of hundreds of kept secrets stays within the login's budget, and once
 * Cloudflare answers 429 no verify of that profile goes out until retry-after: Keyflare says
 * "rate limited until T" at once instead of hammering.
 */
import { type AppError, isAppError } from '../../../shared/errors';
import { RateGate, type RateBudget } from '../cloudflare/rate-gate';
import type { Clock } from '../ports';

export interface VerifyBudget {
  /** Runs one verify through the profile's gate; RATE_LIMITED at once while the profile is blocked. */
  run<T>(profileId: string, work: () => Promise<T>): Promise<T>;
}

export function createVerifyBudget(clock: Clock, budget?: RateBudget): VerifyBudget {
  const gates = new Map<string, RateGate>();
  const gateOf = (profileId: string): RateGate => {
    let gate = gates.get(profileId);
    if (!gate) {
      gate = new RateGate({ clock, ...(budget ? { budget } : {}) });
      gates.set(profileId, gate);
    }
    return gate;
  };
  return {
    async run(profileId, work) {
      const gate = gateOf(profileId);
      gate.assertWithin(0);
      await gate.take();
      try {
        return await work();
      } catch (error) {
        if (isAppError(error) && error.code === 'RATE_LIMITED') block(gate, error, clock);
        throw error;
      } finally {
        gate.release();
      }
    },
  };
}

function block(gate: RateGate, error: AppError, clock: Clock): void {
  const retryAt = error.details?.retryAt ? Date.parse(error.details.retryAt) : Number.NaN;
  const ms = Number.isNaN(retryAt) ? 60_000 : Math.max(0, retryAt - clock.now().getTime());
  gate.observe(429, { get: (name) => (name.toLowerCase() === 'retry-after-ms' ? String(ms) : null) });
}
