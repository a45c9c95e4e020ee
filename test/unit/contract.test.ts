/**
 * The contract itself: names and schemas agree, and the shapes the UI relies on hold.
 */
import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, EVENT_NAMES } from '../../src/shared/channels';
import { contract, events } from '../../src/shared/contract';
import { ERROR_CODES } from '../../src/shared/errors';

describe('contract', () => {
  it('declares exactly the listed channels and events', () => {
    expect(Object.keys(contract).sort()).toEqual([...CHANNEL_NAMES].sort());
    expect(Object.keys(events).sort()).toEqual([...EVENT_NAMES].sort());
    expect(new Set(CHANNEL_NAMES).size).toBe(CHANNEL_NAMES.length);
  });

  it('names every channel namespace.method', () => {
    for (const name of CHANNEL_NAMES) expect(name).toMatch(/^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/u);
  });

  it('rejects extra input keys, so typos never pass silently', () => {
    expect(
      contract['tokens.verify'].input.safeParse({ profileId: 'p1', tokenId: 'abc', secret: 'x' }).success,
    ).toBe(false);
    expect(contract['tokens.verify'].input.safeParse({ profileId: 'p1', tokenId: 'abc' }).success).toBe(true);
  });

  it('refuses plain http base URLs except on loopback', () => {
    const add = contract['profiles.add'].input;
    const base = { label: 'Work', credential: { kind: 'api_token', token: 'x'.repeat(40) } };
    expect(add.safeParse({ ...base, baseUrl: 'http://api.example.com/client/v4' }).success).toBe(false);
    expect(add.safeParse({ ...base, baseUrl: 'http://127.0.0.1:8787/client/v4' }).success).toBe(true);
    expect(add.parse({ ...base, baseUrl: 'https://api.cloudflare.com/client/v4/' }).baseUrl).toBe(
      'https://api.cloudflare.com/client/v4',
    );
  });

  it('keeps a closed set of error codes', () => {
    expect(ERROR_CODES).toEqual(
      expect.arrayContaining([
        'AUTH_INVALID',
        'RATE_LIMITED',
        'OFFLINE',
        'VALIDATION',
        'KEYCHAIN_UNAVAILABLE',
        'CACHE_CORRUPT',
        'INTERNAL',
      ]),
    );
  });
});
