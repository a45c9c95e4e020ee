/**
 * The sandbox, from the core host: entering opens sample data in its own folder and keychain
 * service and answers every channel from it; leaving removes both and answers from the real
 * profiles again, untouched; a sandbox a crash left open is removed at the next start. The
 * keychain here is the real one (`bash scripts/with-keyring.sh`), under services of the test's own.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../src/main/core';
import { createCoreHost, SANDBOX_MARKER, type CoreHost } from '../../../src/main/core/sandbox/sandbox-host';
import { createKeytarStore } from '../../../src/main/core/secrets/keytar-store';
import type { SecretStore } from '../../../src/main/core/secrets/secret-store';
import type { Profile, TokenRow } from '../../../src/shared/domain';
import type { Result } from '../../../src/shared/errors';
import { SAMPLE_PROFILES } from '../../../src/sandbox/sample-profiles';
import { filesOutsideSandbox } from '../../support/data-folder-files';
import { startTestSimulator } from '../../support/test-simulator';
import { tempDir, throwingStore } from '../support/core-harness';

const realSim = await startTestSimulator();

interface World {
  dataDir: string;
  realService: string;
  sandboxService: string;
  realStore: SecretStore;
  sandboxStore: SecretStore;
  host: CoreHost;
}

const hosts: CoreHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
});

function startHost(world: Omit<World, 'host'>): CoreHost {
  const host = createCoreHost({
    core: { dataDir: world.dataDir, appVersion: 'test', secrets: world.realStore },
    keychainService: world.sandboxService,
  });
  hosts.push(host);
  return host;
}

function newWorld(): World {
  const id = crypto.randomUUID().slice(0, 8);
  const realService = `Keyflare Test Real ${id}`;
  const sandboxService = `Keyflare Test Sandbox ${id}`;
  const base = {
    dataDir: tempDir('keyflare-sandbox-'),
    realService,
    sandboxService,
    realStore: createKeytarStore({ service: realService }),
    sandboxStore: createKeytarStore({ service: sandboxService }),
  };
  return { ...base, host: startHost(base) };
}

async function ok<T>(
  host: { dispatch: CoreHost['dispatch'] },
  channel: string,
  input: unknown = {},
): Promise<T> {
  const result = (await host.dispatch(channel, input)) as Result<T>;
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** A world with one real profile (against the loopback simulator), synced. */
async function worldWithRealProfile(): Promise<World & { real: Profile }> {
  const world = newWorld();
  const real = await ok<Profile>(world.host, 'profiles.add', {
    label: 'My real login',
    baseUrl: realSim.baseUrl,
    credential: { kind: 'api_token', token: realSim.credential('alice-manager').secret },
  });
  await ok(world.host, 'sync.start', {});
  return { ...world, real };
}

describe('entering and leaving the sandbox', () => {
  it('shows the sample logins from the sandbox, and the real profiles again after leaving', async () => {
    const world = await worldWithRealProfile();
    const realEntries = await world.realStore.list('');
    const realFiles = filesOutsideSandbox(world.dataDir);

    expect(await ok(world.host, 'sandbox.status')).toEqual({ active: false, address: null });
    const entered = await ok(world.host, 'sandbox.enter');
    expect(entered).toEqual({ active: true, address: 'https://sandbox.keyflare.invalid/client/v4' });

    const sandboxProfiles = await ok<Profile[]>(world.host, 'profiles.list');
    expect(sandboxProfiles.map((p) => p.label).sort()).toEqual(SAMPLE_PROFILES.map((p) => p.label).sort());
    expect(sandboxProfiles.every((p) => p.baseUrl === 'https://sandbox.keyflare.invalid/client/v4')).toBe(
      true,
    );
    const rows = await ok<TokenRow[]>(world.host, 'tokens.list', {});
    expect(rows.length).toBeGreaterThan(5);
    // The sample credentials live under the sandbox's service, none under the real one.
    expect(await world.sandboxStore.list('profile:')).toHaveLength(SAMPLE_PROFILES.length);
    expect(await world.realStore.list('')).toEqual(realEntries);
    expect(fs.existsSync(path.join(world.host.sandboxDir, SANDBOX_MARKER))).toBe(true);

    expect(await ok(world.host, 'sandbox.leave')).toEqual({ active: false, address: null });
    expect(fs.existsSync(world.host.sandboxDir)).toBe(false);
    expect(await world.sandboxStore.list('')).toEqual([]);
    const back = await ok<Profile[]>(world.host, 'profiles.list');
    expect(back).toEqual([expect.objectContaining({ id: world.real.id, label: 'My real login' })]);
    expect(await world.realStore.list('')).toEqual(realEntries);
    expect(filesOutsideSandbox(world.dataDir)).toEqual(realFiles);
  });

  it('creates from a template, verifies, rolls, disables and deletes in the sandbox as with a real login', async () => {
    const world = newWorld();
    await ok(world.host, 'sandbox.enter');
    const [alice] = await ok<Profile[]>(world.host, 'profiles.list');
    const profileId = (alice as Profile).id;
    const templates = await ok<Array<{ id: string; available: boolean; draft: unknown }>>(
      world.host,
      'templates.list',
      { profileId, owner: { kind: 'user' } },
    );
    const template = templates.find((t) => t.id === 'read-all-resources' && t.available) ?? templates[0];
    const created = await ok<{ secret: string; token: TokenRow }>(world.host, 'tokens.create', {
      profileId,
      owner: { kind: 'user' },
      draft: { ...(template?.draft as object), name: 'Sandbox try-out' },
      keepSecret: true,
    });
    expect(created.secret).toMatch(/^cfut_/u);
    const tokenId = created.token.id;
    expect(await ok(world.host, 'tokens.verify', { profileId, tokenId })).toMatchObject({
      outcome: 'active',
    });
    const rolled = await ok<{ secret: string }>(world.host, 'tokens.roll', {
      profileId,
      tokenId,
      keepSecret: true,
    });
    expect(rolled.secret).not.toBe(created.secret);
    expect(await ok(world.host, 'tokens.verify', { profileId, tokenId })).toMatchObject({
      outcome: 'active',
    });
    await ok(world.host, 'tokens.setStatus', { profileId, tokenId, status: 'disabled' });
    await ok(world.host, 'tokens.delete', { profileId, tokenId });
    const rows = await ok<TokenRow[]>(world.host, 'tokens.list', {});
    expect(rows.some((row) => row.id === tokenId)).toBe(false);
    // The kept secret went to the sandbox's keychain service, and leaves with it.
    await ok(world.host, 'sandbox.leave');
    expect(await world.sandboxStore.list('')).toEqual([]);
  });

  it('refuses a credential from the window: the sandbox holds sample logins only', async () => {
    const world = newWorld();
    await ok(world.host, 'sandbox.enter');
    const credential = { kind: 'api_token', token: realSim.credential('alice-manager').secret };
    for (const [channel, input] of [
      ['profiles.add', { label: 'Mine', baseUrl: realSim.baseUrl, credential }],
      ['keychain.reattach', { profileId: crypto.randomUUID(), label: 'Mine' }],
    ] as const) {
      expect(await world.host.dispatch(channel, input)).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: expect.stringContaining('sample logins only') },
      });
    }
    expect(await world.sandboxStore.list('profile:')).toHaveLength(SAMPLE_PROFILES.length);
  });

  it('never reaches an address outside the sandbox, whatever a profile names', async () => {
    const world = newWorld();
    await ok(world.host, 'sandbox.enter');
    // Past the window's refusal, straight to the sandbox core: its fetch refuses the address.
    const result = await world.host.active().dispatch('profiles.add', {
      label: 'Real Cloudflare',
      baseUrl: 'https://api.cloudflare.com/client/v4',
      credential: { kind: 'api_token', token: realSim.credential('alice-manager').secret },
    });
    expect(result.ok).toBe(false);
    expect(await world.sandboxStore.list('profile:')).toHaveLength(SAMPLE_PROFILES.length);
  });

  it('answers the sandbox channels from the sandbox core too, and a second enter changes nothing', async () => {
    const world = newWorld();
    await Promise.all([ok(world.host, 'sandbox.enter'), ok(world.host, 'sandbox.enter')]);
    expect(await world.sandboxStore.list('profile:')).toHaveLength(SAMPLE_PROFILES.length);
    expect(world.host.active()).not.toBe(world.host.real);
    expect(await ok(world.host, 'sandbox.status')).toMatchObject({ active: true });
  });

  it('a core without a host refuses to enter', async () => {
    const core = createCore({
      dataDir: tempDir(),
      appVersion: 'test',
      secrets: createKeytarStore({ service: 'unused' }),
    });
    const result = await core.dispatch('sandbox.enter', {});
    core.close();
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('what the real core does while the sandbox shows', () => {
  it('its events wait: the window hears only the core it shows', async () => {
    const events: string[] = [];
    const dataDir = tempDir('keyflare-sandbox-events-');
    const id = crypto.randomUUID().slice(0, 8);
    const host = createCoreHost({
      core: {
        dataDir,
        appVersion: 'test',
        secrets: createKeytarStore({ service: `Keyflare Test Real ${id}` }),
        emit: (event) => events.push(event),
      },
      keychainService: `Keyflare Test Sandbox ${id}`,
    });
    hosts.push(host);
    await ok(host, 'profiles.add', {
      label: 'My real login',
      baseUrl: realSim.baseUrl,
      credential: { kind: 'api_token', token: realSim.credential('alice-manager').secret },
    });
    await ok(host, 'sandbox.enter');
    events.length = 0;
    // A sync of the real profiles (the tray's, the schedule's) while the sandbox shows.
    await ok(host.real, 'sync.start', {});
    expect(events).toEqual([]);
    await ok(host, 'sync.start', {});
    expect(events).toContain('sync.finished');
    await ok(host, 'sandbox.leave');
    events.length = 0;
    await ok(host, 'sync.start', {});
    expect(events).toContain('sync.finished');
  });
});

describe('quitting inside the sandbox', () => {
  it('clears a real secret copied before entering, and leaves the sandbox', async () => {
    let clipboard = '';
    const id = crypto.randomUUID().slice(0, 8);
    const sandboxStore = createKeytarStore({ service: `Keyflare Test Sandbox ${id}` });
    const host = createCoreHost({
      core: {
        dataDir: tempDir('keyflare-sandbox-quit-'),
        appVersion: 'test',
        secrets: createKeytarStore({ service: `Keyflare Test Real ${id}` }),
        clipboard: {
          write: (text) => {
            clipboard = text;
            return Promise.resolve();
          },
          read: () => Promise.resolve(clipboard),
          clear: () => {
            clipboard = '';
            return Promise.resolve();
          },
        },
      },
      keychainService: `Keyflare Test Sandbox ${id}`,
    });
    hosts.push(host);
    const real = await ok<Profile>(host, 'profiles.add', {
      label: 'My real login',
      baseUrl: realSim.baseUrl,
      credential: { kind: 'api_token', token: realSim.credential('alice-manager').secret },
    });
    await ok(host, 'sync.start', {});
    const [row] = await ok<TokenRow[]>(host, 'tokens.list', { profileId: real.id });
    await ok(host, 'clipboard.copy', { profileId: real.id, tokenId: row?.id, format: 'curl_env' });
    expect(clipboard).toContain(realSim.baseUrl);
    await ok(host, 'sandbox.enter');

    await host.beforeQuit();

    expect(clipboard).toBe('');
    expect(await ok(host, 'sandbox.status')).toEqual({ active: false, address: null });
    expect(fs.existsSync(host.sandboxDir)).toBe(false);
    expect(await sandboxStore.list('')).toEqual([]);
  });
});

describe('a keychain that refuses', () => {
  it('keeps the window on the real profiles with the keychain’s error, and the sandbox is removed later', async () => {
    const dataDir = tempDir('keyflare-sandbox-nokeychain-');
    const host = createCoreHost({
      core: { dataDir, appVersion: 'test', secrets: throwingStore() },
      secretsFor: () => throwingStore(),
    });
    hosts.push(host);
    const result = await host.dispatch('sandbox.enter', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE' } });
    expect(await ok(host, 'sandbox.status')).toEqual({ active: false, address: null });
    expect(host.active()).toBe(host.real);
    // Its folder stays as the marker: the next start (or enter) removes it once the keychain answers.
    expect(fs.existsSync(path.join(host.sandboxDir, SANDBOX_MARKER))).toBe(true);
  });
});

describe('a crash inside the sandbox', () => {
  it('is cleaned up at the next start, and the real profiles stay', async () => {
    const world = await worldWithRealProfile();
    const realEntries = await world.realStore.list('');
    await ok(world.host, 'sandbox.enter');
    expect(await world.sandboxStore.list('profile:')).toHaveLength(SAMPLE_PROFILES.length);
    // The process dies: the cores close without leaving (what a crash leaves on disk).
    world.host.active().close();
    world.host.real.close();
    hosts.splice(hosts.indexOf(world.host), 1);

    const next = startHost(world);
    await next.swept;
    expect(fs.existsSync(next.sandboxDir)).toBe(false);
    expect(await world.sandboxStore.list('')).toEqual([]);
    expect(await world.realStore.list('')).toEqual(realEntries);
    expect(await ok(next, 'sandbox.status')).toEqual({ active: false, address: null });
    expect(await ok<Profile[]>(next, 'profiles.list')).toEqual([
      expect.objectContaining({ id: world.real.id }),
    ]);
  });
});
