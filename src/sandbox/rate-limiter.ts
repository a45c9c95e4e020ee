/**
 * Per-credential rate limiter with Cloudflare's semantics and headers.
 *
 * Fixed window per credential (default 1200 requests per 5 minutes): the window starts with
 * the credential's first request; once the limit is passed every call of that credential
 * gets 429 until the window ends, as Cloudflare documents ("all API calls for the next five
 * minutes will be blocked"). Headers follow Cloudflare's 2025 change (IETF draft form):
 *   Ratelimit: "default";r=<remaining>;t=<seconds until the window resets>   (every response)
 *   Ratelimit-Policy: "default";q=<limit>;w=<window seconds>                 (every response)
 *   Retry-After: <seconds, rounded up>                                       (429 only)
 */
import type { RateLimitConfig } from './types';

export const DEFAULT_RATE_LIMIT: RateLimitConfig = { limit: 1200, windowMs: 5 * 60 * 1000 };

export interface RateDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

interface Window {
  start: number;
  count: number;
}

export class RateLimiter {
  private windows = new Map<string, Window>();

  constructor(
    private config: RateLimitConfig,
    private readonly nowMs: () => number,
  ) {}

  configure(config: RateLimitConfig): void {
    if (!Number.isInteger(config.limit) || config.limit < 1)
      throw new Error('rate limit must be a positive integer');
    if (!Number.isFinite(config.windowMs) || config.windowMs < 1)
      throw new Error('rate window must be positive');
    this.config = { ...config };
    this.windows.clear();
  }

  current(): RateLimitConfig {
    return { ...this.config };
  }

  reset(): void {
    this.windows.clear();
  }

  /** Counts one request of the credential and says whether it may proceed. */
  hit(key: string): RateDecision {
    const now = this.nowMs();
    let window = this.windows.get(key);
    if (!window || now >= window.start + this.config.windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    const resetSeconds = Math.max(1, Math.ceil((window.start + this.config.windowMs - now) / 1000));
    const remaining = Math.max(0, this.config.limit - window.count);
    const headers: Record<string, string> = {
      ratelimit: `"default";r=${remaining};t=${resetSeconds}`,
      'ratelimit-policy': `"default";q=${this.config.limit};w=${Math.ceil(this.config.windowMs / 1000)}`,
    };
    const allowed = window.count <= this.config.limit;
    if (!allowed) headers['retry-after'] = String(resetSeconds);
    return { allowed, headers };
  }
}
