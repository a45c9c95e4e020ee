/**
 * Offline reads: accounts, zones, permission groups, tokens, token detail and history — answered
 * from the cache alone (no network, no keychain), so the inventory stays usable when Cloudflare
 * or the keychain is not.
 *
 * Edit's draft is passed in (`EditDraftOf`) rather than imported: it checks the draft with the
 * contract's zod schema, and the command line's offline reader loads that only when a command
 * asks for a token's detail (inventory-service.ts wires the real one for the core).
 *
 * Each read is sized to its question: a token operation that answers with a row reads a row
 * (`row`), and only the detail panel reads the decoded policies, the history and Edit's draft.
 */
import type { CfToken } from '../../../shared/cloudflare-types';
import type {
  Account,
  HistoryEntry,
  PermissionGroup,
  Profile,
  TokenDetail,
  TokenEdit,
  TokenOwner,
  TokenRow,
  Zone,
} from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { msg } from '../../../shared/i18n/message';
import { createBuildContext, type BuildContext } from '../../../shared/policy/build-context';
import type { CoreContext } from '../context';
import { listHistory, type HistoryQuery } from '../db/history-repository';
import { listAccounts, listPermissionGroups, listZones } from '../db/lists-repository';
import { listProfiles, requireProfile } from '../db/profile-repository';
import type { Db } from '../db/sqlite-file';
import type { StoredToken } from '../db/stored-token';
import { eachTokenRow, findDetailColumns, findTokenRow } from '../db/token-repository';
import { tokenPermissions } from './token-permissions';

export interface InventoryService {
  accounts(profileId?: string): Account[];
  zones(profileId?: string, accountId?: string): Zone[];
  permissionGroups(profileId: string, owner: TokenOwner): PermissionGroup[];
  tokens(profileId?: string): TokenRow[];
  /** The same rows as `tokens`, in the same order, handed to `visit` one at a time (none held). */
  eachToken(profileId: string | undefined, visit: (row: TokenRow) => void): void;
  /** One token's row, read by itself: what every token operation answers with. */
  row(profileId: string, tokenId: string): TokenRow;
  token(profileId: string, tokenId: string): TokenDetail;
  history(query: HistoryQuery): HistoryEntry[];
  /** The profile's names for tokens of this owner, as the policy code reads them (see namesFor). */
  buildContext(profile: Profile, owner: TokenOwner, now: Date): BuildContext;
}

/** The one sentence for a token the cache does not hold, wherever it is asked for. */
export function unknownToken(profileId: string, tokenId: string): AppError {
  return new AppError('NOT_FOUND', msg('errors.tokens.unknown'), { profileId, tokenId });
}

/**
 * A profile's names for tokens of one owner, as the policy code reads them: the permission groups
 * listed for that owner (user groups for user tokens, the account's own for its tokens), the
 * accounts, zones and user the profile last synced.
 */
function namesFor(db: Db, profile: Profile, owner: TokenOwner, now: Date): BuildContext {
  return createBuildContext({
    owner,
    userId: profile.userId,
    groups: listPermissionGroups(db, profile.id, owner),
    accounts: listAccounts(db, profile.id),
    zones: listZones(db, profile.id),
    userLabel: profile.email ?? profile.label,
    now,
  });
}

/** Edit's draft of a token as Cloudflare sent it, worded with the profile's names (shared/policy/edit-draft.ts). */
export type EditDraftOf = (token: CfToken, names: BuildContext) => TokenEdit;

/**
 * Edit's draft, read from the cached token exactly as Cloudflare sent it. The names (accounts,
 * zones, groups the profile last synced) only word the reasons a part cannot be edited.
 */
function editOf(db: Db, profile: Profile, stored: StoredToken, now: Date, draftOf: EditDraftOf): TokenEdit {
  const owner: TokenOwner =
    stored.kind === 'account' && stored.accountId !== null
      ? { kind: 'account', accountId: stored.accountId }
      : { kind: 'user' };
  return draftOf(stored.token, namesFor(db, profile, owner, now));
}

/** What the inventory reads need: the cache and the time (so the offline reader can build one too). */
export type InventoryContext = Pick<CoreContext, 'db' | 'clock'>;

export function createInventoryReads(ctx: InventoryContext, draftOf: EditDraftOf): InventoryService {
  const profilesFor = (profileId: string | undefined): Profile[] =>
    profileId ? [requireProfile(ctx.db(), profileId)] : listProfiles(ctx.db());
  const eachToken: InventoryService['eachToken'] = (profileId, visit) => {
    const now = ctx.clock.now();
    for (const profile of profilesFor(profileId)) eachTokenRow(ctx.db(), profile, now, visit);
  };

  return {
    accounts: (profileId) => profilesFor(profileId).flatMap((p) => listAccounts(ctx.db(), p.id)),

    zones: (profileId, accountId) =>
      profilesFor(profileId).flatMap((p) => listZones(ctx.db(), p.id, accountId)),

    permissionGroups(profileId, owner) {
      requireProfile(ctx.db(), profileId);
      return listPermissionGroups(ctx.db(), profileId, owner);
    },

    tokens(profileId) {
      const rows: TokenRow[] = [];
      eachToken(profileId, (row) => rows.push(row));
      return rows;
    },

    eachToken,

    row(profileId, tokenId) {
      const row = findTokenRow(ctx.db(), requireProfile(ctx.db(), profileId), tokenId, ctx.clock.now());
      if (!row) throw unknownToken(profileId, tokenId);
      return row;
    },

    token(profileId, tokenId) {
      const db = ctx.db();
      const profile = requireProfile(db, profileId);
      const now = ctx.clock.now();
      const found = findDetailColumns(db, profile, tokenId, now);
      if (!found) throw unknownToken(profileId, tokenId);
      const { row, stored, decoded } = found;
      return {
        ...row,
        policies: decoded.policies,
        requestIp: decoded.requestIp,
        history: listHistory(db, { profileId, tokenId }),
        allowed: tokenPermissions(profile, row),
        edit: editOf(db, profile, stored, now, draftOf),
      };
    },

    history(query) {
      if (query.profileId) requireProfile(ctx.db(), query.profileId);
      return listHistory(ctx.db(), query);
    },

    buildContext: (profile, owner, now) => namesFor(ctx.db(), profile, owner, now),
  };
}
