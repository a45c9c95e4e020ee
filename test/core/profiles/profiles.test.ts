/**
 * Profiles through the contract against the simulator: add, rename, replace the credential and
 * remove, for user tokens, account-owned tokens and Global API Keys — keychain and cache in step.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Profile, SyncRun, TokenDetail } from '../../../src/shared/domain';
import { englishMessage } from '../../../src/shared/i18n/english-message';
import { createMemoryStore } from '../../../src/main/core/secrets/memory-store';
import { startTestSimulator } from '../../support/test-simulator';
import { closeAllCores, countRows, makeCore } from '../support/core-harness';
import { addProfile, call, credentialInput } from '../support/sim-profiles';

const sim = await startTestSimulator({ scenario: 'demo' });
/** The same logins behind another API address (as a staging endpoint would be). */
const elsewhere = await startTestSimulator({ scenario: 'demo' });

beforeEach(() => {
  sim.control.clearFaults();
  sim.control.resetLog();
});
afterEach(() => closeAllCores());

const SNAPSHOT_TABLES = [
  'accounts',
  'zones',
  'permission_groups',
  'tokens',
  'policies',
  'policy_permission_groups',
  'policy_resources',
  'sync_runs',
];

describe.each([
  { label: 'alice-manager', kind: 'user_token', email: 'alice@example.com', owner: null },
  {
    label: 'acme-account-manager',
    kind: 'account_token',
    email: null,
    owner: 'acc00000000000000000000000000002',
  },
  { label: 'alice-global-key', kind: 'global_key', email: 'alice@example.com', owner: null },
] as const)('a profile signed in with $kind', ({ label, kind, email, owner }) => {
  it('is added after Cloudflare accepts the credential, which is kept in the keychain only', async () => {
    const secrets = createMemoryStore();
    const h = makeCore({ secrets });
    const profile = await addProfile(h.core, sim, label, 'Work');
    expect(profile).toMatchObject({
      label: 'Work',
      credentialKind: kind,
      email,
      ownerAccountId: owner,
      baseUrl: sim.baseUrl,
      lastSyncAt: null,
    });
    const credential = sim.credential(label);
    const stored = JSON.parse(secrets.entries().get(`profile:${profile.id}`) ?? '{}') as Record<
      string,
      unknown
    >;
    expect(stored).toEqual(
      kind === 'global_key'
        ? { kind, email: credential.email, key: credential.secret }
        : kind === 'account_token'
          ? { kind, token: credential.secret, accountId: owner }
          : { kind, token: credential.secret },
    );
    await expect(call<Profile[]>(h.core, 'profiles.list', {})).resolves.toEqual([profile]);
    expect(JSON.stringify(await call(h.core, 'profiles.list', {}))).not.toContain(credential.secret);
  });

  it('is renamed, gets a new credential, and is removed with every keychain entry and row', async () => {
    const secrets = createMemoryStore();
    const h = makeCore({ secrets });
    const profile = await addProfile(h.core, sim, label);
    await expect(
      call<Profile>(h.core, 'profiles.rename', { profileId: profile.id, label: 'Renamed' }),
    ).resolves.toMatchObject({ label: 'Renamed' });

    // Replacing with the same login's credential verifies it first, then swaps it.
    const replacement = await call<Profile>(h.core, 'profiles.replaceCredential', {
      profileId: profile.id,
      credential: credentialInput(sim.credential(label)),
    });
    expect(replacement).toMatchObject({ id: profile.id, label: 'Renamed', credentialKind: kind });

    const [run] = await call<SyncRun[]>(h.core, 'sync.start', { profileId: profile.id });
    expect(run?.outcome).toBe('ok');
    await secrets.set(`token:${profile.id}:kept-token-id`, 'cfut_kept_secret_value_0000000000');
    await secrets.set('token:another-profile:t1', 'someone else’s secret');
    const db = h.core.context.db();
    expect(countRows(db, 'tokens', profile.id)).toBeGreaterThan(0);

    await expect(h.core.dispatch('profiles.remove', { profileId: profile.id })).resolves.toEqual({
      ok: true,
      value: { removed: true },
    });
    expect([...secrets.entries().keys()]).toEqual(['token:another-profile:t1']);
    for (const table of ['profiles', ...SNAPSHOT_TABLES, 'token_history', 'verify_results'])
      expect(countRows(db, table, profile.id)).toBe(0);
    await expect(call(h.core, 'profiles.list', {})).resolves.toEqual([]);

    // A window still showing the removed profile hears the same NOT_FOUND from every channel.
    const renamed = await h.core.dispatch('profiles.rename', { profileId: profile.id, label: 'Gone' });
    const listed = await h.core.dispatch('tokens.list', { profileId: profile.id });
    expect(renamed).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', details: { profileId: profile.id } },
    });
    expect(renamed.ok ? null : renamed.error.message).toBe(listed.ok ? null : listed.error.message);
  });
});

describe('adding a profile', () => {
  it('refuses an invalid token with AUTH_INVALID in plain words and stores nothing anywhere', async () => {
    const secrets = createMemoryStore();
    const h = makeCore({ secrets });
    const reply = await h.core.dispatch('profiles.add', {
      label: 'Nope',
      credential: { kind: 'api_token', token: 'cfut_this_token_does_not_exist_000000000' },
      baseUrl: sim.baseUrl,
    });
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'AUTH_INVALID', message: expect.stringContaining('did not accept') },
    });
    expect(secrets.entries().size).toBe(0);
    expect((h.core.context.db().prepare('SELECT count(*) AS n FROM profiles').get() as { n: number }).n).toBe(
      0,
    );
  });

  it('refuses a disabled token and a wrong Global API Key', async () => {
    const h = makeCore();
    await expect(
      h.core.dispatch('profiles.add', {
        label: 'x',
        credential: credentialInput(sim.credential('alice-disabled')),
        baseUrl: sim.baseUrl,
      }),
    ).resolves.toMatchObject({ ok: false, error: { code: 'AUTH_INVALID' } });
    await expect(
      h.core.dispatch('profiles.add', {
        label: 'x',
        credential: {
          kind: 'global_key',
          email: 'alice@example.com',
          key: 'ffffffffffffffffffffffffffffffffffff1',
        },
        baseUrl: sim.baseUrl,
      }),
    ).resolves.toMatchObject({ ok: false, error: { code: 'AUTH_INVALID' } });
  });

  it('finds the owning account of an account-owned token on its own', async () => {
    const h = makeCore();
    const profile = await addProfile(h.core, sim, 'studio-token-reader');
    expect(profile).toMatchObject({
      credentialKind: 'account_token',
      ownerAccountId: 'acc00000000000000000000000000003',
    });
    expect(profile.capabilities.accounts).toEqual([
      expect.objectContaining({
        accountId: 'acc00000000000000000000000000003',
        listTokens: true,
        createTokens: false,
      }),
    ]);
    const verifies = sim.control
      .requestLog()
      .filter((e) => e.operation === 'GET /accounts/{account_id}/tokens/verify');
    expect(verifies.length).toBeGreaterThanOrEqual(1);
    expect(sim.control.requestLog().filter((e) => e.operation === 'GET /user/tokens/verify')).toEqual([]);
  });

  it('recognises an older user token without the cfut_ prefix at /user/tokens/verify', async () => {
    const h = makeCore();
    const profile = await addProfile(h.core, sim, 'alice-legacy');
    expect(profile.credentialKind).toBe('user_token');
  });

  it('does not create the profile when the keychain is unavailable', async () => {
    const secrets = createMemoryStore();
    secrets.setAvailable(false);
    const h = makeCore({ secrets });
    const reply = await h.core.dispatch('profiles.add', {
      label: 'x',
      credential: credentialInput(sim.credential('alice-manager')),
      baseUrl: sim.baseUrl,
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE' } });
    await expect(call(h.core, 'profiles.list', {})).resolves.toEqual([]);
  });
});

describe('adding a credential that is already a profile', () => {
  it.each([
    { label: 'alice-manager', kind: 'API token' },
    { label: 'acme-account-manager', kind: 'account-owned API token' },
    { label: 'alice-global-key', kind: 'Global API Key' },
  ])('is refused for the same $kind, naming the profile, and stores nothing', async ({ label }) => {
    const secrets = createMemoryStore();
    const h = makeCore({ secrets });
    const work = await addProfile(h.core, sim, label, 'Work');
    const reply = await h.core.dispatch('profiles.add', {
      label: 'Work again',
      credential: credentialInput(sim.credential(label)),
      baseUrl: sim.baseUrl,
    });
    expect(reply).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'This credential is already added as profile “Work”.',
        details: { profileId: work.id },
      },
    });
    await expect(call(h.core, 'profiles.list', {})).resolves.toEqual([work]);
    expect([...secrets.entries().keys()]).toEqual([`profile:${work.id}`]);
  });

  it('still allows another credential of the same login: another token, or its Global API Key', async () => {
    const h = makeCore();
    const manager = await addProfile(h.core, sim, 'alice-manager', 'Manager');
    const reader = await addProfile(h.core, sim, 'alice-tokens-read', 'Reader');
    const key = await addProfile(h.core, sim, 'alice-global-key', 'Key');
    expect(manager.email).toBe('alice@example.com');
    expect(key.email).toBe('alice@example.com');
    await expect(call<Profile[]>(h.core, 'profiles.list', {})).resolves.toHaveLength(3);
    expect(new Set([manager.id, reader.id, key.id]).size).toBe(3);
  });

  it('still allows the same credential at another API address', async () => {
    const h = makeCore();
    await addProfile(h.core, sim, 'alice-manager', 'Production');
    const staging = await addProfile(h.core, elsewhere, 'alice-manager', 'Staging');
    expect(staging.baseUrl).toBe(elsewhere.baseUrl);
    await expect(call<Profile[]>(h.core, 'profiles.list', {})).resolves.toHaveLength(2);
  });

  it('is refused as a replacement credential for another profile, which keeps its own', async () => {
    const secrets = createMemoryStore();
    const h = makeCore({ secrets });
    await addProfile(h.core, sim, 'alice-manager', 'Work');
    const reader = await addProfile(h.core, sim, 'alice-tokens-read', 'Reader');
    const before = secrets.entries().get(`profile:${reader.id}`);
    await expect(
      h.core.dispatch('profiles.replaceCredential', {
        profileId: reader.id,
        credential: credentialInput(sim.credential('alice-manager')),
      }),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'This credential is already added as profile “Work”.' },
    });
    expect(secrets.entries().get(`profile:${reader.id}`)).toBe(before);
    await expect(
      call<Profile>(h.core, 'profiles.rename', { profileId: reader.id, label: 'Reader' }),
    ).resolves.toMatchObject({ credentialTokenId: reader.credentialTokenId });
  });
});

describe('capabilities', () => {
  it('explain what a restricted credential cannot do, from its own policies', async () => {
    const h = makeCore();
    const profile = await addProfile(h.core, sim, 'alice-tokens-read');
    expect(profile.capabilities).toMatchObject({
      readUser: false,
      listUserTokens: true,
      createUserTokens: false,
      accounts: [
        expect.objectContaining({ accountName: 'Acme Corp', listTokens: true, createTokens: false }),
      ],
    });
    expect(profile.capabilities.notes).toEqual([
      { key: 'capabilities.note.noUserDetails' },
      { key: 'capabilities.note.cannotWriteUserTokens' },
      { key: 'capabilities.note.cannotCreateAccountTokens', params: { account: 'Acme Corp' } },
    ]);
    expect(profile.capabilities.notes.map(englishMessage)).toEqual([
      'This token cannot read the user’s details (it lacks “User Details Read”), so the login’s email is not shown.',
      'This token cannot create or change user tokens: it lacks “API Tokens Write”.',
      'This credential cannot create tokens in account Acme Corp: it lacks “Account API Tokens Write” there.',
    ]);
  });

  it('fall back to cheap probes when the credential cannot read its own token', async () => {
    const h = makeCore();
    const profile = await addProfile(h.core, sim, 'alice-dns-acme');
    expect(profile.capabilities).toMatchObject({
      readUser: false,
      listUserTokens: false,
      createUserTokens: false,
    });
    expect(profile.capabilities.notes).toContainEqual({ key: 'capabilities.note.ownPoliciesUnknown' });
    const probe = sim.control.requestLog().find((e) => e.operation === 'GET /user/tokens');
    expect(probe?.query['per_page']).toBe('5');
  });

  it('word again the notes a profile stored as English sentences (before notes were messages)', async () => {
    const h = makeCore();
    const profile = await addProfile(h.core, sim, 'alice-tokens-read');
    const legacy = { ...profile.capabilities, notes: ['This token cannot list user tokens.'] };
    h.core.context
      .db()
      .prepare('UPDATE profiles SET capabilities = ? WHERE id = ?')
      .run(JSON.stringify(legacy), profile.id);
    const [read] = await call<Profile[]>(h.core, 'profiles.list', {});
    expect(read?.capabilities.notes).toEqual([
      { key: 'capabilities.note.noUserDetails' },
      { key: 'capabilities.note.cannotWriteUserTokens' },
      { key: 'capabilities.note.cannotCreateAccountTokens', params: { account: 'Acme Corp' } },
    ]);
  });

  it('grey out writes on the detail of a token the profile cannot change, with the reason', async () => {
    const h = makeCore();
    const profile = await addProfile(h.core, sim, 'alice-tokens-read');
    await call(h.core, 'sync.start', { profileId: profile.id });
    const detail = await call<{
      allowed: TokenDetail['allowed'];
    }>(h.core, 'tokens.get', {
      profileId: profile.id,
      tokenId: sim.credential('alice-dns-acme').tokenId,
    });
    expect(detail.allowed).toEqual({
      edit: false,
      roll: false,
      delete: false,
      reason: { key: 'outcomes.allowed.noUserTokensWrite' },
    });
    expect(englishMessage(detail.allowed.reason ?? { key: '' })).toContain('“API Tokens Write”');
  });
});

describe('syncing every profile', () => {
  it('syncs all profiles at once and refreshes each one’s capabilities', async () => {
    const h = makeCore();
    const alice = await addProfile(h.core, sim, 'alice-tokens-read');
    const acme = await addProfile(h.core, sim, 'acme-account-manager');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const runs = await call<SyncRun[]>(h.core, 'sync.start', {});
    expect(runs.map((r) => [r.profileId, r.outcome]).sort()).toEqual(
      [
        [alice.id, 'ok'],
        [acme.id, 'ok'],
      ].sort(),
    );
    const profiles = await call<Profile[]>(h.core, 'profiles.list', {});
    for (const profile of profiles) {
      const before = profile.id === alice.id ? alice : acme;
      expect(profile.lastSyncAt).toEqual(expect.any(String));
      expect(Date.parse(profile.capabilities.checkedAt)).toBeGreaterThan(
        Date.parse(before.capabilities.checkedAt),
      );
      expect({ ...profile.capabilities, checkedAt: '' }).toEqual({ ...before.capabilities, checkedAt: '' });
    }
    // The two syncs overlapped in time: neither waited for the other.
    const [first, second] = runs;
    expect(Date.parse(second?.startedAt ?? '')).toBeLessThan(Date.parse(first?.endedAt ?? ''));
  });
});

describe('replacing a credential', () => {
  it('verifies first: a bad credential leaves the old one in place', async () => {
    const secrets = createMemoryStore();
    const h = makeCore({ secrets });
    const profile = await addProfile(h.core, sim, 'alice-manager');
    const before = secrets.entries().get(`profile:${profile.id}`);
    const reply = await h.core.dispatch('profiles.replaceCredential', {
      profileId: profile.id,
      credential: { kind: 'api_token', token: 'cfut_not_a_real_token_00000000000000000' },
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'AUTH_INVALID' } });
    expect(secrets.entries().get(`profile:${profile.id}`)).toBe(before);
  });

  it('refuses a credential of another login', async () => {
    const h = makeCore();
    const profile = await addProfile(h.core, sim, 'alice-manager');
    await expect(
      h.core.dispatch('profiles.replaceCredential', {
        profileId: profile.id,
        credential: credentialInput(sim.credential('bob-manager')),
      }),
    ).resolves.toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('removing a profile', () => {
  it('is refused with KEYCHAIN_UNAVAILABLE while the keychain is unavailable, and nothing is removed', async () => {
    const secrets = createMemoryStore();
    const h = makeCore({ secrets });
    const profile = await addProfile(h.core, sim, 'alice-manager');
    await call(h.core, 'sync.start', { profileId: profile.id });
    const tokens = countRows(h.core.context.db(), 'tokens', profile.id);
    secrets.setAvailable(false);
    await expect(h.core.dispatch('profiles.remove', { profileId: profile.id })).resolves.toMatchObject({
      ok: false,
      error: { code: 'KEYCHAIN_UNAVAILABLE' },
    });
    expect(countRows(h.core.context.db(), 'tokens', profile.id)).toBe(tokens);
    secrets.setAvailable(true);
    expect(secrets.entries().has(`profile:${profile.id}`)).toBe(true);
  });

  it('answers NOT_FOUND for an unknown profile', async () => {
    const h = makeCore();
    await expect(
      h.core.dispatch('profiles.remove', { profileId: '00000000-0000-4000-8000-000000000000' }),
    ).resolves.toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
