import { describe, expect, it } from 'vitest';
import type { WireToken } from '../../../src/main/core/cloudflare/wire';
import { keepTextOnly, storedFromRaw, storedToken } from '../../../src/main/core/db/stored-token';

const token: WireToken = {
  id: 'ed17574386854bf78a67040be0a770b0',
  name: 'Edit zone DNS',
  status: 'active',
  issued_on: '2026-01-02T03:04:05Z',
  modified_on: '2026-01-02T03:04:05Z',
  policies: [
    {
      id: 'f267e341f3dd4697bd3b9f71dd96247f',
      effect: 'allow',
      permission_groups: [{ id: '4755a26eedb94da69e1066d98aa820be', name: 'DNS Write' }],
      resources: { 'com.cloudflare.api.account.zone.eb78d65290b24279ba6f44721b3ea3c4': '*' },
    },
  ],
};

describe('stored token', () => {
  it('stores the JSON text of the object Cloudflare sent, and its owner', () => {
    const stored = storedToken('account', 'acc1', token);
    expect(stored).toMatchObject({ kind: 'account', accountId: 'acc1', id: token.id });
    expect(stored.raw).toBe(JSON.stringify(token));
    expect(stored.token).toBe(token);
  });

  it('held as text only, still gives the same text and an equal object', () => {
    const stored = storedToken('user', null, token);
    keepTextOnly([stored]);
    expect(stored.raw).toBe(JSON.stringify(token));
    expect(stored.token).not.toBe(token);
    expect(stored.token).toEqual(token);
    expect(stored.id).toBe(token.id);
  });

  it('held as text beside the cached copy, keeps the text Cloudflare sent, changed or not', () => {
    const same = storedToken('user', null, token);
    const renamed = storedToken('user', null, { ...token, name: 'Renamed' });
    const moved = storedToken('account', 'acc2', token);
    const cached = new Map([[token.id, storedFromRaw('user', null, token.id, JSON.stringify(token))]]);
    keepTextOnly([same], cached);
    keepTextOnly([renamed], cached);
    keepTextOnly([moved], cached);
    expect(same.raw).toBe(JSON.stringify(token));
    expect(renamed.raw).toBe(JSON.stringify({ ...token, name: 'Renamed' }));
    expect(renamed.token.name).toBe('Renamed');
    expect(moved).toMatchObject({ kind: 'account', accountId: 'acc2', raw: JSON.stringify(token) });
  });

  it('read back from the cache, tells its id and text without parsing the text', () => {
    // A sync compares thousands of cached tokens by id and text; their objects are parsed only
    // when someone looks (here the text is not JSON, so a parse would throw).
    const stored = storedFromRaw('user', null, 'abc', '{not json');
    expect(stored.id).toBe('abc');
    expect(stored.raw).toBe('{not json');
    expect(() => stored.token).toThrow(SyntaxError);
  });
});
