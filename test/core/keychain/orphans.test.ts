/**
 * Keychain entries nothing refers to: listed, re-attached or forgotten on request, never deleted
 * on their own; and kept secrets of tokens deleted in Cloudflare leave with the next sync.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROFILE_STORE_FILE_NAME } from '../../../src/main/core/db/data-files';
import { encodeCredential } from '../../../src/main/core/secrets/credential';
import { createMemoryStore, type MemoryStore } from '../../../src/main/core/secrets/memory-store';
import type { HistoryEntry, KeychainEntry, Profile, TokenRow } from '../../../src/shared/domain';
import { englishMessage } from '../../../src/shared/i18n/english-message';
import { startTestSimulator } from '../../support/test-simulator';
import { closeAllCores, makeCore, tempDir } from '../support/core-harness';
import { addProfile, call } from '../support/sim-profiles';

const sim = await startTestSimulator({ scenario: 'demo' });
const DNS_TOKEN = 'a1a10000000000000000000000000002';

afterEach(() => closeAllCores());

/** Alice and Bob as profiles, synced, with the secret of Alice's DNS token kept. */
async function twoProfiles(secrets: MemoryStore, dataDir = tempDir()) {
  const { core } = makeCore({ dataDir, secrets });
  const alice = await addProfile(core, sim, 'alice-manager', 'Alice');
  const bob = await addProfile(core, sim, 'bob-manager', 'Bob');
  await call(core, 'sync.start', {});
  await call(core, 'tokens.adopt', {
    profileId: alice.id,
    tokenId: DNS_TOKEN,
    secret: sim.credential('alice-dns-acme').secret,
  });
  core.close();
  return { dataDir, alice, bob };
}

function damageProfileStore(dataDir: string): void {
  for (const suffix of ['-wal', '-shm'])
    fs.rmSync(path.join(dataDir, `${PROFILE_STORE_FILE_NAME}${suffix}`), { force: true });
  fs.writeFileSync(path.join(dataDir, PROFILE_STORE_FILE_NAME), crypto.randomBytes(16 * 1024));
}

describe('after the profile store was damaged', () => {
  it('lists every credential and kept secret left in the keychain, and deletes none of them', async () => {
    const secrets = createMemoryStore();
    const { dataDir, alice, bob } = await twoProfiles(secrets);
    const before = [...secrets.entries().keys()].sort();
    damageProfileStore(dataDir);
    const { core } = makeCore({ dataDir, secrets });
    const entries = await call<KeychainEntry[]>(core, 'keychain.entries', {});
    expect(entries).toEqual(
      expect.arrayContaining([
        {
          kind: 'profile',
          profileId: alice.id,
          tokenId: null,
          reason: 'unknown_profile',
          credentialKind: 'user_token',
        },
        {
          kind: 'profile',
          profileId: bob.id,
          tokenId: null,
          reason: 'unknown_profile',
          credentialKind: 'user_token',
        },
        {
          kind: 'token',
          profileId: alice.id,
          tokenId: DNS_TOKEN,
          reason: 'unknown_profile',
          credentialKind: null,
        },
      ]),
    );
    expect(entries).toHaveLength(3);
    expect(JSON.stringify(entries)).not.toContain(sim.credential('alice-manager').secret);
    expect([...secrets.entries().keys()].sort()).toEqual(before);
  });

  it('re-attaches a credential as the same profile, verified first, and its kept secret belongs to it again', async () => {
    const secrets = createMemoryStore();
    const { dataDir, alice } = await twoProfiles(secrets);
    damageProfileStore(dataDir);
    const { core } = makeCore({ dataDir, secrets });
    sim.control.resetLog();
    const profile = await call<Profile>(core, 'keychain.reattach', {
      profileId: alice.id,
      label: 'Alice again',
      baseUrl: sim.baseUrl,
    });
    expect(profile).toMatchObject({ id: alice.id, label: 'Alice again', credentialKind: 'user_token' });
    expect(sim.control.requestLog().some((r) => r.operation === 'GET /user/tokens/verify')).toBe(true);
    const left = await call<KeychainEntry[]>(core, 'keychain.entries', {});
    expect(left.filter((e) => e.profileId === alice.id)).toEqual([]);
    await call(core, 'sync.start', { profileId: alice.id });
    const rows = await call<TokenRow[]>(core, 'tokens.list', { profileId: alice.id });
    expect(rows.find((r) => r.id === DNS_TOKEN)?.secretKept).toBe(true);
    // Re-attaching twice is refused: the entry belongs to a profile now.
    await expect(
      core.dispatch('keychain.reattach', { profileId: alice.id, label: 'Twice', baseUrl: sim.baseUrl }),
    ).resolves.toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('a credential that no longer works is not re-attached, and stays in the keychain', async () => {
    const secrets = createMemoryStore();
    const dataDir = tempDir();
    const { core } = makeCore({ dataDir, secrets });
    const orphanId = crypto.randomUUID();
    // What a crash between the keychain write and the profile row leaves behind.
    await secrets.set(
      `profile:${orphanId}`,
      encodeCredential({ kind: 'user_token', token: 'cfut_thisTokenWasNeverIssued000000000000000' }),
    );
    expect(await call<KeychainEntry[]>(core, 'keychain.entries', {})).toEqual([
      {
        kind: 'profile',
        profileId: orphanId,
        tokenId: null,
        reason: 'unknown_profile',
        credentialKind: 'user_token',
      },
    ]);
    await expect(
      core.dispatch('keychain.reattach', { profileId: orphanId, label: 'Ghost', baseUrl: sim.baseUrl }),
    ).resolves.toMatchObject({ ok: false, error: { code: 'AUTH_INVALID' } });
    await expect(call<Profile[]>(core, 'profiles.list', {})).resolves.toEqual([]);
    expect(secrets.entries().has(`profile:${orphanId}`)).toBe(true);
  });

  it('forgets an orphan on request, and refuses to forget what still belongs to a profile', async () => {
    const secrets = createMemoryStore();
    const { dataDir, alice, bob } = await twoProfiles(secrets);
    damageProfileStore(dataDir);
    const { core } = makeCore({ dataDir, secrets });
    await call(core, 'keychain.reattach', { profileId: alice.id, label: 'Alice', baseUrl: sim.baseUrl });
    await expect(call(core, 'keychain.forget', { profileId: bob.id })).resolves.toEqual({ forgotten: true });
    expect(secrets.entries().has(`profile:${bob.id}`)).toBe(false);
    await expect(
      core.dispatch('keychain.reattach', { profileId: bob.id, label: 'Bob', baseUrl: sim.baseUrl }),
    ).resolves.toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // Alice is a profile again: her credential and her cached token's secret are not orphans.
    await expect(core.dispatch('keychain.forget', { profileId: alice.id })).resolves.toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    await expect(
      core.dispatch('keychain.forget', { profileId: alice.id, tokenId: DNS_TOKEN }),
    ).resolves.toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(secrets.entries().has(`profile:${alice.id}`)).toBe(true);
    expect(secrets.entries().has(`token:${alice.id}:${DNS_TOKEN}`)).toBe(true);
  });
});

describe('a kept secret whose token was deleted in Cloudflare', () => {
  it('leaves the keychain with the next successful sync, and the history says so', async () => {
    const secrets = createMemoryStore();
    const { dataDir, alice } = await twoProfiles(secrets);
    const { core } = makeCore({ dataDir, secrets });
    // Deleted outside Keyflare (the dashboard, another tool).
    const deleted = await fetch(`${sim.baseUrl}/user/tokens/${DNS_TOKEN}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${sim.credential('alice-manager').secret}` },
    });
    expect(deleted.status).toBe(200);
    expect(secrets.entries().has(`token:${alice.id}:${DNS_TOKEN}`)).toBe(true);
    await call(core, 'sync.start', { profileId: alice.id });
    expect(secrets.entries().has(`token:${alice.id}:${DNS_TOKEN}`)).toBe(false);
    const history = await call<HistoryEntry[]>(core, 'tokens.history', {
      profileId: alice.id,
      tokenId: DNS_TOKEN,
    });
    expect(history.map((h) => h.kind)).toEqual(expect.arrayContaining(['deleted', 'secret_removed']));
    const removed = history.find((h) => h.kind === 'secret_removed');
    expect(removed?.tokenName).toBe('Edit DNS acme.com');
    expect(removed && englishMessage(removed.message)).toContain('removed from the keychain');
    expect(await call<KeychainEntry[]>(core, 'keychain.entries', {})).toEqual([]);
  });
});
