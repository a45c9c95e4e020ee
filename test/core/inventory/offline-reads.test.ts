/**
 * The inventory answers from the cache alone: with Cloudflare unreachable and a keychain that
 * throws on every call, every read channel still answers, in plain words.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { saveVerifyResult } from '../../../src/main/core/db/token-repository';
import { tokenWarnings } from '../../../src/shared/insights';
import type {
  Account,
  HistoryEntry,
  PermissionGroup,
  Profile,
  SyncStatus,
  TokenDetail,
  TokenRow,
  Zone,
} from '../../../src/shared/domain';
import { startTestSimulator } from '../../support/test-simulator';
import { closeAllCores, makeCore, throwingStore } from '../support/core-harness';
import { addProfile, call } from '../support/sim-profiles';

const sim = await startTestSimulator({ scenario: 'demo' });

afterEach(() => closeAllCores());

describe('the token list', () => {
  it('warns exactly as the full decoded policies of each token say (the list reads a compact copy)', async () => {
    const h = makeCore();
    for (const label of ['alice-manager', 'bob-manager', 'acme-account-manager']) {
      const profile = await addProfile(h.core, sim, label);
      await call(h.core, 'sync.start', { profileId: profile.id });
    }
    const rows = await call<TokenRow[]>(h.core, 'tokens.list', {});
    expect(rows.length).toBeGreaterThan(15);
    const now = h.core.context.clock.now();
    for (const row of rows) {
      const detail = await call<TokenDetail>(h.core, 'tokens.get', {
        profileId: row.profileId,
        tokenId: row.id,
      });
      const expected = tokenWarnings(
        {
          status: row.status,
          expiresOn: row.expiresOn,
          notBefore: row.notBefore,
          lastUsedOn: row.lastUsedOn,
          issuedOn: row.issuedOn,
          policies: detail.policies,
          requestIp: detail.requestIp,
        },
        now,
      );
      expect(row.warnings, row.name).toEqual(expected);
      expect(detail.warnings).toEqual(row.warnings);
    }
    expect(rows.flatMap((r) => r.warnings.map((w) => w.kind))).toEqual(
      expect.arrayContaining(['can_create_tokens', 'no_ip_filter', 'broad_write', 'expired']),
    );
  });
});

describe('offline reads', () => {
  it('answer from the cache with no network and no keychain', async () => {
    const online = makeCore();
    const profile = await addProfile(online.core, sim, 'alice-manager', 'Alice');
    await call(online.core, 'sync.start', { profileId: profile.id });
    const dnsTokenId = sim.credential('alice-dns-acme').tokenId ?? '';
    saveVerifyResult(online.core.context.db(), profile.id, dnsTokenId, {
      outcome: 'active',
      checkedAt: '2026-01-02T03:04:05.000Z',
      expiresOn: null,
      notBefore: null,
      message: { key: 'verify.outcome.active', params: { expiresDay: 'none' } },
    });
    online.core.close();
    await sim.stop();

    const secrets = throwingStore();
    const offline = makeCore({ dataDir: online.dataDir, secrets });
    const core = offline.core;

    const profiles = await call<Profile[]>(core, 'profiles.list', {});
    expect(profiles).toEqual([
      expect.objectContaining({
        id: profile.id,
        label: 'Alice',
        lastSyncAt: expect.any(String),
        lastSyncOutcome: 'ok',
      }),
    ]);

    const accounts = await call<Account[]>(core, 'accounts.list', {});
    expect(accounts.map((a) => a.name).sort()).toEqual(['Acme Corp', 'Alice Personal']);

    const zones = await call<Zone[]>(core, 'zones.list', {
      profileId: profile.id,
      accountId: 'acc00000000000000000000000000002',
    });
    expect(zones.length).toBeGreaterThan(0);
    expect(zones.every((z) => z.accountName === 'Acme Corp')).toBe(true);

    const groups = await call<PermissionGroup[]>(core, 'permissionGroups.list', {
      profileId: profile.id,
      owner: { kind: 'user' },
    });
    expect(groups.find((g) => g.name === 'DNS Write')).toMatchObject({
      scope: 'com.cloudflare.api.account.zone',
      source: 'user',
    });
    const accountGroups = await call<PermissionGroup[]>(core, 'permissionGroups.list', {
      profileId: profile.id,
      owner: { kind: 'account', accountId: 'acc00000000000000000000000000002' },
    });
    expect(accountGroups.length).toBeGreaterThan(0);
    expect(
      accountGroups.every(
        (g) => g.source === 'account' && g.accountId === 'acc00000000000000000000000000002',
      ),
    ).toBe(true);

    const rows = await call<TokenRow[]>(core, 'tokens.list', {});
    const dns = rows.find((r) => r.id === dnsTokenId);
    expect(dns).toMatchObject({
      profileLabel: 'Alice',
      permissionNames: expect.arrayContaining(['DNS Write', 'Zone Read']),
      resourcesSummary: 'zone acme.com',
      lastVerify: {
        outcome: 'active',
        checkedAt: '2026-01-02T03:04:05.000Z',
        message: { key: 'verify.outcome.active', params: { expiresDay: 'none' } },
      },
      secretKept: false,
      isCredential: false,
    });
    const manager = rows.find((r) => r.id === sim.credential('alice-manager').tokenId);
    expect(manager).toMatchObject({ isCredential: true });
    expect(manager?.resourceNames).toEqual(expect.arrayContaining(['all accounts', 'all zones']));
    expect(manager?.warnings.map((w) => w.kind)).toContain('can_create_tokens');
    const deny = rows.find((r) => r.id === sim.credential('alice-deny').tokenId);
    // An allow policy with its deny twin reads as the exclusion it is, not as a denial (Cloudflare
    // lists the groups in an order of its own).
    expect(deny?.permissionsSummary.split(', ').sort()).toEqual(['DNS Read', 'Zone Read']);
    expect(deny?.resourcesSummary).toBe('all zones in account Acme Corp except zone acme-internal.org');
    expect(deny?.resourceNames.sort()).toEqual(['all zones in account Acme Corp', 'zone acme-internal.org']);
    const ipRestricted = rows.find((r) => r.id === sim.credential('alice-ip-restricted').tokenId);
    expect(ipRestricted?.ipFilterSummary).toContain('only from 203.0.113.0/24');

    const detail = await call<TokenDetail>(core, 'tokens.get', {
      profileId: profile.id,
      tokenId: dnsTokenId,
    });
    expect(detail.policies[0]).toMatchObject({
      effect: 'allow',
      summary: expect.stringContaining('on zone acme.com'),
    });
    expect(detail.allowed).toEqual({ edit: true, roll: true, delete: true, reason: null });
    const credentialDetail = await call<TokenDetail>(core, 'tokens.get', {
      profileId: profile.id,
      tokenId: manager?.id,
    });
    expect(credentialDetail.allowed).toMatchObject({
      roll: false,
      delete: false,
      reason: { key: 'outcomes.allowed.ownCredential' },
    });

    await expect(call<HistoryEntry[]>(core, 'tokens.history', { profileId: profile.id })).resolves.toEqual(
      [],
    );
    const [status] = await call<SyncStatus[]>(core, 'sync.status', {});
    expect(status).toMatchObject({
      profileId: profile.id,
      running: false,
      lastSuccessAt: profiles[0]?.lastSyncAt,
      offline: false,
    });

    await expect(
      core.dispatch('tokens.get', { profileId: profile.id, tokenId: 'unknown0000' }),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    for (const method of ['get', 'set', 'delete', 'list', 'status'] as const)
      expect(secrets[method]).not.toHaveBeenCalled();

    // A sync now fails with a clear keychain error, and the cache is still there.
    const [run] = await call<{ outcome: string; error: { code: string } | null }[]>(core, 'sync.start', {
      profileId: profile.id,
    });
    expect(run).toMatchObject({ outcome: 'failed', error: { code: 'KEYCHAIN_UNAVAILABLE' } });
    await expect(call<TokenRow[]>(core, 'tokens.list', {})).resolves.toHaveLength(rows.length);
    await sim.restart();
  });
});
