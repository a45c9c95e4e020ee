/**
 * Cached tokens: a token as the cache holds it, its owner, its TokenRow and the profile's client.
 *
 * Every operation on an existing token starts here, so "Keyflare does not know this token" and
 * "this profile no longer exists" read the same everywhere.
 */
import { TokenRow, type Profile, type TokenOwner } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { CloudflareClient } from '../cloudflare/gateway';
import type { CoreContext } from '../context';
import type { SnapshotToken } from '../db/snapshot-repository';
import type { Db } from '../db/sqlite-file';
import type { TokenDeps } from './token-deps';

export interface CachedToken {
  profile: Profile;
  /** The token as Cloudflare last sent it, with its owner facts. */
  entry: SnapshotToken;
  owner: TokenOwner;
  row: TokenRow;
}

/** One cached token as Cloudflare sent it, with its owner facts; null when the cache does not hold it. */
export function findCachedToken(db: Db, profileId: string, tokenId: string): SnapshotToken | null {
  const row = db
    .prepare('SELECT kind, account_id, raw FROM tokens WHERE profile_id = ? AND id = ?')
    .get(profileId, tokenId) as
    { kind: 'user' | 'account'; account_id: string | null; raw: string } | undefined;
  if (!row) return null;
  return { kind: row.kind, accountId: row.account_id, token: JSON.parse(row.raw) as SnapshotToken['token'] };
}

/** The owner of a cached token. */
export function ownerOf(entry: Pick<SnapshotToken, 'kind' | 'accountId'>): TokenOwner {
  if (entry.kind === 'user') return { kind: 'user' };
  if (entry.accountId === null) {
    throw new AppError(
      'INTERNAL',
      'The cache holds an account-owned token without its account; sync the profile.',
    );
  }
  return { kind: 'account', accountId: entry.accountId };
}

/** The TokenRow of a cached token (the detail fields dropped). */
export function tokenRow(deps: TokenDeps, profileId: string, tokenId: string): TokenRow {
  // Parsing with the row schema drops every detail-only field (policies, history, edit, …),
  // including ones added later, so a reply never carries more than a TokenRow.
  return TokenRow.parse(deps.inventory.token(profileId, tokenId));
}

/** Loads a cached token; NOT_FOUND when the profile or the token is unknown. */
export function loadCachedToken(
  ctx: CoreContext,
  deps: TokenDeps,
  profileId: string,
  tokenId: string,
): CachedToken {
  const profile = deps.profiles.get(profileId);
  const entry = findCachedToken(ctx.db(), profileId, tokenId);
  if (!entry) {
    throw new AppError(
      'NOT_FOUND',
      'Keyflare does not know this token; sync the profile to refresh the list.',
      {
        profileId,
        tokenId,
      },
    );
  }
  return { profile, entry, owner: ownerOf(entry), row: tokenRow(deps, profileId, tokenId) };
}

/** The profile's own Cloudflare client (its credential from the keychain). */
export async function profileClient(deps: TokenDeps, profile: Profile): Promise<CloudflareClient> {
  const credential = await deps.profiles.credential(profile.id);
  return deps.gateway.forProfile(profile.id, profile.baseUrl, credential);
}
