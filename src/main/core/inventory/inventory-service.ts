/**
 * Offline reads: accounts, zones, permission groups, tokens, token detail and history — answered
 * from the cache alone (no network, no keychain), so the inventory stays usable when Cloudflare
 * or the keychain is not.
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
  VerifyResult,
  Zone,
} from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { tokenWarnings } from '../../../shared/insights';
import { createBuildContext } from '../../../shared/policy/build-context';
import { editDraft } from '../../../shared/policy/edit-draft';
import type { CoreContext } from '../context';
import { findProfile, listProfiles } from '../db/profile-repository';
import { policiesForWarnings, type DecodedToken, type ListFacts } from './decoded-token';
import { listHistory } from './history-query';
import { tokenPermissions } from './token-permissions';

interface TokenRecord {
  id: string;
  kind: 'user' | 'account';
  account_id: string | null;
  name: string;
  status: TokenRow['status'];
  issued_on: string | null;
  modified_on: string | null;
  last_used_on: string | null;
  not_before: string | null;
  expires_on: string | null;
  list_facts: string;
  account_name: string | null;
  secret_kept: number;
  v_outcome: VerifyResult['outcome'] | null;
  v_checked_at: string | null;
  v_expires_on: string | null;
  v_not_before: string | null;
  v_message: string | null;
}

export interface InventoryService {
  accounts(profileId?: string): Account[];
  zones(profileId?: string, accountId?: string): Zone[];
  permissionGroups(profileId: string, owner: TokenOwner): PermissionGroup[];
  tokens(profileId?: string): TokenRow[];
  token(profileId: string, tokenId: string): TokenDetail;
  history(query: { profileId?: string; tokenId?: string; limit?: number }): HistoryEntry[];
}

function profileOrThrow(ctx: CoreContext, profileId: string): Profile {
  const profile = findProfile(ctx.db(), profileId);
  if (!profile) throw new AppError('NOT_FOUND', 'This profile no longer exists.', { profileId });
  return profile;
}

function profilesFor(ctx: CoreContext, profileId: string | undefined): Profile[] {
  return profileId ? [profileOrThrow(ctx, profileId)] : listProfiles(ctx.db());
}

const tokenSelect = (extra = ''): string => `
  SELECT ${extra} t.id, t.kind, t.account_id, t.name, t.status, t.issued_on, t.modified_on, t.last_used_on, t.not_before,
         t.expires_on, t.list_facts, t.secret_kept, a.name AS account_name,
         v.outcome AS v_outcome, v.checked_at AS v_checked_at, v.expires_on AS v_expires_on,
         v.not_before AS v_not_before, v.message AS v_message
  FROM tokens t
  LEFT JOIN verify_results v ON v.profile_id = t.profile_id AND v.token_id = t.id
  LEFT JOIN accounts a ON a.profile_id = t.profile_id AND a.id = t.account_id
  WHERE t.profile_id = ?`;
const TOKEN_SELECT = tokenSelect();
const TOKEN_DETAIL_SELECT = tokenSelect('t.decoded, t.raw,');

function toRow(profile: Profile, record: TokenRecord, now: Date): TokenRow {
  const facts = JSON.parse(record.list_facts) as ListFacts;
  const lastVerify: VerifyResult | null =
    record.v_outcome && record.v_checked_at
      ? {
          outcome: record.v_outcome,
          checkedAt: record.v_checked_at,
          expiresOn: record.v_expires_on,
          notBefore: record.v_not_before,
          message: record.v_message ?? '',
        }
      : null;
  const row: TokenRow = {
    key: `${profile.id}:${record.id}`,
    profileId: profile.id,
    profileLabel: profile.label,
    id: record.id,
    name: record.name,
    kind: record.kind,
    accountId: record.account_id,
    accountName: record.account_name,
    status: record.status,
    issuedOn: record.issued_on,
    modifiedOn: record.modified_on,
    lastUsedOn: record.last_used_on,
    notBefore: record.not_before,
    expiresOn: record.expires_on,
    ...facts.summary,
    secretKept: record.secret_kept === 1,
    isCredential: profile.credentialTokenId === record.id,
    lastVerify,
    warnings: tokenWarnings(
      {
        status: record.status,
        expiresOn: record.expires_on,
        notBefore: record.not_before,
        lastUsedOn: record.last_used_on,
        issuedOn: record.issued_on,
        policies: policiesForWarnings(facts),
        requestIp: facts.requestIp,
      },
      now,
    ),
  };
  return row;
}

export function createInventoryService(ctx: CoreContext): InventoryService {
  /**
   * Edit's draft, read from the cached token exactly as Cloudflare sent it. The names (accounts,
   * zones, groups the profile last synced) only word the reasons a part cannot be edited.
   */
  const editOf = (profile: Profile, record: TokenRecord & { raw: string }): TokenEdit => {
    const owner: TokenOwner =
      record.kind === 'account' && record.account_id !== null
        ? { kind: 'account', accountId: record.account_id }
        : { kind: 'user' };
    const names = createBuildContext({
      owner,
      userId: profile.userId,
      groups: service.permissionGroups(profile.id, owner),
      accounts: service.accounts(profile.id),
      zones: service.zones(profile.id),
      userLabel: profile.email ?? profile.label,
      now: ctx.clock.now(),
    });
    return editDraft(JSON.parse(record.raw) as CfToken, names);
  };

  const service: InventoryService = {
    accounts(profileId) {
      const rows: Account[] = [];
      for (const profile of profilesFor(ctx, profileId)) {
        const records = ctx
          .db()
          .prepare(
            'SELECT id, name, type, tokens_access FROM accounts WHERE profile_id = ? ORDER BY position',
          )
          .all(profile.id) as {
          id: string;
          name: string;
          type: string | null;
          tokens_access: Account['tokensAccess'];
        }[];
        for (const r of records)
          rows.push({
            profileId: profile.id,
            id: r.id,
            name: r.name,
            type: r.type,
            tokensAccess: r.tokens_access,
          });
      }
      return rows;
    },

    zones(profileId, accountId) {
      const rows: Zone[] = [];
      for (const profile of profilesFor(ctx, profileId)) {
        const records = ctx
          .db()
          .prepare(
            `SELECT id, name, account_id, account_name, status FROM zones
             WHERE profile_id = ? AND (? IS NULL OR account_id = ?) ORDER BY name, id`,
          )
          .all(profile.id, accountId ?? null, accountId ?? null) as {
          id: string;
          name: string;
          account_id: string | null;
          account_name: string | null;
          status: string | null;
        }[];
        for (const r of records) {
          rows.push({
            profileId: profile.id,
            id: r.id,
            name: r.name,
            accountId: r.account_id,
            accountName: r.account_name,
            status: r.status,
          });
        }
      }
      return rows;
    },

    permissionGroups(profileId, owner) {
      profileOrThrow(ctx, profileId);
      const records = ctx
        .db()
        .prepare(
          'SELECT id, name, scope, source, account_id FROM permission_groups WHERE profile_id = ? AND source = ? AND account_id = ? ORDER BY name, scope',
        )
        .all(profileId, owner.kind, owner.kind === 'account' ? owner.accountId : '') as {
        id: string;
        name: string;
        scope: string;
        source: 'user' | 'account';
        account_id: string;
      }[];
      return records.map((r) => ({
        id: r.id,
        name: r.name,
        scope: r.scope,
        source: r.source,
        accountId: r.account_id || null,
      }));
    },

    tokens(profileId) {
      const now = ctx.clock.now();
      const rows: TokenRow[] = [];
      for (const profile of profilesFor(ctx, profileId)) {
        const records = ctx
          .db()
          .prepare(`${TOKEN_SELECT} ORDER BY t.position`)
          .all(profile.id) as TokenRecord[];
        for (const record of records) rows.push(toRow(profile, record, now));
      }
      return rows;
    },

    token(profileId, tokenId) {
      const profile = profileOrThrow(ctx, profileId);
      const record = ctx.db().prepare(`${TOKEN_DETAIL_SELECT} AND t.id = ?`).get(profileId, tokenId) as
        (TokenRecord & { decoded: string; raw: string }) | undefined;
      if (!record)
        throw new AppError(
          'NOT_FOUND',
          'Keyflare does not know this token; sync the profile to refresh the list.',
          { profileId, tokenId },
        );
      const row = toRow(profile, record, ctx.clock.now());
      const decoded = JSON.parse(record.decoded) as DecodedToken;
      return {
        ...row,
        policies: decoded.policies,
        requestIp: decoded.requestIp,
        history: listHistory(ctx.db(), { profileId, tokenId, limit: 200 }),
        allowed: tokenPermissions(profile, row),
        edit: editOf(profile, record),
      };
    },

    history(query) {
      if (query.profileId) profileOrThrow(ctx, query.profileId);
      return listHistory(ctx.db(), query);
    },
  };
  return service;
}
