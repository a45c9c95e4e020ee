import { describe, expect, it } from 'vitest';
import { splitTokenKey, tokenKey } from '../../src/shared/token-key';

const PROFILE = '3f6b2c1e-8a4d-4e2b-9c7a-0d1e2f3a4b5c';

describe('the token key codec', () => {
  it('builds the key TokenRow.key carries and splits it back', () => {
    const key = tokenKey(PROFILE, 'ed17574386854bf78a67040be0a770b0');
    expect(key).toBe(`${PROFILE}:ed17574386854bf78a67040be0a770b0`);
    expect(splitTokenKey(key)).toEqual({ profileId: PROFILE, tokenId: 'ed17574386854bf78a67040be0a770b0' });
  });

  it('keeps a token id with colons whole: only the first colon separates', () => {
    expect(splitTokenKey(tokenKey(PROFILE, 'a:b:c'))).toEqual({ profileId: PROFILE, tokenId: 'a:b:c' });
  });

  it('refuses parts it could not split back, and keys it did not make', () => {
    expect(() => tokenKey('with:colon', 'tok')).toThrow(/Not a token key/u);
    expect(() => tokenKey('', 'tok')).toThrow(/Not a token key/u);
    expect(() => tokenKey(PROFILE, '')).toThrow(/Not a token key/u);
    for (const bad of ['', 'no-colon', ':tok', `${PROFILE}:`]) {
      expect(() => splitTokenKey(bad), bad).toThrow(/Not a token key/u);
    }
  });
});
