/**
 * tokens.roll: the new secret shown once and kept in place of the old one, the old secret
 * refused by Cloudflare afterwards, and failures that say the roll may have happened.
 */
import { describe, expect, it, vi } from 'vitest';
import { KEYCHAIN_UNAVAILABLE_HELP } from '../../../src/main/core/secrets/keytar-store';
import { tokenSecretAccount } from '../../../src/main/core/secrets/secret-store';
import { AppError } from '../../../src/shared/errors';
import { englishMessage } from '../../../src/shared/i18n/english-message';
import {
  DEMO,
  outsideCall,
  requests,
  tokenHarness,
  keptToken,
  useTokenSuite,
} from '../support/token-harness';

const { sim, secrets } = await useTokenSuite();

const ROLL_USER = ['PUT', '/user/tokens/{token_id}/value'] as const;

describe('rolling a token', () => {
  it('shows the new secret once, replaces the kept one, and the old secret stops verifying', async () => {
    const h = await tokenHarness(sim, secrets);
    const { tokenId, secret: old } = await keptToken(h, 'Roll me');
    const rolled = await h.ok('tokens.roll', { profileId: h.profile.id, tokenId, keepSecret: true });

    expect(requests(sim, ...ROLL_USER)).toHaveLength(1);
    expect(rolled.secret).toBe(sim.state.token(tokenId)?.secret);
    expect(rolled.secret).not.toBe(old);
    expect(rolled).toMatchObject({
      keptInKeychain: true,
      keychainError: null,
      token: { id: tokenId, secretKept: true },
    });
    await expect(secrets.get(tokenSecretAccount(h.profile.id, tokenId))).resolves.toBe(rolled.secret);
    const history = await h.ok('tokens.history', { profileId: h.profile.id, tokenId });
    expect(history[0]).toMatchObject({ kind: 'rolled', source: 'keyflare' });

    const oldCheck = await h.ok('tokens.verifySecret', { profileId: h.profile.id, secret: old });
    expect(oldCheck).toMatchObject({ result: { outcome: 'invalid' }, tokenId: null, token: null });
    const newCheck = await h.ok('tokens.verify', { profileId: h.profile.id, tokenId });
    expect(newCheck.outcome).toBe('active');
  });

  it('removes the old kept secret when the new one is not to be kept', async () => {
    const h = await tokenHarness(sim, secrets);
    const { tokenId } = await keptToken(h, 'Roll, keep nothing');
    const rolled = await h.ok('tokens.roll', { profileId: h.profile.id, tokenId, keepSecret: false });
    expect(rolled).toMatchObject({
      keptInKeychain: false,
      keychainError: null,
      token: { secretKept: false },
    });
    await expect(secrets.get(tokenSecretAccount(h.profile.id, tokenId))).resolves.toBeNull();
  });

  it('still shows the new secret when the keychain fails, and does not keep the dead one', async () => {
    const h = await tokenHarness(sim, secrets);
    const { tokenId } = await keptToken(h, 'Roll, keychain down');
    vi.spyOn(secrets, 'set').mockRejectedValueOnce(
      new AppError('KEYCHAIN_UNAVAILABLE', KEYCHAIN_UNAVAILABLE_HELP),
    );
    const rolled = await h.ok('tokens.roll', { profileId: h.profile.id, tokenId, keepSecret: true });
    expect(rolled.secret).toBe(sim.state.token(tokenId)?.secret);
    expect(rolled).toMatchObject({ keptInKeychain: false, token: { secretKept: false } });
    expect(rolled.keychainError).toMatch(/^The secret was not saved in the keychain: .* Copy it now/u);
    await expect(secrets.get(tokenSecretAccount(h.profile.id, tokenId))).resolves.toBeNull();
  });

  it('rolls an account-owned token at its account', async () => {
    const h = await tokenHarness(sim, secrets);
    const { tokenId } = await keptToken(h, 'Acme roll', { accountId: DEMO.acme });
    const rolled = await h.ok('tokens.roll', { profileId: h.profile.id, tokenId, keepSecret: true });
    expect(rolled.secret).toMatch(/^cfat_/u);
    expect(sim.control.requestLog().map((e) => [e.method, e.path])).toEqual([
      ['PUT', `/client/v4/accounts/${DEMO.acme}/tokens/${tokenId}/value`],
    ]);
  });

  it('refuses to roll the profile’s own credential', async () => {
    const h = await tokenHarness(sim, secrets);
    sim.control.resetLog();
    const error = await h.fails('tokens.roll', {
      profileId: h.profile.id,
      tokenId: 'a1a10000000000000000000000000001',
      keepSecret: true,
    });
    expect(error.code).toBe('CONFLICT');
    expect(sim.control.requestLog()).toEqual([]);
  });
});

describe('a roll that fails', () => {
  it('reports a 502 as UNCERTAIN after one request; here it did not happen and the kept secret still works', async () => {
    const h = await tokenHarness(sim, secrets);
    const { tokenId, secret } = await keptToken(h, 'Roll 502');
    const fault = sim.control.injectFault({
      kind: 'server_error',
      status: 502,
      method: 'PUT',
      path: '/user/tokens/{token_id}/value',
      times: 'always',
    });
    const error = await h.fails('tokens.roll', { profileId: h.profile.id, tokenId, keepSecret: true });

    expect(error).toMatchObject({ code: 'UNCERTAIN', details: { operation: 'roll', status: 502 } });
    expect(error.message).toMatch(/^The roll may have happened: verify the token to check\./u);
    expect(fault.matched()).toBe(1);
    await expect(secrets.get(tokenSecretAccount(h.profile.id, tokenId))).resolves.toBe(secret);
    await expect(h.ok('tokens.verify', { profileId: h.profile.id, tokenId })).resolves.toMatchObject({
      outcome: 'active',
    });
  });

  it('reports a reset after Cloudflare rolled as UNCERTAIN; verifying then shows the old secret is dead', async () => {
    const h = await tokenHarness(sim, secrets);
    const { tokenId, secret } = await keptToken(h, 'Roll reset');
    const fault = sim.control.injectFault({
      kind: 'reset',
      method: 'PUT',
      path: '/user/tokens/{token_id}/value',
      phase: 'after',
    });
    const error = await h.fails('tokens.roll', { profileId: h.profile.id, tokenId, keepSecret: true });

    expect(error).toMatchObject({ code: 'UNCERTAIN', details: { operation: 'roll' } });
    expect(error.message).toMatch(/^The roll may have happened: verify the token to check\./u);
    expect(fault.matched()).toBe(1);
    expect(sim.state.token(tokenId)?.secret).not.toBe(secret);
    const check = await h.ok('tokens.verify', { profileId: h.profile.id, tokenId });
    expect(check.outcome).toBe('invalid');
    expect(englishMessage(check.message)).toContain('rolled or deleted');
  });

  it('reports a timeout as UNCERTAIN after one request', async () => {
    const h = await tokenHarness(sim, secrets);
    const { tokenId } = await keptToken(h, 'Roll timeout');
    const fault = sim.control.injectFault({
      kind: 'hang',
      ms: 4000,
      method: 'PUT',
      path: '/user/tokens/{token_id}/value',
    });
    const error = await h.fails('tokens.roll', { profileId: h.profile.id, tokenId, keepSecret: true });
    expect(error).toMatchObject({ code: 'UNCERTAIN', details: { operation: 'roll' } });
    expect(fault.matched()).toBe(1);
  });

  it('reports a 429 as RATE_LIMITED: nothing rolled, the secret still works', async () => {
    const h = await tokenHarness(sim, secrets);
    const { tokenId, secret } = await keptToken(h, 'Roll limited');
    sim.control.setRateLimit({ limit: 1, windowMs: 120_000 });
    await outsideCall(sim, sim.credential('alice-manager').secret, 'GET', '/user/tokens/verify');
    const error = await h.fails('tokens.roll', { profileId: h.profile.id, tokenId, keepSecret: true });
    expect(error).toMatchObject({ code: 'RATE_LIMITED', details: { retryAt: expect.any(String) } });
    expect(error.message).toMatch(/^Nothing was rolled: the current secret still works\./u);
    expect(requests(sim, ...ROLL_USER)).toHaveLength(1);
    expect(sim.state.token(tokenId)?.secret).toBe(secret);
  });
});
