/**
 * A profile row written straight into a profile store, for tests of the data files themselves
 * (no keychain, no Cloudflare): a user-token login with every capability.
 */
import crypto from 'node:crypto';
import { insertProfile, type NewProfile } from '../../../src/main/core/db/profile-repository';
import type { Db } from '../../../src/main/core/db/sqlite-file';

/** Inserts a profile labelled "Work" (overridable) created at `at`; returns its id. */
export function insertStoredProfile(db: Db, at: Date, overrides: Partial<NewProfile> = {}): string {
  const id = overrides.id ?? crypto.randomUUID();
  insertProfile(db, {
    id,
    label: 'Work',
    baseUrl: 'https://api.cloudflare.com/client/v4',
    createdAt: at.toISOString(),
    credentialKind: 'user_token',
    email: null,
    userId: null,
    ownerAccountId: null,
    credentialTokenId: null,
    capabilities: {
      readUser: true,
      listUserTokens: true,
      createUserTokens: true,
      accounts: [],
      checkedAt: at.toISOString(),
      notes: [],
    },
    ...overrides,
  });
  return id;
}
