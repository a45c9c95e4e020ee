/**
 * Two keychain stores in one process (the real profiles' service and the sandbox's) still call
 * libsecret one call at a time: they share the line of the native module they load. A store that
 * loads another module (a test's fake) has a line of its own, so a hung fake never blocks it.
 */
import { describe, expect, it } from 'vitest';
import { createKeytarStore, type KeytarLike } from '../../../src/main/core/secrets/keytar-store';
import { countingKeytar } from '../support/counting-keytar';

describe('one keychain line per native module', () => {
  it('keeps the calls of two services from overlapping', async () => {
    const { keytar, most } = countingKeytar();
    const load = (): Promise<KeytarLike> => Promise.resolve(keytar);
    const real = createKeytarStore({ service: 'Keyflare', load });
    const sandbox = createKeytarStore({ service: 'Keyflare Sandbox', load });
    await Promise.all([
      real.list('profile:'),
      sandbox.set('profile:s1', 'sample'),
      real.get('profile:p1'),
      sandbox.delete('profile:s1'),
      sandbox.list(''),
      real.set('token:p1:t1', 'secret'),
    ]);
    expect(most()).toBe(1);
  });

  it('gives a store of another module its own line: a hung call there blocks nothing here', async () => {
    const hung = createKeytarStore({
      load: () =>
        Promise.resolve({
          getPassword: () => new Promise<string | null>(() => undefined),
          setPassword: () => Promise.resolve(),
          deletePassword: () => Promise.resolve(true),
          findCredentials: () => Promise.resolve([]),
        }),
      timeoutMs: 60_000,
    });
    void hung.get('profile:p1').catch(() => undefined);
    const { keytar } = countingKeytar();
    const other = createKeytarStore({ load: () => Promise.resolve(keytar) });
    await expect(other.get('profile:p2')).resolves.toBeNull();
  });
});
