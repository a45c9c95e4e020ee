import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../src/shared/errors';
import { cachedDataLabel, describeError, ERROR_COPY_CODES } from '../../../src/renderer/lib/error-copy';

describe('error copy', () => {
  it('has a headline and a next step for every contract error code', () => {
    expect([...ERROR_COPY_CODES].sort()).toEqual([...ERROR_CODES].sort());
    for (const code of ERROR_CODES) {
      const copy = describeError({ code, message: 'x' });
      expect(copy.title.length, code).toBeGreaterThan(5);
      expect(copy.next.length, code).toBeGreaterThan(10);
    }
  });

  it('says until when Cloudflare rate-limits the login', () => {
    const now = new Date(2026, 2, 10, 14, 0);
    const retryAt = new Date(2026, 2, 10, 14, 5).toISOString();
    expect(describeError({ code: 'RATE_LIMITED', message: '429', details: { retryAt } }, { now }).title).toBe(
      'Cloudflare is rate-limiting this login until 14:05',
    );
  });

  it('tells the user that an uncertain roll may have happened and to verify', () => {
    const copy = describeError({
      code: 'UNCERTAIN',
      message: 'socket hang up',
      details: { operation: 'roll' },
    });
    expect(copy.title).toBe('The roll may have happened: verify to check');
    expect(copy.next).toMatch(/did not send it again/u);
  });

  it('explains how to fix an unavailable keychain', () => {
    expect(describeError({ code: 'KEYCHAIN_UNAVAILABLE', message: '' }).next).toMatch(
      /GNOME Keyring or KWallet/u,
    );
  });

  it('names where a corrupt cache was moved', () => {
    const copy = describeError({
      code: 'CACHE_CORRUPT',
      message: 'bad',
      details: { movedTo: ['/data/cache.db.corrupt-1'] },
    });
    expect(copy.next).toContain('/data/cache.db.corrupt-1');
  });

  it('lists validation issues and Cloudflare messages as facts', () => {
    const copy = describeError({
      code: 'VALIDATION',
      message: 'Invalid input',
      details: {
        issues: [{ path: 'credential.token', message: 'an API token is at least 20 characters' }],
        cloudflare: [{ code: 1000, message: 'Invalid API Token' }],
      },
    });
    expect(copy.facts).toEqual([
      'credential.token: an API token is at least 20 characters',
      'Cloudflare 1000: Invalid API Token',
    ]);
  });

  it('labels cached data by the time of the last sync', () => {
    const now = new Date(2026, 2, 10, 16, 0);
    expect(cachedDataLabel(new Date(2026, 2, 10, 14, 2).toISOString(), now)).toBe(
      'Showing cached data from 14:02',
    );
    expect(cachedDataLabel(null, now)).toBe('Showing cached data');
  });
});
