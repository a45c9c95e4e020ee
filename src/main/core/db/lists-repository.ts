/**
 * A snapshot's lists in the cache: the accounts, zones and permission groups a profile sees.
 *
 * A sync rewrites them (inside the snapshot's transaction, and only when they changed); the
 * inventory, the policy builder and the decoded words read them. Permission groups are stored one
 * row per scope, because Cloudflare lists the same group under several scopes.
 */
import type { Account, PermissionGroup, TokenOwner, Zone } from '../../../shared/domain';
import type { NameSources } from './decoded-columns';
import type { Db } from './sqlite-file';

export interface SnapshotAccount {
  id: string;
  name: string;
  type: string | null;
  tokensAccess: Account['tokensAccess'];
}

export interface SnapshotZone {
  id: string;
  name: string;
  accountId: string | null;
  accountName: string | null;
  status: string | null;
}

export interface SnapshotPermissionGroup {
  source: 'user' | 'account';
  accountId: string | null;
  id: string;
  name: string;
  scopes: string[];
}

/** What a sync writes here. */
export interface SnapshotLists {
  accounts: SnapshotAccount[];
  zones: SnapshotZone[];
  permissionGroups: SnapshotPermissionGroup[];
}

const LIST_TABLES = ['zones', 'accounts', 'permission_groups'] as const;

/** The profile's accounts in the order Cloudflare listed them. */
export function listAccounts(db: Db, profileId: string): Account[] {
  const records = db
    .prepare('SELECT id, name, type, tokens_access FROM accounts WHERE profile_id = ? ORDER BY position')
    .all(profileId) as {
    id: string;
    name: string;
    type: string | null;
    tokens_access: Account['tokensAccess'];
  }[];
  return records.map((r) => ({
    profileId,
    id: r.id,
    name: r.name,
    type: r.type,
    tokensAccess: r.tokens_access,
  }));
}

/** The ids of the profile's accounts, in list order (a sync starts their lists at once). */
export function listAccountIds(db: Db, profileId: string): string[] {
  return db
    .prepare('SELECT id FROM accounts WHERE profile_id = ? ORDER BY position')
    .pluck()
    .all(profileId) as string[];
}

/** The profile's zones by name, optionally of one account. */
export function listZones(db: Db, profileId: string, accountId?: string): Zone[] {
  const records = db
    .prepare(
      `SELECT id, name, account_id, account_name, status FROM zones
       WHERE profile_id = ? AND (? IS NULL OR account_id = ?) ORDER BY name, id`,
    )
    .all(profileId, accountId ?? null, accountId ?? null) as {
    id: string;
    name: string;
    account_id: string | null;
    account_name: string | null;
    status: string | null;
  }[];
  return records.map((r) => ({
    profileId,
    id: r.id,
    name: r.name,
    accountId: r.account_id,
    accountName: r.account_name,
    status: r.status,
  }));
}

/** The permission groups usable in tokens of this owner: the user list, or the account's own. */
export function listPermissionGroups(db: Db, profileId: string, owner: TokenOwner): PermissionGroup[] {
  const records = db
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
}

/** The names the profile's cached words were decoded with, read back from the cache. */
export function readNameSources(db: Db, profileId: string): NameSources {
  const email = db.prepare('SELECT email FROM profiles WHERE id = ?').pluck().get(profileId) as
    string | null | undefined;
  const accounts = db.prepare('SELECT id, name FROM accounts WHERE profile_id = ?').all(profileId) as {
    id: string;
    name: string;
  }[];
  const zones = (
    db.prepare('SELECT id, name, account_id FROM zones WHERE profile_id = ?').all(profileId) as {
      id: string;
      name: string;
      account_id: string | null;
    }[]
  ).map((z) => ({ id: z.id, name: z.name, accountId: z.account_id }));
  const byGroup = new Map<
    string,
    { source: 'user' | 'account'; id: string; name: string; scopes: string[] }
  >();
  for (const g of db
    .prepare('SELECT source, id, name, scope FROM permission_groups WHERE profile_id = ?')
    .all(profileId) as {
    source: 'user' | 'account';
    id: string;
    name: string;
    scope: string;
  }[]) {
    const key = `${g.source}:${g.id}`;
    const existing = byGroup.get(key);
    if (existing) {
      if (!existing.scopes.includes(g.scope)) existing.scopes.push(g.scope);
    } else byGroup.set(key, { source: g.source, id: g.id, name: g.name, scopes: [g.scope] });
  }
  return { accounts, zones, permissionGroups: [...byGroup.values()], userLabel: email ?? null };
}

/** The lists as the rows writeLists would store, in a canonical text. */
function listRows(lists: SnapshotLists): string {
  const accounts = lists.accounts.map((a, i) => JSON.stringify([a.id, a.name, a.type, a.tokensAccess, i]));
  const zones = new Map(
    lists.zones.map((z) => [z.id, JSON.stringify([z.id, z.name, z.accountId, z.accountName, z.status])]),
  );
  const groups = new Map<string, string>();
  for (const g of lists.permissionGroups) {
    for (const scope of g.scopes.length > 0 ? g.scopes : ['']) {
      const key = JSON.stringify([g.source, g.accountId ?? '', g.id, scope]);
      if (!groups.has(key))
        groups.set(key, JSON.stringify([g.source, g.accountId ?? '', g.id, scope, g.name]));
    }
  }
  return [
    accounts.sort().join('\n'),
    [...zones.values()].sort().join('\n'),
    [...groups.values()].sort().join('\n'),
  ].join('\n--\n');
}

/** The stored rows in the same canonical text as listRows. */
function storedListRows(db: Db, profileId: string): string {
  const rows = (sql: string): string =>
    (db.prepare(sql).raw().all(profileId) as unknown[][])
      .map((r) => JSON.stringify(r))
      .sort()
      .join('\n');
  return [
    rows('SELECT id, name, type, tokens_access, position FROM accounts WHERE profile_id = ?'),
    rows('SELECT id, name, account_id, account_name, status FROM zones WHERE profile_id = ?'),
    rows('SELECT source, account_id, id, scope, name FROM permission_groups WHERE profile_id = ?'),
  ].join('\n--\n');
}

/**
 * Rewrites the profile's lists inside the caller's transaction, unless they are stored exactly so
 * already (a steady-state sync touches only what changed).
 */
export function replaceLists(db: Db, profileId: string, lists: SnapshotLists): void {
  if (storedListRows(db, profileId) === listRows(lists)) return;
  for (const table of LIST_TABLES) db.prepare(`DELETE FROM ${table} WHERE profile_id = ?`).run(profileId);
  const account = db.prepare(
    'INSERT INTO accounts (profile_id, id, name, type, tokens_access, position) VALUES (?, ?, ?, ?, ?, ?)',
  );
  lists.accounts.forEach((a, i) => account.run(profileId, a.id, a.name, a.type, a.tokensAccess, i));
  const zone = db.prepare(
    'INSERT OR REPLACE INTO zones (profile_id, id, name, account_id, account_name, status) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const z of lists.zones) zone.run(profileId, z.id, z.name, z.accountId, z.accountName, z.status);
  const group = db.prepare(
    'INSERT OR IGNORE INTO permission_groups (profile_id, source, account_id, id, scope, name) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const g of lists.permissionGroups) {
    for (const scope of g.scopes.length > 0 ? g.scopes : ['']) {
      group.run(profileId, g.source, g.accountId ?? '', g.id, scope, g.name);
    }
  }
}
