/**
 * One-click verify, "verify all", verifying a pasted secret, adopting and forgetting a secret —
 * against the simulator, checking every outcome and that a verify carries the token's own secret
 * to the owning profile's base URL and nothing else (SECURITY.md 15).
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tokenSecretAccount } from '../../../src/main/core/secrets/secret-store';
import { englishMessage } from '../../../src/shared/i18n/english-message';
import { createTokenService } from '../../../src/main/core/tokens/token-service';
import { startTestSimulator } from '../../support/test-simulator';
import { closeAllCores } from '../support/core-harness';
import {
  DEMO,
  emptySecretStore,
  movableClock,
  outsideCall,
  requests,
  resetSimulator,
  testSecretStore,
  tokenHarness,
  keptToken,
} from '../support/token-harness';

const sim = await startTestSimulator({ scenario: 'demo' });
const otherSim = await startTestSimulator({ scenario: 'demo' });
const clock = movableClock();
const clockedSim = await startTestSimulator({ scenario: 'demo', now: () => clock.now() });
const secrets = testSecretStore();

beforeEach(() => {
  for (const s of [sim, otherSim, clockedSim]) resetSimulator(s);
});
afterEach(() => closeAllCores());
afterAll(() => emptySecretStore(secrets));

const ALICE_DNS_ACME = 'a1a10000000000000000000000000002';
const ACME_DNS_BOT = 'ac710000000000000000000000000002';
const ALICE_DENY = 'a1a10000000000000000000000000007';

describe('one-click verify', () => {
  it('verifies a user token with its own secret only, and keeps the result (never the secret)', async () => {
    const h = await tokenHarness(sim, secrets);
    const { tokenId, secret } = await keptToken(h, 'Verify me');
    const result = await h.ok('tokens.verify', { profileId: h.profile.id, tokenId });

    expect(result).toMatchObject({
      outcome: 'active',
      expiresOn: null,
      notBefore: null,
      message: { key: 'verify.outcome.active', params: { expiresDay: 'none' } },
    });
    expect(englishMessage(result.message)).toBe('Cloudflare says this token is active. It never expires.');
    expect(sim.control.requestLog().map((e) => [e.method, e.path, e.credential])).toEqual([
      ['GET', '/client/v4/user/tokens/verify', `token:${tokenId}`],
    ]);
    await expect(h.row(tokenId)).resolves.toMatchObject({ lastVerify: result });
    const stored = h.core.context
      .db()
      .prepare('SELECT * FROM verify_results WHERE token_id = ?')
      .get(tokenId);
    expect(JSON.stringify(stored)).not.toContain(secret);
  });

  it('verifies an account-owned token only at its account’s endpoint', async () => {
    const h = await tokenHarness(sim, secrets);
    const { tokenId } = await keptToken(h, 'Acme verify', { accountId: DEMO.acme });
    await expect(h.ok('tokens.verify', { profileId: h.profile.id, tokenId })).resolves.toMatchObject({
      outcome: 'active',
    });
    expect(sim.control.requestLog().map((e) => [e.path, e.credential])).toEqual([
      [`/client/v4/accounts/${DEMO.acme}/tokens/verify`, `token:${tokenId}`],
    ]);
  });

  it('never carries another account’s, profile’s or the profile credential, and goes only to the owning profile’s base URL', async () => {
    const alice = await tokenHarness(sim, secrets);
    const bob = await tokenHarness(otherSim, secrets, { credential: 'bob-manager' });
    await bob.ok('tokens.adopt', {
      profileId: bob.profile.id,
      tokenId: ACME_DNS_BOT,
      secret: otherSim.credential('acme-dns-bot').secret,
    });
    const { tokenId: aliceAcme } = await keptToken(alice, 'Alice in Acme', { accountId: DEMO.acme });
    for (const s of [sim, otherSim]) s.control.resetLog();

    await bob.ok('tokens.verify', { profileId: bob.profile.id, tokenId: ACME_DNS_BOT });
    await alice.ok('tokens.verify', { profileId: alice.profile.id, tokenId: aliceAcme });
    await alice.ok('tokens.verifyAll', { profileId: alice.profile.id });
    await bob.ok('tokens.verifyAll', { profileId: bob.profile.id });

    const seen = (s: typeof sim): string[] =>
      s.control.requestLog().map((e) => `${e.path} ${e.credential ?? 'none'}`);
    expect(seen(otherSim)).toEqual([
      `/client/v4/accounts/${DEMO.acme}/tokens/verify acme-dns-bot`,
      `/client/v4/accounts/${DEMO.acme}/tokens/verify acme-dns-bot`,
    ]);
    expect(seen(sim)).toEqual([
      `/client/v4/accounts/${DEMO.acme}/tokens/verify token:${aliceAcme}`,
      `/client/v4/accounts/${DEMO.acme}/tokens/verify token:${aliceAcme}`,
    ]);
  });

  it('says disabled for a disabled token (Cloudflare answers 401 code 1000 for it)', async () => {
    const h = await tokenHarness(sim, secrets);
    const { tokenId } = await keptToken(h, 'Disabled verify');
    await h.ok('tokens.setStatus', { profileId: h.profile.id, tokenId, status: 'disabled' });
    sim.control.resetLog();
    const result = await h.ok('tokens.verify', { profileId: h.profile.id, tokenId });
    expect(result).toMatchObject({
      outcome: 'disabled',
      message: { key: 'verify.refused.disabled', params: { said: 'Invalid API Token', codes: '1000' } },
    });
    expect(sim.control.requestLog().map((e) => e.status)).toEqual([401]);
  });

  it('says expired and not yet valid from the token’s dates', async () => {
    const h = await tokenHarness(clockedSim, secrets, { clock });
    const day = 86_400_000;
    const expiring = await keptToken(h, 'Expires tomorrow', {
      expiresOn: new Date(clock.now().getTime() + day).toISOString(),
    });
    const later = await keptToken(h, 'Valid from next week', {
      notBefore: new Date(clock.now().getTime() + 7 * day).toISOString(),
    });

    await expect(
      h.ok('tokens.verify', { profileId: h.profile.id, tokenId: later.tokenId }),
    ).resolves.toMatchObject({
      outcome: 'not_yet_valid',
      notBefore: expect.any(String),
      message: { key: 'verify.refused.notYetValid', params: { notBeforeDay: expect.any(String) } },
    });
    clock.advance(2 * day);
    await expect(
      h.ok('tokens.verify', { profileId: h.profile.id, tokenId: expiring.tokenId }),
    ).resolves.toMatchObject({
      outcome: 'expired',
      expiresOn: expect.any(String),
      message: { key: 'verify.refused.expired', params: { expiresDay: expect.any(String) } },
    });
  });

  it('says invalid for a secret Cloudflare no longer knows (deleted elsewhere)', async () => {
    const h = await tokenHarness(sim, secrets);
    const { tokenId } = await keptToken(h, 'Deleted elsewhere');
    await outsideCall(sim, sim.credential('alice-manager').secret, 'DELETE', `/user/tokens/${tokenId}`);
    const result = await h.ok('tokens.verify', { profileId: h.profile.id, tokenId });
    expect(result).toMatchObject({
      outcome: 'invalid',
      message: { key: 'verify.refused.invalid', params: { said: 'Invalid API Token', codes: '1000' } },
    });
    expect(englishMessage(result.message)).toContain('Cloudflare said: Invalid API Token (code 1000).');
  });

  it('says network_error when Cloudflare cannot be reached or keeps failing (after the read’s retries)', async () => {
    const h = await tokenHarness(sim, secrets);
    const { tokenId } = await keptToken(h, 'Network trouble');
    sim.control.injectFault({
      kind: 'server_error',
      status: 503,
      method: 'GET',
      path: '/user/tokens/verify',
      times: 'always',
    });
    await expect(h.ok('tokens.verify', { profileId: h.profile.id, tokenId })).resolves.toMatchObject({
      outcome: 'network_error',
    });
    expect(requests(sim, 'GET', '/user/tokens/verify').length).toBe(3);

    sim.control.clearFaults();
    await sim.stop();
    const offline = await h.ok('tokens.verify', { profileId: h.profile.id, tokenId });
    await sim.restart();
    expect(offline).toMatchObject({
      outcome: 'network_error',
      message: { key: 'verify.networkErrorBecause' },
    });
    expect(englishMessage(offline.message)).toContain('cannot reach Cloudflare');
    await expect(h.row(tokenId)).resolves.toMatchObject({ lastVerify: { outcome: 'network_error' } });
  });

  it('asks to adopt the secret first when Keyflare does not hold it', async () => {
    const h = await tokenHarness(sim, secrets);
    sim.control.resetLog();
    await expect(
      h.fails('tokens.verify', { profileId: h.profile.id, tokenId: ALICE_DNS_ACME }),
    ).resolves.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Keyflare doesn’t hold this token’s secret: adopt it first.',
    });
    expect(sim.control.requestLog()).toEqual([]);
  });
});

describe('verify all', () => {
  it('verifies every kept secret of the profile, a few at a time', async () => {
    let inFlight = 0;
    let most = 0;
    const countingFetch: typeof fetch = async (input, init) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      try {
        return await fetch(input, init);
      } finally {
        inFlight -= 1;
      }
    };
    const h = await tokenHarness(sim, secrets, { fetch: countingFetch });
    const kept = [];
    for (let i = 0; i < 9; i += 1) kept.push((await keptToken(h, `Bulk ${i}`)).tokenId);
    sim.control.setLatency(20);
    most = 0;

    const results = await h.ok('tokens.verifyAll', { profileId: h.profile.id });
    expect(results.map((r) => r.tokenId)).toEqual(kept);
    expect(results.every((r) => r.result.outcome === 'active')).toBe(true);
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(4);
    expect(new Set(sim.control.requestLog().map((e) => e.credential))).toEqual(
      new Set(kept.map((id) => `token:${id}`)),
    );
  });

  it('stops at a 429 and reports RATE_LIMITED with retryAt for the rest; no verify of the profile goes out until then', async () => {
    const h = await tokenHarness(sim, secrets);
    const kept: { tokenId: string; secret: string }[] = [];
    for (let i = 0; i < 12; i += 1) kept.push(await keptToken(h, `Limited ${i}`));
    sim.control.setRateLimit({ limit: 1, windowMs: 120_000 });
    // The first token's budget is spent elsewhere: its verify gets 429.
    await outsideCall(sim, kept[0]?.secret ?? '', 'GET', '/user/tokens/verify');
    sim.control.resetLog();

    const error = await h.fails('tokens.verifyAll', { profileId: h.profile.id });
    expect(error.code).toBe('RATE_LIMITED');
    expect(Date.parse(error.details?.retryAt ?? '')).toBeGreaterThan(Date.now());
    // ICU plurals: "1 of 12 tokens was verified", "3 of 12 tokens were verified".
    expect(error.message).toMatch(
      /of 12 tokens (was|were) verified; the other \d+ were not checked.* Cloudflare is rate limiting this login until /u,
    );
    expect(error.key).toBe('errors.tokens.verifyAllStopped');
    const sent = sim.control.requestLog().length;
    expect(sent).toBeLessThan(12);
    const rows = await h.ok('tokens.list', { profileId: h.profile.id });
    expect(rows.find((r) => r.id === kept[11]?.tokenId)?.lastVerify).toBeNull();

    await expect(
      h.fails('tokens.verify', { profileId: h.profile.id, tokenId: kept[11]?.tokenId ?? '' }),
    ).resolves.toMatchObject({ code: 'RATE_LIMITED' });
    expect(sim.control.requestLog()).toHaveLength(sent);
  });
});

describe('a secret Keyflare does not hold yet', () => {
  it('verifies a pasted user token secret and matches it to its token', async () => {
    const h = await tokenHarness(sim, secrets);
    sim.control.resetLog();
    const reply = await h.ok('tokens.verifySecret', {
      profileId: h.profile.id,
      secret: sim.credential('alice-dns-acme').secret,
    });
    expect(reply).toMatchObject({
      result: { outcome: 'active' },
      tokenId: ALICE_DNS_ACME,
      token: { id: ALICE_DNS_ACME, name: 'Edit DNS acme.com', secretKept: false },
    });
    expect(sim.control.requestLog().map((e) => [e.path, e.credential])).toEqual([
      ['/client/v4/user/tokens/verify', 'alice-dns-acme'],
    ]);

    const legacy = await h.ok('tokens.verifySecret', {
      profileId: h.profile.id,
      secret: sim.credential('alice-legacy').secret,
    });
    expect(legacy).toMatchObject({
      result: { outcome: 'active' },
      tokenId: 'a1a10000000000000000000000000008',
    });
  });

  it('verifies an account secret at the chosen account only, and asks which account when it cannot tell', async () => {
    const h = await tokenHarness(sim, secrets);
    sim.control.resetLog();
    const secret = sim.credential('acme-dns-bot').secret;
    const unsure = await h.fails('tokens.verifySecret', { profileId: h.profile.id, secret });
    expect(unsure).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'owner' }] } });
    expect(sim.control.requestLog()).toEqual([]);

    const reply = await h.ok('tokens.verifySecret', {
      profileId: h.profile.id,
      secret,
      owner: { kind: 'account', accountId: DEMO.acme },
    });
    expect(reply).toMatchObject({
      result: { outcome: 'active' },
      tokenId: ACME_DNS_BOT,
      token: { kind: 'account', accountId: DEMO.acme },
    });
    expect(sim.control.requestLog().map((e) => [e.path, e.credential])).toEqual([
      [`/client/v4/accounts/${DEMO.acme}/tokens/verify`, 'acme-dns-bot'],
    ]);
  });

  it('says invalid for an unknown secret, and refuses a Global API Key', async () => {
    const h = await tokenHarness(sim, secrets);
    const unknown = await h.ok('tokens.verifySecret', {
      profileId: h.profile.id,
      secret: 'cfut_unknownSecret00000000000000000000000000',
    });
    expect(unknown).toMatchObject({ result: { outcome: 'invalid' }, tokenId: null, token: null });
    await expect(
      h.fails('tokens.verifySecret', {
        profileId: h.profile.id,
        secret: sim.credential('bob-global-key').secret,
      }),
    ).resolves.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('Global API Key'),
    });
  });

  it('adopts a secret that verifies as that very token, then verifies it in one click', async () => {
    const h = await tokenHarness(sim, secrets);
    const secret = sim.credential('alice-dns-acme').secret;
    const row = await h.ok('tokens.adopt', { profileId: h.profile.id, tokenId: ALICE_DNS_ACME, secret });
    expect(row).toMatchObject({ id: ALICE_DNS_ACME, secretKept: true, lastVerify: { outcome: 'active' } });
    await expect(secrets.get(tokenSecretAccount(h.profile.id, ALICE_DNS_ACME))).resolves.toBe(secret);
    await expect(
      h.ok('tokens.verify', { profileId: h.profile.id, tokenId: ALICE_DNS_ACME }),
    ).resolves.toMatchObject({ outcome: 'active' });
  });

  it('refuses to adopt another token’s secret or one Cloudflare does not accept, keeping nothing', async () => {
    const h = await tokenHarness(sim, secrets);
    const wrong = await h.fails('tokens.adopt', {
      profileId: h.profile.id,
      tokenId: ALICE_DNS_ACME,
      secret: sim.credential('alice-deny').secret,
    });
    expect(wrong).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('belongs to another token (“Acme zones except internal”)'),
    });
    const dead = await h.fails('tokens.adopt', {
      profileId: h.profile.id,
      tokenId: ALICE_DENY,
      secret: 'cfut_unknownSecret00000000000000000000000000',
    });
    expect(dead).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('does not accept this secret'),
    });
    await expect(secrets.get(tokenSecretAccount(h.profile.id, ALICE_DNS_ACME))).resolves.toBeNull();
    await expect(secrets.get(tokenSecretAccount(h.profile.id, ALICE_DENY))).resolves.toBeNull();
    await expect(h.row(ALICE_DNS_ACME)).resolves.toMatchObject({ secretKept: false });
  });

  it('forgets a kept secret: the keychain entry and the flag go, and verify asks to adopt again', async () => {
    const h = await tokenHarness(sim, secrets);
    const { tokenId } = await keptToken(h, 'Forget me');
    const row = await h.ok('tokens.forgetSecret', { profileId: h.profile.id, tokenId });
    expect(row.secretKept).toBe(false);
    await expect(secrets.get(tokenSecretAccount(h.profile.id, tokenId))).resolves.toBeNull();
    await expect(h.fails('tokens.verify', { profileId: h.profile.id, tokenId })).resolves.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('verify all within the request budget', () => {
  it('holds verifies back once the profile’s budget is spent, without sending them', async () => {
    const h = await tokenHarness(sim, secrets);
    for (let i = 0; i < 8; i += 1) await keptToken(h, `Budget ${i}`);
    // The same services, with a budget of 6 verifies a minute instead of Cloudflare's 1200 per 5 minutes.
    const { gateway, profiles, inventory } = h.core.services;
    const tokens = createTokenService(
      h.core.context,
      { gateway, profiles, inventory },
      { verifyBudget: { limit: 6, windowMs: 60_000 } },
    );
    sim.control.resetLog();

    await expect(tokens.verifyAll(h.profile.id)).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      details: { retryAt: expect.any(String) },
      message: expect.stringMatching(
        /^5 of 8 tokens were verified; the other 3 were not checked \(their last results are unchanged\)\. Keyflare is holding calls for this login until /u,
      ),
    });
    // 95% of 6, rounded down: Keyflare keeps a margin under the budget.
    expect(requests(sim, 'GET', '/user/tokens/verify')).toHaveLength(5);
  });
});
