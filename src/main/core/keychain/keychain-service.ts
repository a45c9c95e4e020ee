/**
 * Keychain entries nothing refers to: listed for Settings → Keychain, forgotten only on request.
 *
 * Keyflare's entries are `profile:<profileId>` (a profile's credential) and
 * `token:<profileId>:<tokenId>` (a kept token secret). An entry becomes an orphan when the profile
 * store was damaged and moved aside, when Keyflare stopped between the keychain write and the row
 * of an add, or when a kept secret's token vanished without a sync noticing yet. Nothing here ever
 * deletes on its own: the user re-attaches a credential as a profile (profile service) or forgets
 * an entry. A token secret of a profile that has no snapshot yet is not an orphan: the first sync
 * has not told which tokens exist.
 */
import type { KeychainEntry } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { msg } from '../../../shared/i18n/message';
import type { CoreContext } from '../context';
import { listProfileIds } from '../db/profile-repository';
import { hasSnapshot } from '../db/snapshot-repository';
import { hasToken } from '../db/token-repository';
import { decodeCredential } from '../secrets/credential';
import { profileSecretAccount, tokenSecretAccount } from '../secrets/secret-store';

export interface KeychainService {
  entries(): Promise<KeychainEntry[]>;
  forget(profileId: string, tokenId: string | null): Promise<{ forgotten: boolean }>;
}

const PROFILE_ENTRY = /^profile:([0-9a-f-]{36})$/u;
const TOKEN_ENTRY = /^token:([0-9a-f-]{36}):([A-Za-z0-9_-]{1,64})$/u;

export function createKeychainService(ctx: CoreContext): KeychainService {
  /** What the stored credential is; null when the entry is damaged (it is still listed, to be forgotten). */
  const storedKind = async (account: string, profileId: string): Promise<KeychainEntry['credentialKind']> => {
    try {
      const stored = await ctx.secrets.get(account);
      return stored === null ? null : decodeCredential(stored, profileId).kind;
    } catch {
      return null;
    }
  };

  const orphans = async (): Promise<KeychainEntry[]> => {
    const db = ctx.db();
    const profiles = listProfileIds(db);
    const found: KeychainEntry[] = [];
    for (const account of await ctx.secrets.list('profile:')) {
      const profileId = PROFILE_ENTRY.exec(account)?.[1];
      if (!profileId || profiles.has(profileId)) continue;
      const credentialKind = await storedKind(account, profileId);
      found.push({ kind: 'profile', profileId, tokenId: null, reason: 'unknown_profile', credentialKind });
    }
    for (const account of await ctx.secrets.list('token:')) {
      const match = TOKEN_ENTRY.exec(account);
      const profileId = match?.[1];
      const tokenId = match?.[2];
      if (!profileId || !tokenId) continue;
      if (!profiles.has(profileId)) {
        found.push({ kind: 'token', profileId, tokenId, reason: 'unknown_profile', credentialKind: null });
      } else if (hasSnapshot(db, profileId) && !hasToken(db, profileId, tokenId)) {
        found.push({ kind: 'token', profileId, tokenId, reason: 'unknown_token', credentialKind: null });
      }
    }
    return found;
  };

  return {
    entries: orphans,

    async forget(profileId, tokenId) {
      // Only an orphan may be forgotten here: a live profile is removed through profiles.remove,
      // which also clears its cache rows, and a live kept secret through tokens.forgetSecret.
      const isOrphan = (await orphans()).some((e) => e.profileId === profileId && e.tokenId === tokenId);
      if (!isOrphan) {
        throw new AppError(
          'CONFLICT',
          tokenId === null ? msg('errors.keychain.profileEntry') : msg('errors.keychain.tokenEntry'),
          { profileId },
        );
      }
      const account =
        tokenId === null ? profileSecretAccount(profileId) : tokenSecretAccount(profileId, tokenId);
      const forgotten = await ctx.secrets.delete(account);
      ctx.logger.info('orphaned keychain entry forgotten', { kind: tokenId === null ? 'profile' : 'token' });
      return { forgotten };
    },
  };
}
