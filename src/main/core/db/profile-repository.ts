/**
 * Profiles in the profile store: label, credential kind and facts, base URL, capabilities — never
 * a secret. The time of the last snapshot comes from the cache (a rebuilt cache has none).
 */
import type { Capabilities, CredentialKind, Profile } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { type Message, msg } from '../../../shared/i18n/message';
import type { Db } from './sqlite-file';

interface ProfileRecord {
  id: string;
  label: string;
  credential_kind: CredentialKind;
  email: string | null;
  user_id: string | null;
  owner_account_id: string | null;
  credential_token_id: string | null;
  base_url: string;
  capabilities: string;
  created_at: string;
  last_sync_at: string | null;
  last_outcome: Profile['lastSyncOutcome'];
}

/** What a verified credential tells about the login (stored with the profile). */
export interface CredentialFacts {
  credentialKind: CredentialKind;
  email: string | null;
  userId: string | null;
  ownerAccountId: string | null;
  credentialTokenId: string | null;
  capabilities: Capabilities;
}

export interface NewProfile extends CredentialFacts {
  id: string;
  label: string;
  baseUrl: string;
  createdAt: string;
}

const SELECT = `
  SELECT p.*, s.synced_at AS last_sync_at,
    (SELECT outcome FROM sync_runs r WHERE r.profile_id = p.id ORDER BY r.id DESC LIMIT 1) AS last_outcome
  FROM profiles p LEFT JOIN snapshots s ON s.profile_id = p.id`;

/**
 * Capabilities stored before their notes were messages hold English sentences: the notes are
 * worded again from the stored flags (the next sync records them anew, from the token's policies).
 */
function withMessageNotes(capabilities: Capabilities, kind: CredentialKind): Capabilities {
  if (capabilities.notes.every((note) => typeof note === 'object')) return capabilities;
  const notes: Message[] = [];
  if (kind === 'account_token') {
    if (!capabilities.readUser) notes.push(msg('capabilities.note.accountTokenNoUserDetails'));
    notes.push(msg('capabilities.note.accountTokenNoUserTokens'));
  } else if (kind === 'user_token') {
    if (!capabilities.readUser) notes.push(msg('capabilities.note.noUserDetails'));
    if (!capabilities.listUserTokens) notes.push(msg('capabilities.note.cannotListUserTokens'));
    else if (!capabilities.createUserTokens) notes.push(msg('capabilities.note.cannotWriteUserTokens'));
  }
  for (const account of capabilities.accounts) {
    if (!account.listTokens)
      notes.push(msg('capabilities.note.cannotListAccountTokens', { account: account.accountName }));
    else if (!account.createTokens)
      notes.push(msg('capabilities.note.cannotCreateAccountTokens', { account: account.accountName }));
  }
  return { ...capabilities, notes };
}

function toProfile(row: ProfileRecord): Profile {
  return {
    id: row.id,
    label: row.label,
    credentialKind: row.credential_kind,
    email: row.email,
    userId: row.user_id,
    ownerAccountId: row.owner_account_id,
    credentialTokenId: row.credential_token_id,
    baseUrl: row.base_url,
    // Written by insertProfile and the sync from a checked Capabilities; read back without zod, so
    // a read of the cache does not load the schemas (the window's replies are checked whole).
    capabilities: withMessageNotes(JSON.parse(row.capabilities) as Capabilities, row.credential_kind),
    createdAt: row.created_at,
    lastSyncAt: row.last_sync_at,
    lastSyncOutcome: row.last_outcome ?? null,
  };
}

export function listProfiles(db: Db): Profile[] {
  return (db.prepare(`${SELECT} ORDER BY p.created_at, p.id`).all() as ProfileRecord[]).map(toProfile);
}

export function findProfile(db: Db, id: string): Profile | null {
  const row = db.prepare(`${SELECT} WHERE p.id = ?`).get(id) as ProfileRecord | undefined;
  return row ? toProfile(row) : null;
}

/** The profile, or NOT_FOUND in the one sentence every channel uses for a profile that is gone. */
export function requireProfile(db: Db, id: string): Profile {
  const profile = findProfile(db, id);
  if (!profile) throw new AppError('NOT_FOUND', msg('errors.profiles.gone'), { profileId: id });
  return profile;
}

/** The ids of every profile (cheaper than listProfiles when only the ids matter). */
export function listProfileIds(db: Db): Set<string> {
  return new Set(db.prepare('SELECT id FROM profiles').pluck().all() as string[]);
}

/** A base URL in one spelling (scheme and host in lower case, no trailing slash), for comparisons. */
function canonicalBaseUrl(baseUrl: string): string {
  try {
    return new URL(baseUrl).href.replace(/\/+$/u, '');
  } catch {
    return baseUrl.replace(/\/+$/u, '');
  }
}

/**
 * The profile that already signs in with this very credential at this API address, if any.
 *
 * Two API tokens are the same credential when Cloudflare's verify reports the same token id
 * (user and account-owned alike); two Global API Keys when they belong to the same email, since a
 * login has one Global API Key and a regenerated key is still that login's key. Only the ids and
 * emails recorded in the profiles table are compared, never a secret. A different token of the
 * same login is a different credential: see profile-service.ts for why that stays allowed.
 */
export function findProfileWithCredential(
  db: Db,
  baseUrl: string,
  facts: Pick<CredentialFacts, 'credentialKind' | 'credentialTokenId' | 'email'>,
  exceptProfileId: string | null = null,
): Profile | null {
  const address = canonicalBaseUrl(baseUrl);
  const sameCredential = (profile: Profile): boolean => {
    if (facts.credentialKind === 'global_key') {
      return (
        profile.credentialKind === 'global_key' &&
        facts.email !== null &&
        profile.email?.toLowerCase() === facts.email.toLowerCase()
      );
    }
    return (
      profile.credentialKind !== 'global_key' &&
      facts.credentialTokenId !== null &&
      profile.credentialTokenId === facts.credentialTokenId
    );
  };
  return (
    listProfiles(db).find(
      (profile) =>
        profile.id !== exceptProfileId &&
        canonicalBaseUrl(profile.baseUrl) === address &&
        sameCredential(profile),
    ) ?? null
  );
}

/** Cache tables keyed by profile: they live in another file, so no foreign key cascades into them. */
const CACHE_TABLES = ['snapshots', 'accounts', 'zones', 'permission_groups', 'tokens'] as const;

export function insertProfile(db: Db, profile: NewProfile): void {
  db.prepare(
    `INSERT INTO profiles (id, label, credential_kind, email, user_id, owner_account_id, credential_token_id, base_url, capabilities, created_at)
     VALUES (@id, @label, @credentialKind, @email, @userId, @ownerAccountId, @credentialTokenId, @baseUrl, @capabilities, @createdAt)`,
  ).run({ ...profile, capabilities: JSON.stringify(profile.capabilities) });
}

export function renameProfile(db: Db, id: string, label: string): void {
  db.prepare('UPDATE profiles SET label = ? WHERE id = ?').run(label, id);
}

export function updateCredentialFacts(db: Db, id: string, facts: CredentialFacts): void {
  db.prepare(
    `UPDATE profiles SET credential_kind = @credentialKind, email = @email, user_id = @userId,
       owner_account_id = @ownerAccountId, credential_token_id = @credentialTokenId, capabilities = @capabilities
     WHERE id = @id`,
  ).run({ ...facts, id, capabilities: JSON.stringify(facts.capabilities) });
}

/** What a sync learned about the login: its capabilities, and its email and user id when readable. */
export function updateSyncedFacts(
  db: Db,
  id: string,
  facts: { capabilities: Capabilities; email: string | null; userId: string | null },
): void {
  db.prepare(
    `UPDATE profiles SET capabilities = ?, email = COALESCE(?, email), user_id = COALESCE(?, user_id) WHERE id = ?`,
  ).run(JSON.stringify(facts.capabilities), facts.email, facts.userId, id);
}

/**
 * Deletes the profile and every row that belongs to it, in both files (inside the caller's
 * transaction): the store's rows by ON DELETE CASCADE, the cache's explicitly.
 */
export function deleteProfile(db: Db, id: string): void {
  for (const table of CACHE_TABLES) db.prepare(`DELETE FROM ${table} WHERE profile_id = ?`).run(id);
  db.prepare('DELETE FROM profiles WHERE id = ?').run(id);
}
