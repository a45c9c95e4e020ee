/**
 * The keytar store: the contract against the real keychain (inside the private D-Bus session
 * with gnome-keyring that scripts/with-keyring.sh starts), and its failure paths.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createKeytarStore, type KeytarLike } from '../../../src/main/core/secrets/keytar-store';
import { countingKeytar } from '../support/counting-keytar';
import { describeSecretStoreContract } from '../support/secret-store-contract';

const inKeyringSession = Boolean(process.env['KEYFLARE_IN_KEYRING_SESSION']);

describe.runIf(inKeyringSession)('real keychain (gnome-keyring in a private D-Bus session)', () => {
  describeSecretStoreContract('keytar', () => createKeytarStore({ service: 'Keyflare-test' }));
});

/**
 * A keychain kept in a Map whose writes land only after `writeDelayMs` (an unlock prompt answered
 * late), one after the other in the order asked, as a Secret Service over D-Bus serves them.
 */
function slowKeychain(writeDelayMs: number): { keytar: KeytarLike; entries: Map<string, string> } {
  const entries = new Map<string, string>();
  const later = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
  let delay = writeDelayMs;
  let queue: Promise<void> = Promise.resolve();
  return {
    entries,
    keytar: {
      getPassword: (_service, account) => Promise.resolve(entries.get(account) ?? null),
      setPassword: (_service, account, password) => {
        const wait = delay;
        queue = queue.then(async () => {
          await later(wait);
          entries.set(account, password);
        });
        return queue;
      },
      deletePassword: (_service, account) => Promise.resolve(entries.delete(account)),
      findCredentials: () =>
        Promise.resolve([...entries].map(([account, password]) => ({ account, password }))),
      set writeDelay(ms: number) {
        delay = ms;
      },
    } as KeytarLike & { writeDelay: number },
  };
}

const settle = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('one keychain call at a time', () => {
  it('never lets a delete run while another call reads or lists (libsecret crashes on that)', async () => {
    const { keytar, most } = countingKeytar();
    const store = createKeytarStore({ load: () => Promise.resolve(keytar), timeoutMs: 5000 });
    await Promise.all([
      store.list('token:'),
      store.delete('token:p:1'),
      store.get('profile:p'),
      store.set('token:p:2', 'secret'),
      store.list('profile:'),
      store.delete('token:p:2'),
    ]);
    expect(most()).toBe(1);
  });

  it.runIf(inKeyringSession)(
    'survives deletes racing reads and lists on the real keychain',
    async () => {
      const store = createKeytarStore({ service: 'Keyflare-race-test' });
      const calls: Promise<unknown>[] = [];
      for (let i = 0; i < 60; i += 1) {
        calls.push(store.set(`token:p:${i % 6}`, `secret-${i}`));
        calls.push(store.list('token:'));
        calls.push(store.get(`token:p:${(i + 3) % 6}`));
        calls.push(store.delete(`token:p:${(i + 1) % 6}`));
      }
      await Promise.all(calls);
      for (const account of await store.list('')) await store.delete(account);
      expect(await store.list('')).toEqual([]);
    },
    60_000,
  );
});

describe('a keychain write that times out and lands later', () => {
  it('is undone: "nothing was saved" stays true once the write lands', async () => {
    const { keytar, entries } = slowKeychain(300);
    const store = createKeytarStore({ load: () => Promise.resolve(keytar), timeoutMs: 100 });
    await expect(store.set('profile:p1', 'new-secret')).rejects.toMatchObject({
      code: 'KEYCHAIN_UNAVAILABLE',
      message: expect.stringContaining('Nothing was saved'),
    });
    await settle(450);
    expect(entries.has('profile:p1')).toBe(false);
  });

  it('puts back the value the entry held before, when the late write replaced one', async () => {
    const { keytar, entries } = slowKeychain(300);
    entries.set('profile:p1', 'old-secret');
    const store = createKeytarStore({ load: () => Promise.resolve(keytar), timeoutMs: 100 });
    await expect(store.set('profile:p1', 'new-secret')).rejects.toMatchObject({
      code: 'KEYCHAIN_UNAVAILABLE',
    });
    await settle(800); // the late write, then the undo (itself a slow write)
    expect(entries.get('profile:p1')).toBe('old-secret');
  });

  it('leaves a write the user asked for afterwards alone', async () => {
    const slow = slowKeychain(300);
    // The second write queues behind the first, so it needs the time the first one still takes.
    const store = createKeytarStore({ load: () => Promise.resolve(slow.keytar), timeoutMs: 250 });
    await expect(store.set('profile:p1', 'first')).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
    (slow.keytar as KeytarLike & { writeDelay: number }).writeDelay = 0;
    await store.set('profile:p1', 'second');
    await settle(450);
    // The first write landed late; the second was asked for after it and is what the user expects.
    expect(slow.entries.get('profile:p1')).toBe('second');
  });
});

function fakeKeytar(overrides: Partial<KeytarLike> = {}): KeytarLike {
  return {
    getPassword: vi.fn(() => Promise.resolve(null)),
    setPassword: vi.fn(() => Promise.resolve()),
    deletePassword: vi.fn(() => Promise.resolve(true)),
    findCredentials: vi.fn(() => Promise.resolve([])),
    ...overrides,
  };
}

describe('keytar store failures', () => {
  it('turns a keytar that cannot load into KEYCHAIN_UNAVAILABLE with advice', async () => {
    const store = createKeytarStore({
      load: () => Promise.reject(new Error("Cannot find module 'keytar'")),
    });
    await expect(store.set('profile:p1', 'secret')).rejects.toMatchObject({
      code: 'KEYCHAIN_UNAVAILABLE',
      message: expect.stringContaining('Secret Service'),
    });
    await expect(store.status()).resolves.toMatchObject({
      available: false,
      message: { key: 'errors.keychain.unavailable' },
    });
  });

  it('retries loading on the next call (the keyring may have been started since)', async () => {
    const keytar = fakeKeytar({ getPassword: vi.fn(() => Promise.resolve('stored')) });
    const load = vi
      .fn<() => Promise<KeytarLike>>()
      .mockRejectedValueOnce(new Error('no dbus'))
      .mockResolvedValue(keytar);
    const store = createKeytarStore({ load });
    await expect(store.get('profile:p1')).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
    await expect(store.get('profile:p1')).resolves.toBe('stored');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('abandons a hung keychain call after the timeout with a clear error', async () => {
    const keytar = fakeKeytar({ setPassword: () => new Promise<void>(() => undefined) });
    const store = createKeytarStore({ load: () => Promise.resolve(keytar), timeoutMs: 150 });
    const started = Date.now();
    await expect(store.set('profile:p1', 'secret')).rejects.toMatchObject({
      code: 'KEYCHAIN_UNAVAILABLE',
      message: expect.stringMatching(/did not answer within 1 s \(write\).*Nothing was saved/u),
    });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('abandons a load that never finishes', async () => {
    const store = createKeytarStore({ load: () => new Promise<KeytarLike>(() => undefined), timeoutMs: 100 });
    await expect(store.get('profile:p1')).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
  });

  it('says "locked" when the keyring refuses because it is locked', async () => {
    const keytar = fakeKeytar({
      setPassword: () => Promise.reject(new Error('Cannot create an item in a locked collection')),
    });
    const store = createKeytarStore({ load: () => Promise.resolve(keytar) });
    await expect(store.set('profile:p1', 'secret')).rejects.toMatchObject({
      code: 'KEYCHAIN_LOCKED',
      message: expect.stringContaining('Unlock'),
    });
  });

  it('never echoes keytar’s own error text (it may quote the entry)', async () => {
    const keytar = fakeKeytar({
      getPassword: () =>
        Promise.reject(new Error('org.freedesktop.DBus.Error.ServiceUnknown: secret cfut_leakyleakyleaky')),
    });
    const store = createKeytarStore({ load: () => Promise.resolve(keytar) });
    const error = await store.get('profile:p1').then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.message).not.toContain('cfut_');
  });
});

describe('no D-Bus session', () => {
  it('reports the keychain unavailable and writes nothing anywhere else', () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'keyflare-nodbus-home-'));
    const scriptDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyflare-nodbus-script-'));
    const script = path.join(scriptDir, 'probe.mts');
    const storeModule = path.resolve('src/main/core/secrets/keytar-store.ts');
    fs.writeFileSync(
      script,
      `import { createKeytarStore } from ${JSON.stringify(storeModule)};
       const store = createKeytarStore({ timeoutMs: 4000 });
       const status = await store.status();
       const write = await store.set('profile:nodbus', 'cfut_nodbus-canary-secret-0123456789').then(() => 'stored', (e) => e.code);
       console.log(JSON.stringify({ status, write }));`,
    );
    const output = execFileSync(path.resolve('node_modules/.bin/tsx'), [script], {
      env: {
        PATH: process.env['PATH'] ?? '',
        HOME: home,
        XDG_DATA_HOME: path.join(home, 'data'),
        XDG_CONFIG_HOME: path.join(home, 'config'),
        XDG_RUNTIME_DIR: path.join(home, 'run'),
        DBUS_SESSION_BUS_ADDRESS: `unix:path=${path.join(home, 'no-such-bus')}`,
      },
      encoding: 'utf8',
      timeout: 30_000,
    });
    const result = JSON.parse(output.trim().split('\n').pop() ?? '{}') as {
      status: { available: boolean; message: { key: string } };
      write: string;
    };
    expect(result.status.available).toBe(false);
    expect(result.status.message.key).toMatch(/^errors\.keychain\./u);
    expect(result.write).toMatch(/^KEYCHAIN_(UNAVAILABLE|LOCKED)$/u);
    // Nothing may have landed on disk instead: the throwaway HOME (and XDG dirs in it) stays empty.
    expect(fs.readdirSync(home, { recursive: true })).toEqual([]);
  });
});
