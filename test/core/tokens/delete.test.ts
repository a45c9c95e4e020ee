/**
 * tokens.delete: DELETE once, then the cache row, the kept secret and a `deleted` history entry;
 * failures say whether the token may be gone.
 */
import { describe, expect, it } from 'vitest';
import { tokenSecretAccount } from '../../../src/main/core/secrets/secret-store';
import {
  DEMO,
  outsideCall,
  requests,
  tokenHarness,
  keptToken,
  useTokenSuite,
} from '../support/token-harness';
import { englishMessage } from '../../../src/shared/i18n/english-message';

const { sim, secrets } = await useTokenSuite();

describe('deleting a token', () => {
  it('deletes it once at Cloudflare, then from the list and the keychain, and keeps its history', async () => {
    const h = await tokenHarness(sim, secrets);
    const tokenId = (await keptToken(h, 'Short-lived')).tokenId;
    await expect(h.ok('tokens.delete', { profileId: h.profile.id, tokenId })).resolves.toEqual({
      deleted: true,
    });

    expect(requests(sim, 'DELETE', '/user/tokens/{token_id}')).toHaveLength(1);
    expect(sim.state.token(tokenId)).toBeUndefined();
    expect((await h.ok('tokens.list', { profileId: h.profile.id })).some((row) => row.id === tokenId)).toBe(
      false,
    );
    await expect(secrets.get(tokenSecretAccount(h.profile.id, tokenId))).resolves.toBeNull();
    const history = await h.ok('tokens.history', { profileId: h.profile.id, tokenId });
    expect(history.map((e) => [e.kind, e.source, englishMessage(e.message)])).toEqual([
      ['deleted', 'keyflare', 'deleted "Short-lived"'],
      ['created', 'keyflare', 'created "Short-lived"'],
    ]);
  });

  it('deletes an account-owned token at its account', async () => {
    const h = await tokenHarness(sim, secrets);
    const tokenId = (await keptToken(h, 'Acme short-lived', { accountId: DEMO.acme })).tokenId;
    await h.ok('tokens.delete', { profileId: h.profile.id, tokenId });
    expect(sim.control.requestLog().map((e) => [e.method, e.path])).toEqual([
      ['DELETE', `/client/v4/accounts/${DEMO.acme}/tokens/${tokenId}`],
    ]);
  });

  it('refuses to delete the profile’s own credential', async () => {
    const h = await tokenHarness(sim, secrets);
    sim.control.resetLog();
    const error = await h.fails('tokens.delete', {
      profileId: h.profile.id,
      tokenId: 'a1a10000000000000000000000000001',
    });
    expect(error).toMatchObject({ code: 'CONFLICT' });
    expect(sim.control.requestLog()).toEqual([]);
  });

  for (const [what, fault] of [
    ['a 500', { kind: 'server_error', status: 500 }],
    ['a reset connection', { kind: 'reset' }],
    ['a timeout', { kind: 'hang', ms: 4000 }],
  ] as const) {
    it(`reports ${what} as UNCERTAIN after one request and keeps the token listed`, async () => {
      const h = await tokenHarness(sim, secrets);
      const tokenId = (await keptToken(h, `Delete with ${what}`)).tokenId;
      const injected = sim.control.injectFault({
        ...fault,
        method: 'DELETE',
        path: '/user/tokens/{token_id}',
        times: 'always',
        phase: 'after',
      });
      const error = await h.fails('tokens.delete', { profileId: h.profile.id, tokenId });

      expect(error).toMatchObject({ code: 'UNCERTAIN', details: { operation: 'delete' } });
      expect(error.message).toMatch(/^The token may have been deleted: sync to check\./u);
      expect(injected.matched()).toBe(1);
      await expect(h.row(tokenId)).resolves.toMatchObject({ secretKept: true });
      // It did happen (the fault hit the answer): a sync finds out, and records it.
      await h.ok('sync.start', { profileId: h.profile.id });
      expect((await h.ok('tokens.list', { profileId: h.profile.id })).some((row) => row.id === tokenId)).toBe(
        false,
      );
    });
  }

  it('reports a token already deleted elsewhere as NOT_FOUND, with nothing deleted', async () => {
    const h = await tokenHarness(sim, secrets);
    const tokenId = (await keptToken(h, 'Deleted in the dashboard')).tokenId;
    await outsideCall(sim, sim.credential('alice-manager').secret, 'DELETE', `/user/tokens/${tokenId}`);
    sim.control.resetLog();
    const error = await h.fails('tokens.delete', { profileId: h.profile.id, tokenId });
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toMatch(/^Nothing was deleted\./u);
    expect(requests(sim, 'DELETE')).toHaveLength(1);
  });

  it('reports a 429 as RATE_LIMITED with retryAt', async () => {
    const h = await tokenHarness(sim, secrets);
    const tokenId = (await keptToken(h, 'Delete too fast')).tokenId;
    sim.control.setRateLimit({ limit: 1, windowMs: 120_000 });
    await outsideCall(sim, sim.credential('alice-manager').secret, 'GET', '/user/tokens/verify');
    const error = await h.fails('tokens.delete', { profileId: h.profile.id, tokenId });
    expect(error).toMatchObject({ code: 'RATE_LIMITED', details: { retryAt: expect.any(String) } });
    expect(error.message).toMatch(/^Nothing was deleted\./u);
    expect(sim.state.token(tokenId)).toBeDefined();
  });
});
