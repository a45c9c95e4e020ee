/**
 * Reading Cloudflare's rate-limit headers: retry-after and the IETF RateLimit fields, clamped.
 *
 * Cloudflare sends `Retry-After` (seconds, or an HTTP date) on 429, and on every reply
 * `Ratelimit: "default";r=<remaining>;t=<seconds to reset>` with
 * `Ratelimit-Policy: "default";q=<limit>;w=<window seconds>`. Older drafts spell them
 * `RateLimit-Remaining` / `RateLimit-Reset` / `RateLimit-Limit` or `limit=, remaining=, reset=`;
 * all forms are accepted.
 *
 * Every value is clamped to what Cloudflare documents, because a proxy, a bug or a hostile
 * server can send anything: `retry-after: 0` or a past date would turn a block into a busy loop,
 * `1e20` is not a date at all, and `99999999999` would block a login for three thousand years.
 * A wait is at least 1 second and at most Cloudflare's documented 5-minute block; a policy window
 * is brought into [1 s, 5 min] keeping its rate; counts are non-negative integers.
 */

export interface HeaderSource {
  get(name: string): string | null;
}

export interface RateLimitHint {
  remaining: number | null;
  /** Seconds until the window resets, within [1, 300]. */
  resetSeconds: number | null;
  limit: number | null;
  /** Window length in seconds, within [1, 300]. */
  windowSeconds: number | null;
}

/** The shortest wait Keyflare honours: `retry-after: 0` must not become a busy loop. */
export const MIN_BLOCK_MS = 1_000;
/** Cloudflare's documented block: "all API calls for the next five minutes will be blocked". */
export const MAX_BLOCK_MS = 5 * 60_000;

/** Clamps a wait to [1 s, 5 min]; anything that is not a number says nothing (null). */
export function clampWaitMs(ms: number): number | null {
  if (Number.isNaN(ms)) return null;
  return Math.min(MAX_BLOCK_MS, Math.max(MIN_BLOCK_MS, ms));
}

function numberAfter(text: string, keys: string[]): number | null {
  for (const key of keys) {
    const match = new RegExp(`(?:^|[;,\\s])${key}\\s*=\\s*"?(\\d+(?:\\.\\d+)?(?:e\\+?\\d+)?)`, 'iu').exec(
      text,
    );
    if (match?.[1] !== undefined) return Number(match[1]);
  }
  return null;
}

function plainNumber(value: string | null): number | null {
  if (value === null) return null;
  const text = value.trim();
  const n = Number(text);
  return text !== '' && !Number.isNaN(n) ? n : null;
}

/** A count the server states: a non-negative integer, or nothing. */
function count(value: number | null): number | null {
  if (value === null || !Number.isFinite(value) || value < 0) return null;
  return Math.floor(value);
}

/** A number of seconds the server states, clamped to [1, 300]. */
function seconds(value: number | null): number | null {
  if (value === null) return null;
  const ms = clampWaitMs(value * 1000);
  return ms === null ? null : ms / 1000;
}

/**
 * When calls may resume, at least 1 s and at most 5 minutes from `now`; null when the reply does
 * not say. `useReset` also reads the Ratelimit reset time (right for a 429, wrong for a 5xx: there
 * it says when the quota window ends).
 */
export function parseRetryAfter(headers: HeaderSource | null, now: Date, useReset = true): Date | null {
  if (!headers) return null;
  const after = (ms: number | null): Date | null => {
    const clamped = ms === null ? null : clampWaitMs(ms);
    return clamped === null ? null : new Date(now.getTime() + clamped);
  };
  const ms = plainNumber(headers.get('retry-after-ms'));
  if (ms !== null) return after(ms);
  const raw = headers.get('retry-after');
  if (raw) {
    const secondsGiven = plainNumber(raw);
    if (secondsGiven !== null) return after(secondsGiven * 1000);
    const date = Date.parse(raw);
    if (!Number.isNaN(date)) return after(date - now.getTime());
  }
  if (!useReset) return null;
  const hint = parseRateLimitHint(headers);
  if (hint.resetSeconds !== null) return after(hint.resetSeconds * 1000);
  return null;
}

export function parseRateLimitHint(headers: HeaderSource): RateLimitHint {
  const combined = headers.get('ratelimit');
  const policy = headers.get('ratelimit-policy');
  let remaining: number | null = null;
  let reset: number | null = null;
  let limit: number | null = null;
  let window: number | null = null;
  if (combined) {
    remaining = numberAfter(combined, ['r', 'remaining']);
    reset = numberAfter(combined, ['t', 'reset']);
    limit = numberAfter(combined, ['limit']);
  }
  remaining ??=
    plainNumber(headers.get('ratelimit-remaining')) ?? plainNumber(headers.get('x-ratelimit-remaining'));
  reset ??= plainNumber(headers.get('ratelimit-reset')) ?? plainNumber(headers.get('x-ratelimit-reset'));
  limit ??= plainNumber(headers.get('ratelimit-limit')) ?? plainNumber(headers.get('x-ratelimit-limit'));
  if (policy) {
    limit ??= numberAfter(policy, ['q']) ?? plainNumber(policy.split(/[;,]/u)[0] ?? null);
    window = numberAfter(policy, ['w']);
  }
  let stated = count(limit);
  let windowSeconds: number | null = null;
  if (window !== null && Number.isFinite(window) && window > 0) {
    windowSeconds = seconds(window);
    // A window outside [1 s, 5 min] keeps its rate: "3600 per hour" becomes "300 per 5 minutes".
    if (stated !== null && windowSeconds !== null && windowSeconds !== window)
      stated = Math.max(1, Math.floor((stated * windowSeconds) / window));
  }
  return {
    remaining: count(remaining),
    resetSeconds: seconds(reset),
    limit: stated !== null && stated > 0 ? stated : null,
    windowSeconds,
  };
}
