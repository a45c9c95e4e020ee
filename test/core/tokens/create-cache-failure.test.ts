/**
 * A create whose cache write fails after Cloudflare made the token: the reply still carries the
 * secret (its only copy) and a row, the keychain still keeps it, and the next sync lists the token
 * as one whose secret Keyflare keeps.
 */
import { afterAll, afterEach, beforeEach, expect, it, vi } from 'vitest';
import type * as TokenRepository from '../../../src/main/core/db/token-repository';
import { tokenSecretAccount } from '../../../src/main/core/secrets/secret-store';
import { startTestSimulator } from '../../support/test-simulator';
import { closeAllCores } from '../support/core-harness';
import {
  dnsDraft,
  emptySecretStore,
  resetSimulator,
  testSecretStore,
  tokenHarness,
} from '../support/token-harness';

const cacheWrites = vi.hoisted(() => ({ fail: false }));
vi.mock('../../../src/main/core/db/token-repository', async (importOriginal) => {
  const real = await importOriginal<typeof TokenRepository>();
  return {
    ...real,
    putToken: (...args: Parameters<typeof real.putToken>): void => {
      if (cacheWrites.fail) throw new Error('SQLITE_FULL: database or disk is full');
      real.putToken(...args);
    },
  };
});

const sim = await startTestSimulator({ scenario: 'demo' });
const secrets = testSecretStore();

beforeEach(() => resetSimulator(sim));
afterEach(() => {
  cacheWrites.fail = false;
  closeAllCores();
});
afterAll(() => emptySecretStore(secrets));

it('still shows the secret and keeps it when the cache cannot take the new token', async () => {
  const h = await tokenHarness(sim, secrets);
  cacheWrites.fail = true;
  const created = await h.ok('tokens.create', {
    profileId: h.profile.id,
    owner: { kind: 'user' },
    draft: dnsDraft(sim, 'Disk full'),
    keepSecret: true,
  });
  cacheWrites.fail = false;

  expect(created.secret).toBe(sim.state.token(created.token.id)?.secret);
  expect(created).toMatchObject({
    keptInKeychain: true,
    token: { name: 'Disk full', resourcesSummary: 'zone acme.com', secretKept: true },
  });
  await expect(secrets.get(tokenSecretAccount(h.profile.id, created.token.id))).resolves.toBe(created.secret);

  await h.ok('sync.start', { profileId: h.profile.id });
  // The flag describes the keychain, which holds the secret: the sync that brings the row sets it.
  await expect(h.row(created.token.id)).resolves.toMatchObject({ name: 'Disk full', secretKept: true });
});
