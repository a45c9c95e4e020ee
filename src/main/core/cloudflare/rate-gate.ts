/**
 * RateGate: keeps one credential under Cloudflare's request budget and honours its blocks.
 *
 * Cloudflare allows 1200 requests per 5 minutes per credential and, once exceeded, blocks every
 * call for up to 5 minutes. The gate (1) counts sends in a sliding window and holds a request back
 * until the window has room, (2) follows what the server says (Ratelimit remaining/reset and a
 * stricter Ratelimit-Policy) without ever loosening its own budget, and (3) after a 429 lets
 * nothing through until the block ends — so Keyflare never hammers a blocked login.
 *
 * No reply can break the budget: header values are clamped (rate-headers.ts), a server-stated
 * policy only ever adds a second, stricter window next to Cloudflare's, and a block lasts at least
 * 1 s and at most 5 minutes. A 429 for a request sent after the previous block began means the
 * server still blocks: each such repeat doubles the block (1 s, 2 s, 4 s, … up to 5 minutes), so
 * `retry-after: 0` cannot turn into a busy loop. Waiting is cancellable through an AbortSignal.
 */
import { AppError } from '../../../shared/errors';
import { msg } from '../../../shared/i18n/message';
import { cancelled } from './errors';
import type { Clock } from '../ports';
import type { HeaderSource } from './rate-headers';
import { clampWaitMs, MIN_BLOCK_MS, parseRateLimitHint, parseRetryAfter } from './rate-headers';

export interface RateBudget {
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
}

/** Cloudflare's documented budget, kept a little short so clock skew never tips it over. */
export const CLOUDFLARE_BUDGET: RateBudget = { limit: 1200, windowMs: 5 * 60_000 };
const SAFETY_FRACTION = 0.95;
/** How long a 429 without any hint blocks (Cloudflare's block is "up to 5 minutes"). */
const DEFAULT_BLOCK_MS = 60_000;

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
      reject(cancelled());
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
      reject(cancelled());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export class RateGate {
  private readonly clock: Clock;
  /** Cloudflare's budget: always enforced, whatever a reply says. */
  private readonly budget: RateBudget;
  /** A stricter policy the server stated (Ratelimit-Policy), enforced on top; never looser. */
  private stated: RateBudget | null = null;
  private readonly sent: number[] = [];
  private blockedUntilMs = 0;
  /** When the current run of 429s last set a block; a 429 for a later send is a repeat. */
  private blockSetAtMs = Number.NEGATIVE_INFINITY;
  /** 429s in a row for requests sent after the previous block began. */
  private streak = 0;
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

  /** Ends a block (the profile was removed or got another credential); the send window stays. */
  endBlock(): void {
    this.blockedUntilMs = 0;
    this.blockSetAtMs = Number.NEGATIVE_INFINITY;
    this.streak = 0;
    this.serverRemaining = null;
  }

  /** Requests sent within Cloudflare's window. */
  inWindow(): number {
    this.prune(this.clock.now().getTime());
    return this.sent.length;
  }

  /** The budget in force: Cloudflare's, or the stricter one the server stated. */
  currentBudget(): RateBudget {
    return { ...(this.stated ?? this.budget) };
  }

  private prune(now: number): void {
    const from = now - Math.max(this.budget.windowMs, this.stated?.windowMs ?? 0);
    while (this.sent.length > 0 && (this.sent[0] ?? 0) <= from) this.sent.shift();
  }

  /** Milliseconds until the sends within `budget`'s window leave room for one more. */
  private windowWait(budget: RateBudget, now: number): number {
    const limit = effectiveLimit(budget);
    const from = now - budget.windowMs;
    let inWindow = 0;
    for (let i = this.sent.length - 1; i >= 0 && (this.sent[i] ?? 0) > from; i -= 1) inWindow += 1;
    if (inWindow < limit) return 0;
    const oldest = this.sent[this.sent.length - limit] ?? now;
    return Math.max(0, oldest + budget.windowMs - now + 1);
  }

  /** Milliseconds until a request may go out (0 = now). */
  waitNeeded(): number {
    const now = this.clock.now().getTime();
    if (this.blockedUntilMs > now) return this.blockedUntilMs - now;
    this.prune(now);
    let wait = this.windowWait(this.budget, now);
    if (this.stated) wait = Math.max(wait, this.windowWait(this.stated, now));
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
      throw new AppError('RATE_LIMITED', msg('errors.cloudflare.holding', { retryAt: until.toISOString() }), {
        retryAt: until.toISOString(),
      });
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

  /** Waits until a request may go out, then records it; resolves to the time it was recorded. */
  async take(signal?: AbortSignal | null): Promise<number> {
    for (;;) {
      const wait = this.waitNeeded();
      if (wait <= 0) break;
      await sleep(wait, signal);
    }
    if (signal?.aborted) throw cancelled();
    const now = this.clock.now().getTime();
    this.sent.push(now);
    this.inFlight += 1;
    if (this.serverRemaining !== null) this.serverRemaining -= 1;
    return now;
  }

  /** Marks a request taken with `take` as finished (answered or failed). */
  release(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
  }

  /**
   * Learns from a reply: a 429 blocks; Ratelimit headers refine the budget. `sentAtMs` is when the
   * request went out (from `take`); without it the reply counts as one sent just now.
   */
  observe(status: number, headers: HeaderSource, sentAtMs?: number): void {
    const now = this.clock.now().getTime();
    const sentAt = sentAtMs ?? now;
    if (status === 429) {
      // Requests already in flight when the block began are answered 429 too: not a repeat.
      const repeat = sentAt > this.blockSetAtMs;
      if (repeat) {
        this.streak += 1;
        this.blockSetAtMs = now;
      }
      const hinted = parseRetryAfter(headers, new Date(now));
      const hintedMs = hinted ? hinted.getTime() - now : DEFAULT_BLOCK_MS;
      const backoffMs = MIN_BLOCK_MS * 2 ** Math.min(20, Math.max(0, this.streak - 1));
      const until = now + (clampWaitMs(Math.max(hintedMs, backoffMs)) ?? DEFAULT_BLOCK_MS);
      if (until > this.blockedUntilMs) {
        this.blockedUntilMs = until;
        this.onBlocked?.(new Date(until));
      }
      return;
    }
    if (sentAt > this.blockSetAtMs) this.streak = 0;
    const hint = parseRateLimitHint(headers);
    if (hint.limit !== null && hint.windowSeconds !== null) {
      const windowMs = hint.windowSeconds * 1000;
      const current = this.stated ?? this.budget;
      if (hint.limit / windowMs < current.limit / current.windowMs)
        this.stated = { limit: hint.limit, windowMs };
    }
    if (hint.remaining !== null && hint.resetSeconds !== null) {
      // Requests still in flight were sent after this reply was counted: the server has not seen them.
      this.serverRemaining = hint.remaining - Math.max(0, this.inFlight - 1);
      this.serverResetMs = now + hint.resetSeconds * 1000;
    }
  }
}
