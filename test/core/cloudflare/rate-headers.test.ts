/**
 * Reading Cloudflare's rate-limit headers in the forms it has used, clamped to what it documents.
 */
import { describe, expect, it } from 'vitest';
import { parseRateLimitHint, parseRetryAfter } from '../../../src/main/core/cloudflare/rate-headers';

const now = new Date('2026-05-01T12:00:00.000Z');

describe('rate-limit headers', () => {
  it('reads retry-after in seconds and as an HTTP date', () => {
    expect(parseRetryAfter(new Headers({ 'retry-after': '30' }), now)?.toISOString()).toBe(
      '2026-05-01T12:00:30.000Z',
    );
    expect(
      parseRetryAfter(new Headers({ 'retry-after': 'Fri, 01 May 2026 12:05:00 GMT' }), now)?.toISOString(),
    ).toBe('2026-05-01T12:05:00.000Z');
  });

  it('falls back to the Ratelimit reset on a 429, but not for a 5xx', () => {
    const headers = new Headers({ ratelimit: '"default";r=0;t=42' });
    expect(parseRetryAfter(headers, now)?.toISOString()).toBe('2026-05-01T12:00:42.000Z');
    expect(parseRetryAfter(headers, now, false)).toBeNull();
  });

  it('reads the IETF draft structured form and the older split headers', () => {
    expect(
      parseRateLimitHint(
        new Headers({ ratelimit: '"default";r=1199;t=299', 'ratelimit-policy': '"default";q=1200;w=300' }),
      ),
    ).toEqual({ remaining: 1199, resetSeconds: 299, limit: 1200, windowSeconds: 300 });
    expect(
      parseRateLimitHint(
        new Headers({ 'ratelimit-remaining': '7', 'ratelimit-reset': '12', 'ratelimit-limit': '100' }),
      ),
    ).toEqual({ remaining: 7, resetSeconds: 12, limit: 100, windowSeconds: null });
    expect(parseRateLimitHint(new Headers({ ratelimit: 'limit=100, remaining=3, reset=9' }))).toMatchObject({
      remaining: 3,
      resetSeconds: 9,
      limit: 100,
    });
  });

  it('says nothing when the reply carries no hint', () => {
    expect(parseRetryAfter(new Headers(), now)).toBeNull();
    expect(parseRateLimitHint(new Headers())).toEqual({
      remaining: null,
      resetSeconds: null,
      limit: null,
      windowSeconds: null,
    });
  });

  it.each([
    ['0', '2026-05-01T12:00:01.000Z'],
    ['-30', '2026-05-01T12:00:01.000Z'],
    ['Thu, 01 Jan 1970 00:00:00 GMT', '2026-05-01T12:00:01.000Z'],
    ['1e20', '2026-05-01T12:05:00.000Z'],
    ['99999999999', '2026-05-01T12:05:00.000Z'],
    ['Fri, 01 May 2026 18:00:00 GMT', '2026-05-01T12:05:00.000Z'],
  ])('clamps retry-after %s to between 1 s and 5 minutes', (value, expected) => {
    expect(parseRetryAfter(new Headers({ 'retry-after': value }), now)?.toISOString()).toBe(expected);
  });

  it('ignores a retry-after that is neither a number nor a date', () => {
    expect(parseRetryAfter(new Headers({ 'retry-after': 'soon' }), now, false)).toBeNull();
  });

  it('clamps the Ratelimit reset and window, keeping a long window’s rate', () => {
    expect(
      parseRateLimitHint(
        new Headers({ ratelimit: '"default";r=0;t=1e20', 'ratelimit-policy': '"hourly";q=3600;w=3600' }),
      ),
    ).toEqual({ remaining: 0, resetSeconds: 300, limit: 300, windowSeconds: 300 });
    expect(
      parseRateLimitHint(new Headers({ ratelimit: '"default";r=5;t=0', 'ratelimit-policy': '"x";q=0;w=0' })),
    ).toEqual({ remaining: 5, resetSeconds: 1, limit: null, windowSeconds: null });
  });
});
