/**
 * RateGate: keeps one credential under Cloudflare's request budget and honours its blocks.
 *
 * Cloudflare allows 1200 requests per 5 minutes per credential and, once exceeded, blocks every
 * call for up to 5 minutes. The gate (1) counts sends in a sliding window and holds a request back
 * until the window has room, (2) follows what the server says (Ratelimit remaining/reset and a
 * stricter Ratelimit-Policy), and (3) after a 429 lets nothing through until retry-after — so
 * Keyflare never hammers a blocked login. Waiting is cancellable through an AbortSignal.
 */
import { AppError } from '../../../shared/errors';
import type { Clock } from '../ports';
import type { HeaderSource } from './rate-headers';
import { parseRateLimitHint, parseRetryAfter } from './rate-headers';

export interface RateBudget {
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
}

/** Cloudflare's documented budget, kept a little short so clock skew never tips it over. */
export const CLOUDFLARE_BUDGET: RateBudget = { limit: 1200, windowMs: 5 * 60_000 };
const SAFETY_FRACTION = 0.95;

export interface RateGateOptions {
  clock: Clock;
  budget?: RateBudget;
  /** Called when a 429 blocks this credential (so the UI can say "rate limited until T"). */
  onBlocked?: (until: Date) => void;
}

function effectiveLimit(budget: RateBudget): number {
  return Math.max(1, Math.floor(budget.limit * SAFETY_FRACTION));
}

export function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new AppError('CANCELLED', 'Cancelled.'));
      return;
    }
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new AppError('CANCELLED', 'Cancelled.'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export class RateGate {
  private readonly clock: Clock;
  private budget: RateBudget;
  private readonly sent: number[] = [];
  private blockedUntilMs = 0;
  /** What the server last said is left, decremented by every send since. */
  private serverRemaining: number | null = null;
  private serverResetMs = 0;
  private inFlight = 0;
  private readonly onBlocked: ((until: Date) => void) | undefined;

  constructor(options: RateGateOptions) {
    this.clock = options.clock;
    this.budget = options.budget ?? CLOUDFLARE_BUDGET;
    this.onBlocked = options.onBlocked;
  }

  /** Until when a 429 blocks this credential; null when it is not blocked. */
  blockedUntil(): Date | null {
    return this.blockedUntilMs > this.clock.now().getTime() ? new Date(this.blockedUntilMs) : null;
  }

  /** Requests sent within the current window. */
  inWindow(): number {
    this.prune(this.clock.now().getTime());
    return this.sent.length;
  }

  currentBudget(): RateBudget {
    return { ...this.budget };
  }

  private prune(now: number): void {
    const from = now - this.budget.windowMs;
    while (this.sent.length > 0 && (this.sent[0] ?? 0) <= from) this.sent.shift();
  }

  /** Milliseconds until a request may go out (0 = now). */
  waitNeeded(): number {
    const now = this.clock.now().getTime();
    if (this.blockedUntilMs > now) return this.blockedUntilMs - now;
    this.prune(now);
    const limit = effectiveLimit(this.budget);
    let wait = 0;
    if (this.sent.length >= limit) {
      const oldest = this.sent[this.sent.length - limit] ?? now;
      wait = Math.max(wait, oldest + this.budget.windowMs - now + 1);
    }
    if (this.serverRemaining !== null && this.serverRemaining <= 0 && this.serverResetMs > now) {
      wait = Math.max(wait, this.serverResetMs - now);
    }
    return wait;
  }

  /**
   * Throws RATE_LIMITED when the next send would have to wait longer than `maxWaitMs`, so a
   * caller that cannot wait (a button press) is told at once instead of hanging.
   */
  assertWithin(maxWaitMs: number): void {
    const wait = this.waitNeeded();
    if (wait > maxWaitMs) {
      const until = new Date(this.clock.now().getTime() + wait);
      throw new AppError(
        'RATE_LIMITED',
        `Keyflare is holding calls for this login until ${until.toISOString()} to stay within Cloudflare's rate limit.`,
        { retryAt: until.toISOString() },
      );
    }
  }

  /** Waits (cancellably) until a request could go out, without recording one. */
  async waitUntilOpen(signal?: AbortSignal | null): Promise<void> {
    for (;;) {
      const wait = this.waitNeeded();
      if (wait <= 0) return;
      await sleep(wait, signal);
    }
  }

  /** Waits until a request may go out, then records it. */
  async take(signal?: AbortSignal | null): Promise<void> {
    for (;;) {
      const wait = this.waitNeeded();
      if (wait <= 0) break;
      await sleep(wait, signal);
    }
    if (signal?.aborted) throw new AppError('CANCELLED', 'Cancelled.');
    this.sent.push(this.clock.now().getTime());
    this.inFlight += 1;
    if (this.serverRemaining !== null) this.serverRemaining -= 1;
  }

  /** Marks a request taken with `take` as finished (answered or failed). */
  release(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
  }

  /** Learns from a reply: a 429 blocks; Ratelimit headers refine the budget. */
  observe(status: number, headers: HeaderSource): void {
    const now = this.clock.now();
    if (status === 429) {
      const until = parseRetryAfter(headers, now) ?? new Date(now.getTime() + 60_000);
      if (until.getTime() > this.blockedUntilMs) {
        this.blockedUntilMs = until.getTime();
        this.onBlocked?.(until);
      }
      return;
    }
    const hint = parseRateLimitHint(headers);
    if (hint.limit !== null && hint.windowSeconds !== null && hint.limit > 0 && hint.windowSeconds > 0) {
      const stricter = hint.limit / (hint.windowSeconds * 1000) < this.budget.limit / this.budget.windowMs;
      if (stricter) this.budget = { limit: hint.limit, windowMs: hint.windowSeconds * 1000 };
    }
    if (hint.remaining !== null && hint.resetSeconds !== null) {
      // Requests still in flight were sent after this reply was counted: the server has not seen them.
      this.serverRemaining = hint.remaining - Math.max(0, this.inFlight - 1);
      this.serverResetMs = now.getTime() + hint.resetSeconds * 1000;
    }
  }
}
