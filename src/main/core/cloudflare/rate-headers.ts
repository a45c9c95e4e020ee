/**
 * Reading Cloudflare's rate-limit headers: retry-after and the IETF RateLimit fields.
 *
 * Cloudflare sends `Retry-After` (seconds, or an HTTP date) on 429, and on every reply
 * `Ratelimit: "default";r=<remaining>;t=<seconds to reset>` with
 * `Ratelimit-Policy: "default";q=<limit>;w=<window seconds>`. Older drafts spell them
 * `RateLimit-Remaining` / `RateLimit-Reset` / `RateLimit-Limit` or `limit=, remaining=, reset=`;
 * all forms are accepted.
 */

export interface HeaderSource {
  get(name: string): string | null;
}

export interface RateLimitHint {
  remaining: number | null;
  /** Seconds until the window resets. */
  resetSeconds: number | null;
  limit: number | null;
  windowSeconds: number | null;
}

function numberAfter(text: string, keys: string[]): number | null {
  for (const key of keys) {
    const match = new RegExp(`(?:^|[;,\\s])${key}\\s*=\\s*"?(\\d+(?:\\.\\d+)?)`, 'iu').exec(text);
    if (match?.[1] !== undefined) return Number(match[1]);
  }
  return null;
}

function plainNumber(value: string | null): number | null {
  if (value === null) return null;
  const n = Number(value.trim());
  return Number.isFinite(n) && value.trim() !== '' ? n : null;
}

/**
 * When calls may resume; null when the reply does not say. `useReset` also reads the Ratelimit
 * reset time (right for a 429, wrong for a 5xx: there it says when the quota window ends).
 */
export function parseRetryAfter(headers: HeaderSource | null, now: Date, useReset = true): Date | null {
  if (!headers) return null;
  const ms = plainNumber(headers.get('retry-after-ms'));
  if (ms !== null) return new Date(now.getTime() + ms);
  const raw = headers.get('retry-after');
  if (raw) {
    const seconds = plainNumber(raw);
    if (seconds !== null) return new Date(now.getTime() + seconds * 1000);
    const date = Date.parse(raw);
    if (!Number.isNaN(date)) return new Date(date);
  }
  if (!useReset) return null;
  const hint = parseRateLimitHint(headers);
  if (hint.resetSeconds !== null) return new Date(now.getTime() + hint.resetSeconds * 1000);
  return null;
}

export function parseRateLimitHint(headers: HeaderSource): RateLimitHint {
  const combined = headers.get('ratelimit');
  const policy = headers.get('ratelimit-policy');
  const hint: RateLimitHint = { remaining: null, resetSeconds: null, limit: null, windowSeconds: null };
  if (combined) {
    hint.remaining = numberAfter(combined, ['r', 'remaining']);
    hint.resetSeconds = numberAfter(combined, ['t', 'reset']);
    hint.limit = numberAfter(combined, ['limit']);
  }
  hint.remaining ??=
    plainNumber(headers.get('ratelimit-remaining')) ?? plainNumber(headers.get('x-ratelimit-remaining'));
  hint.resetSeconds ??=
    plainNumber(headers.get('ratelimit-reset')) ?? plainNumber(headers.get('x-ratelimit-reset'));
  hint.limit ??= plainNumber(headers.get('ratelimit-limit')) ?? plainNumber(headers.get('x-ratelimit-limit'));
  if (policy) {
    hint.limit ??= numberAfter(policy, ['q']) ?? plainNumber(policy.split(/[;,]/u)[0] ?? null);
    hint.windowSeconds = numberAfter(policy, ['w']);
  }
  return hint;
}
