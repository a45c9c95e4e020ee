/**
 * The SecretStore contract: one suite every implementation must pass (memory and real keytar).
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { SecretStore } from '../../../src/main/core/secrets/secret-store';
import {
  profileSecretAccount,
  tokenSecretAccount,
  tokenSecretPrefix,
} from '../../../src/main/core/secrets/secret-store';

export function describeSecretStoreContract(name: string, makeStore: () => SecretStore): void {
  describe(`SecretStore contract: ${name}`, () => {
    const store = makeStore();
    // Unique ids per run so a real keychain shared with other runs never collides.
    const profileId = `test-${randomUUID()}`;
    const otherProfileId = `test-${randomUUID()}`;
    const written = new Set<string>();
    const set = async (account: string, secret: string): Promise<void> => {
      written.add(account);
      await store.set(account, secret);
    };

    afterEach(async () => {
      for (const account of written) await store.delete(account);
      written.clear();
    });

    it('reports itself available', async () => {
      await expect(store.status()).resolves.toEqual({ available: true, message: null });
    });

    it('returns what was stored, and null for an entry that does not exist', async () => {
      await set(profileSecretAccount(profileId), '{"kind":"user_token","token":"cfut_secret-value"}');
      await expect(store.get(profileSecretAccount(profileId))).resolves.toBe(
        '{"kind":"user_token","token":"cfut_secret-value"}',
      );
      await expect(store.get(profileSecretAccount(otherProfileId))).resolves.toBeNull();
    });

    it('overwrites an entry in place', async () => {
      await set(profileSecretAccount(profileId), 'first');
      await set(profileSecretAccount(profileId), 'second');
      await expect(store.get(profileSecretAccount(profileId))).resolves.toBe('second');
      await expect(store.list(profileSecretAccount(profileId))).resolves.toEqual([
        profileSecretAccount(profileId),
      ]);
    });

    it('deletes an entry and says whether there was one', async () => {
      await set(tokenSecretAccount(profileId, 'tok1'), 'secret-1');
      await expect(store.delete(tokenSecretAccount(profileId, 'tok1'))).resolves.toBe(true);
      await expect(store.get(tokenSecretAccount(profileId, 'tok1'))).resolves.toBeNull();
      await expect(store.delete(tokenSecretAccount(profileId, 'tok1'))).resolves.toBe(false);
    });

    it('lists only the entries under a prefix, never another profile’s', async () => {
      await set(tokenSecretAccount(profileId, 'a'), 'secret-a');
      await set(tokenSecretAccount(profileId, 'b'), 'secret-b');
      await set(tokenSecretAccount(otherProfileId, 'c'), 'secret-c');
      await set(profileSecretAccount(profileId), 'credential');
      const listed = await store.list(tokenSecretPrefix(profileId));
      expect([...listed].sort()).toEqual([
        tokenSecretAccount(profileId, 'a'),
        tokenSecretAccount(profileId, 'b'),
      ]);
    });

    it('keeps secrets with any characters intact', async () => {
      const secret = 'päss:wörd/"quoted"\\slash\n' + 'x'.repeat(150);
      await set(profileSecretAccount(profileId), secret);
      await expect(store.get(profileSecretAccount(profileId))).resolves.toBe(secret);
    });
  });
}
