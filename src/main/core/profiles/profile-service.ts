/**
 * Profiles: one per Cloudflare login — add, rename, replace the credential, remove, list.
 *
 * The credential lives only in the keychain (`profile:<id>`); the cache holds the profile's
 * label, base URL and what the credential is and may do. Ordering keeps the two in step:
 * - add: verify with Cloudflare, then write the keychain, then the row. A keychain failure
 *   creates nothing; a row failure removes the keychain entry again.
 * - replace: verify first, then overwrite the keychain entry, then update the row.
 * - remove: list and delete every keychain entry of the profile (its credential and every kept
 *   `token:<id>:*` secret) first, and only then the rows. If the keychain is unavailable the
 *   removal is refused with KEYCHAIN_UNAVAILABLE: deleting the rows alone would orphan secrets
 *   in the keychain that no screen could ever show or remove again.
 *
 * One profile per credential: adding (or switching a profile to) a credential another profile
 * already uses at the same API address is refused with CONFLICT, naming that profile. The same
 * credential twice would list the same tokens twice, sync them twice and spend the one rate
 * budget Cloudflare gives each credential twice as fast. Several profiles of one login stay
 * allowed when their credentials differ (another API token, or the Global API Key next to a
 * token): each credential sees and may do different things — a read-only token next to a
 * manager, a token owned by each account — and the profile list is where a user compares them.
 */
import { randomUUID } from 'node:crypto';
import { DEFAULT_BASE_URL, type CredentialInput, type Profile } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { msg } from '../../../shared/i18n/message';
import type { CloudflareGateway } from '../cloudflare/gateway';
import type { CoreContext } from '../context';
import {
  deleteProfile,
  findProfile,
  findProfileWithCredential,
  insertProfile,
  listProfiles,
  renameProfile,
  requireProfile,
  updateCredentialFacts,
} from '../db/profile-repository';
import { decodeCredential, encodeCredential, type ProfileCredential } from '../secrets/credential';
import { profileSecretAccount, tokenSecretPrefix } from '../secrets/secret-store';
import { checkCredential, type CheckedCredential } from './credential-check';

export interface ProfileService {
  list(): Profile[];
  add(input: { label: string; credential: CredentialInput; baseUrl?: string | undefined }): Promise<Profile>;
  rename(profileId: string, label: string): Profile;
  replaceCredential(profileId: string, credential: CredentialInput): Promise<Profile>;
  remove(profileId: string): Promise<void>;
  /**
   * Makes a profile again of a credential the keychain holds under `profile:<id>` while no
   * profile row has that id (the profile store was damaged, or a crash came between the keychain
   * write and the row): verified with Cloudflare first, then inserted with the same id, so the
   * token secrets kept for it belong to it again.
   */
  reattach(input: { profileId: string; label: string; baseUrl?: string | undefined }): Promise<Profile>;
  /** The profile's credential from the keychain (for sync and token operations). */
  credential(profileId: string): Promise<ProfileCredential>;
  get(profileId: string): Profile;
}

export interface ProfileServiceDeps {
  gateway: CloudflareGateway;
  /** Called before a profile is removed or its credential replaced (stops a running sync). */
  beforeChange?: (profileId: string) => Promise<void> | void;
}

/** The stored credential as the input a user would have typed, for checking it again. */
function credentialInputOf(credential: ProfileCredential): CredentialInput {
  switch (credential.kind) {
    case 'user_token':
      return { kind: 'api_token', token: credential.token };
    case 'account_token':
      return { kind: 'api_token', token: credential.token, accountId: credential.accountId };
    case 'global_key':
      return { kind: 'global_key', email: credential.email, key: credential.key };
  }
}

/** Refuses a credential another profile already signs in with (CONFLICT, naming that profile). */
function assertNotAdded(
  ctx: CoreContext,
  baseUrl: string,
  checked: CheckedCredential,
  exceptProfileId: string | null = null,
): void {
  const existing = findProfileWithCredential(ctx.db(), baseUrl, checked.facts, exceptProfileId);
  if (existing) {
    throw new AppError('CONFLICT', msg('errors.profiles.alreadyAdded', { label: existing.label }), {
      profileId: existing.id,
    });
  }
}

export function createProfileService(ctx: CoreContext, deps: ProfileServiceDeps): ProfileService {
  const get = (profileId: string): Profile => requireProfile(ctx.db(), profileId);

  return {
    list: () => listProfiles(ctx.db()),
    get,

    async add(input) {
      // Fail early on a refused cache: nothing should reach Cloudflare or the keychain then.
      ctx.db();
      const baseUrl = input.baseUrl ?? DEFAULT_BASE_URL;
      const checked = await checkCredential(
        { gateway: deps.gateway, baseUrl, clock: ctx.clock },
        input.credential,
      );
      // Before the keychain: a refused duplicate leaves no trace anywhere.
      assertNotAdded(ctx, baseUrl, checked);
      const id = randomUUID();
      await ctx.secrets.set(profileSecretAccount(id), encodeCredential(checked.credential));
      try {
        const db = ctx.db();
        db.transaction(() => {
          // Again with the insert: another add of the same credential may have finished meanwhile.
          assertNotAdded(ctx, baseUrl, checked);
          insertProfile(db, {
            id,
            label: input.label,
            baseUrl,
            createdAt: ctx.clock.now().toISOString(),
            ...checked.facts,
          });
        })();
      } catch (error) {
        await ctx.secrets.delete(profileSecretAccount(id)).catch(() => false);
        throw error;
      }
      ctx.logger.info('profile added', {
        profileId: id,
        kind: checked.facts.credentialKind,
        accounts: checked.accounts.length,
      });
      return get(id);
    },

    rename(profileId, label) {
      get(profileId);
      renameProfile(ctx.db(), profileId, label);
      return get(profileId);
    },

    async replaceCredential(profileId, input) {
      const profile = get(profileId);
      const checked = await checkCredential(
        { gateway: deps.gateway, baseUrl: profile.baseUrl, clock: ctx.clock },
        input,
      );
      const sameLogin =
        (profile.userId === null ||
          checked.facts.userId === null ||
          profile.userId === checked.facts.userId) &&
        (profile.credentialKind !== 'account_token' ||
          checked.facts.credentialKind !== 'account_token' ||
          profile.ownerAccountId === checked.facts.ownerAccountId);
      if (!sameLogin) {
        throw new AppError(
          'CONFLICT',
          msg('errors.profiles.otherLogin', { kind: checked.facts.credentialKind }),
          { profileId },
        );
      }
      assertNotAdded(ctx, profile.baseUrl, checked, profileId);
      await deps.beforeChange?.(profileId);
      await ctx.secrets.set(profileSecretAccount(profileId), encodeCredential(checked.credential));
      updateCredentialFacts(ctx.db(), profileId, checked.facts);
      deps.gateway.endRateLimitBlock(profileId);
      deps.gateway.forget(profileId);
      ctx.logger.info('profile credential replaced', { profileId, kind: checked.facts.credentialKind });
      return get(profileId);
    },

    async remove(profileId) {
      get(profileId);
      await deps.beforeChange?.(profileId);
      // Keychain first: if it is unavailable this throws and nothing is removed anywhere.
      const kept = await ctx.secrets.list(tokenSecretPrefix(profileId));
      for (const account of kept) await ctx.secrets.delete(account);
      await ctx.secrets.delete(profileSecretAccount(profileId));
      ctx.db().transaction(() => deleteProfile(ctx.db(), profileId))();
      deps.gateway.endRateLimitBlock(profileId);
      deps.gateway.forget(profileId);
      ctx.logger.info('profile removed', { profileId, keptSecretsRemoved: kept.length });
    },

    async reattach(input) {
      const db = ctx.db();
      if (findProfile(db, input.profileId)) {
        throw new AppError('CONFLICT', msg('errors.profiles.entryTaken'), {
          profileId: input.profileId,
        });
      }
      const stored = await ctx.secrets.get(profileSecretAccount(input.profileId));
      if (stored === null) {
        throw new AppError('NOT_FOUND', msg('errors.profiles.entryGone'), {
          profileId: input.profileId,
        });
      }
      const baseUrl = input.baseUrl ?? DEFAULT_BASE_URL;
      const checked = await checkCredential(
        { gateway: deps.gateway, baseUrl, clock: ctx.clock },
        credentialInputOf(decodeCredential(stored, input.profileId)),
      );
      db.transaction(() => {
        assertNotAdded(ctx, baseUrl, checked);
        insertProfile(db, {
          id: input.profileId,
          label: input.label,
          baseUrl,
          createdAt: ctx.clock.now().toISOString(),
          ...checked.facts,
        });
      })();
      ctx.logger.info('profile re-attached from the keychain', {
        profileId: input.profileId,
        kind: checked.facts.credentialKind,
      });
      return get(input.profileId);
    },

    async credential(profileId) {
      get(profileId);
      const stored = await ctx.secrets.get(profileSecretAccount(profileId));
      if (stored === null) {
        throw new AppError('AUTH_INVALID', msg('errors.profiles.noCredential'), { profileId });
      }
      return decodeCredential(stored, profileId);
    },
  };
}
