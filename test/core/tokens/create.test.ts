/**
 * tokens.create against the simulator: the secret shown once and kept in the keychain, the cache
 * updated at once, account-owned tokens where the profile may, and every failure path — refused
 * before sending, refused by Cloudflare, uncertain — with the request sent exactly once.
 */
import { describe, expect, it, vi } from 'vitest';
import { KEYCHAIN_UNAVAILABLE_HELP } from '../../../src/main/core/secrets/keytar-store';
import { tokenSecretAccount } from '../../../src/main/core/secrets/secret-store';
import { AppError } from '../../../src/shared/errors';
import type { FaultSpec } from '../../../src/sandbox';
import { DEMO, dnsDraft, outsideCall, requests, tokenHarness, useTokenSuite } from '../support/token-harness';
import { englishMessage } from '../../../src/shared/i18n/english-message';

const { sim, secrets } = await useTokenSuite();

const USER_CREATE = ['POST', '/user/tokens'] as const;

describe('creating a token', () => {
  it('shows the secret once, keeps it in the keychain and lists the token without a sync', async () => {
    const h = await tokenHarness(sim, secrets);
    sim.control.resetLog();
    const created = await h.ok('tokens.create', {
      profileId: h.profile.id,
      owner: { kind: 'user' },
      draft: dnsDraft(sim, 'Deploy bot'),
      keepSecret: true,
    });

    const atCloudflare = sim.state.token(created.token.id);
    expect(created.secret).toBe(atCloudflare?.secret);
    expect(created.secret).toMatch(/^cfut_/u);
    expect(created).toMatchObject({
      keptInKeychain: true,
      keychainError: null,
      token: { name: 'Deploy bot', kind: 'user', secretKept: true },
    });
    await expect(secrets.get(tokenSecretAccount(h.profile.id, created.token.id))).resolves.toBe(
      created.secret,
    );

    // One request, the POST: the list is updated from its answer, not by a new sync.
    expect(sim.control.requestLog().map((entry) => entry.operation)).toEqual(['POST /user/tokens']);
    await expect(h.row(created.token.id)).resolves.toMatchObject({
      name: 'Deploy bot',
      permissionsSummary: 'DNS Write',
      resourcesSummary: 'zone acme.com',
      secretKept: true,
    });
    const history = await h.ok('tokens.history', { profileId: h.profile.id, tokenId: created.token.id });
    expect(history).toMatchObject([
      {
        kind: 'created',
        source: 'keyflare',
        message: { key: 'history.created', params: { name: 'Deploy bot' } },
      },
    ]);
    expect(englishMessage(history[0]?.message ?? { key: '' })).toBe('created "Deploy bot"');
    // The cache holds the policy rows Cloudflare answered with, as a sync would write them.
    const detail = await h.ok('tokens.get', { profileId: h.profile.id, tokenId: created.token.id });
    expect(detail.policies.map((p) => p.summary)).toEqual(['DNS Write on zone acme.com']);
  });

  it('keeps nothing when asked not to', async () => {
    const h = await tokenHarness(sim, secrets);
    const created = await h.ok('tokens.create', {
      profileId: h.profile.id,
      owner: { kind: 'user' },
      draft: dnsDraft(sim, 'Not kept'),
      keepSecret: false,
    });
    expect(created).toMatchObject({
      keptInKeychain: false,
      keychainError: null,
      token: { secretKept: false },
    });
    await expect(secrets.get(tokenSecretAccount(h.profile.id, created.token.id))).resolves.toBeNull();
  });

  it('still shows the secret when the keychain fails, and says so in a sentence', async () => {
    const h = await tokenHarness(sim, secrets);
    vi.spyOn(secrets, 'set').mockRejectedValueOnce(
      new AppError('KEYCHAIN_UNAVAILABLE', KEYCHAIN_UNAVAILABLE_HELP),
    );
    const created = await h.ok('tokens.create', {
      profileId: h.profile.id,
      owner: { kind: 'user' },
      draft: dnsDraft(sim, 'Keychain down'),
      keepSecret: true,
    });

    expect(created.secret).toBe(sim.state.token(created.token.id)?.secret);
    expect(created.keptInKeychain).toBe(false);
    expect(created.keychainError).toMatch(
      /^The secret was not saved in the keychain: The system keychain is not available\..* Copy it now/u,
    );
    await expect(h.row(created.token.id)).resolves.toMatchObject({
      name: 'Keychain down',
      secretKept: false,
    });
  });

  it('creates an account-owned token at the account’s endpoint', async () => {
    const h = await tokenHarness(sim, secrets);
    sim.control.resetLog();
    const created = await h.ok('tokens.create', {
      profileId: h.profile.id,
      owner: { kind: 'account', accountId: DEMO.acme },
      draft: dnsDraft(sim, 'Acme DNS'),
      keepSecret: true,
    });
    expect(created.secret).toMatch(/^cfat_/u);
    expect(created.token).toMatchObject({
      kind: 'account',
      accountId: DEMO.acme,
      accountName: 'Acme Corp',
      secretKept: true,
    });
    expect(sim.control.requestLog().map((entry) => [entry.method, entry.path])).toEqual([
      ['POST', `/client/v4/accounts/${DEMO.acme}/tokens`],
    ]);
    expect(sim.state.token(created.token.id)?.owner).toMatchObject({ kind: 'account', accountId: DEMO.acme });
  });
});

describe('a zone and all zones of an account in one policy', () => {
  it('are sent as two policies Cloudflare’s schema accepts, and the token grants both', async () => {
    const h = await tokenHarness(sim, secrets);
    const draft = dnsDraft(sim, 'Zone and account zones', DEMO.aliceDev);
    draft.policies[0]?.resources.push({ type: 'account_zones', accountId: DEMO.acme, include: true });
    sim.control.resetLog();
    const created = await h.ok('tokens.create', {
      profileId: h.profile.id,
      owner: { kind: 'user' },
      draft,
      keepSecret: false,
    });

    // The simulator checks the request against Cloudflare's OpenAPI schema (a violation fails
    // this file); each policy holds one kind of resources map.
    expect(sim.control.requestLog().map((entry) => entry.operation)).toEqual(['POST /user/tokens']);
    const atCloudflare = sim.state.token(created.token.id);
    expect(atCloudflare?.policies.map((policy) => Object.keys(policy.resources))).toEqual([
      [`com.cloudflare.api.account.zone.${DEMO.aliceDev}`],
      [`com.cloudflare.api.account.${DEMO.acme}`],
    ]);
    const detail = await h.ok('tokens.get', { profileId: h.profile.id, tokenId: created.token.id });
    expect(detail.policies.map((policy) => policy.summary).sort()).toEqual([
      'DNS Write on all zones in account Acme Corp',
      'DNS Write on zone alice.dev',
    ]);
  });
});

describe('a create that is refused before anything is sent', () => {
  it('says plainly when the profile may not create user or account tokens', async () => {
    const h = await tokenHarness(sim, secrets, { credential: 'alice-tokens-read' });
    sim.control.resetLog();
    await expect(
      h.fails('tokens.create', {
        profileId: h.profile.id,
        owner: { kind: 'user' },
        draft: dnsDraft(sim, 'x'),
        keepSecret: true,
      }),
    ).resolves.toMatchObject({
      code: 'PERMISSION_DENIED',
      message:
        'This profile’s credential cannot create user tokens: it lacks the “API Tokens Write” permission. Nothing was created.',
    });
    await expect(
      h.fails('tokens.create', {
        profileId: h.profile.id,
        owner: { kind: 'account', accountId: DEMO.acme },
        draft: dnsDraft(sim, 'x'),
        keepSecret: true,
      }),
    ).resolves.toMatchObject({
      code: 'PERMISSION_DENIED',
      message: expect.stringContaining(
        'cannot create tokens in account Acme Corp: it lacks the “Account API Tokens Write” permission there',
      ),
    });
    expect(sim.control.requestLog()).toEqual([]);
  });

  it('names the invalid fields of the draft', async () => {
    const h = await tokenHarness(sim, secrets);
    sim.control.resetLog();
    const error = await h.fails('tokens.create', {
      profileId: h.profile.id,
      owner: { kind: 'user' },
      draft: { ...dnsDraft(sim, 'bad'), requestIp: { in: ['not-an-ip'], notIn: [] } },
      keepSecret: true,
    });
    expect(error).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'requestIp.in.0' }] } });
    expect(sim.control.requestLog()).toEqual([]);
  });
});

describe('a create Cloudflare refuses or may not have received', () => {
  it('reports a 400 as VALIDATION, sent once, with nothing created', async () => {
    const h = await tokenHarness(sim, secrets);
    // The catalogue changed since the last sync: the cache offers a group Cloudflare no longer has.
    h.core.context
      .db()
      .prepare(
        "INSERT INTO permission_groups (profile_id, source, account_id, id, scope, name) VALUES (?, 'user', '', ?, ?, 'Retired Write')",
      )
      .run(h.profile.id, 'dead0000000000000000000000000000', 'com.cloudflare.api.account.zone');
    sim.control.resetLog();
    const draft = {
      ...dnsDraft(sim, 'Stale group'),
      policies: [
        { ...dnsDraft(sim, 'x').policies[0]!, permissionGroupIds: ['dead0000000000000000000000000000'] },
      ],
    };
    const error = await h.fails('tokens.create', {
      profileId: h.profile.id,
      owner: { kind: 'user' },
      draft,
      keepSecret: true,
    });

    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(
      /^Nothing was created\. Cloudflare refused the request: Permission group dead0+ does not exist/u,
    );
    expect(requests(sim, ...USER_CREATE)).toHaveLength(1);
    expect(sim.state.tokens({ userId: DEMO.alice }).some((t) => t.name === 'Stale group')).toBe(false);
  });

  const uncertainFaults: [string, FaultSpec][] = [
    ['a 500', { kind: 'server_error', status: 500 }],
    ['a 502', { kind: 'server_error', status: 502 }],
    ['a 503', { kind: 'server_error', status: 503 }],
    ['a reset connection', { kind: 'reset' }],
    ['an unreadable reply', { kind: 'malformed_json' }],
  ];
  for (const [what, fault] of uncertainFaults) {
    it(`reports ${what} as UNCERTAIN, sent exactly once, and caches nothing`, async () => {
      const h = await tokenHarness(sim, secrets);
      const before = (await h.ok('tokens.list', { profileId: h.profile.id })).length;
      sim.control.resetLog();
      const injected = sim.control.injectFault({
        ...fault,
        method: 'POST',
        path: '/user/tokens',
        times: 'always',
      });
      const error = await h.fails('tokens.create', {
        profileId: h.profile.id,
        owner: { kind: 'user' },
        draft: dnsDraft(sim, `Uncertain ${what}`),
        keepSecret: true,
      });

      expect(error.code).toBe('UNCERTAIN');
      expect(error.message).toMatch(/^The token may have been created: sync to check\./u);
      expect(error.details?.operation).toBe('create');
      expect(requests(sim, ...USER_CREATE)).toHaveLength(1);
      expect(injected.matched()).toBe(1);
      expect(await h.ok('tokens.list', { profileId: h.profile.id })).toHaveLength(before);
    });
  }

  it('reports a timeout as UNCERTAIN after one request; a sync then finds the token it did create', async () => {
    const h = await tokenHarness(sim, secrets);
    sim.control.resetLog();
    const hang = sim.control.injectFault({
      kind: 'hang',
      ms: 4000,
      method: 'POST',
      path: '/user/tokens',
      phase: 'after',
    });
    const error = await h.fails('tokens.create', {
      profileId: h.profile.id,
      owner: { kind: 'user' },
      draft: dnsDraft(sim, 'Slow create'),
      keepSecret: true,
    });

    expect(error).toMatchObject({ code: 'UNCERTAIN', details: { operation: 'create' } });
    expect(error.message).toMatch(/^The token may have been created: sync to check\./u);
    // The hung request is logged only when it ends; the fault counts it as it arrives.
    expect(hang.matched()).toBe(1);
    const made = sim.state.tokens({ userId: DEMO.alice }).find((t) => t.name === 'Slow create');
    expect(made).toBeDefined();
    expect(
      (await h.ok('tokens.list', { profileId: h.profile.id })).some((row) => row.name === 'Slow create'),
    ).toBe(false);

    await h.ok('sync.start', { profileId: h.profile.id });
    await expect(h.row(made?.id ?? '')).resolves.toMatchObject({ name: 'Slow create', secretKept: false });
  });

  it('reports a 429 as RATE_LIMITED with retryAt, and does not knock again while blocked', async () => {
    const h = await tokenHarness(sim, secrets);
    sim.control.setRateLimit({ limit: 1, windowMs: 120_000 });
    // Another tool used this login's only request of the window.
    await outsideCall(sim, sim.credential('alice-manager').secret, 'GET', '/user/tokens/verify');
    sim.control.resetLog();

    const error = await h.fails('tokens.create', {
      profileId: h.profile.id,
      owner: { kind: 'user' },
      draft: dnsDraft(sim, 'Limited'),
      keepSecret: true,
    });
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.message).toMatch(/^Nothing was created\./u);
    expect(Date.parse(error.details?.retryAt ?? '')).toBeGreaterThan(Date.now() + 60_000);
    expect(requests(sim, ...USER_CREATE)).toHaveLength(1);

    const again = await h.fails('tokens.create', {
      profileId: h.profile.id,
      owner: { kind: 'user' },
      draft: dnsDraft(sim, 'Limited'),
      keepSecret: true,
    });
    expect(again).toMatchObject({ code: 'RATE_LIMITED', details: { retryAt: expect.any(String) } });
    expect(requests(sim, ...USER_CREATE)).toHaveLength(1);
  });
});
