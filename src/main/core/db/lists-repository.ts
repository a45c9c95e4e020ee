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

/** A permission group row as the table stores it: source, account id ('' for the user's), id, scope, name. */
type GroupRow = [source: string, accountId: string, id: string, scope: string, name: string];

/** A permission group row's key in the table (its primary key after the profile). */
const groupKey = (source: string, accountId: string, id: string, scope: string): string =>
  `${source}\u0000${accountId}\u0000${id}\u0000${scope}`;

/**
 * The permission group rows of `lists` by key: one per group and scope ('' for a group without
 * one), the first of a repeated key kept, as INSERT OR IGNORE keeps it.
 */
function groupRows(lists: SnapshotLists): Map<string, GroupRow> {
  const rows = new Map<string, GroupRow>();
  for (const g of lists.permissionGroups)
    for (const scope of g.scopes.length > 0 ? g.scopes : ['']) {
      const key = groupKey(g.source, g.accountId ?? '', g.id, scope);
      if (!rows.has(key)) rows.set(key, [g.source, g.accountId ?? '', g.id, scope, g.name]);
    }
  return rows;
}

type AccountRow = [id: string, name: string, type: string | null, tokensAccess: string];
type ZoneRow = [
  id: string,
  name: string,
  accountId: string | null,
  accountName: string | null,
  status: string | null,
];

/**
 * The profile's lists as the cache holds them, keyed for comparing a sync's lists with them
 * (`replaceLists`). A sync reads them while its requests travel, together with its stored tokens.
 */
export interface StoredListRows {
  accounts: AccountRow[];
  zones: Map<string, ZoneRow>;
  /** Each permission group row's name by its key (groupKey). */
  groups: Map<string, string>;
}

export function readStoredListRows(db: Db, profileId: string): StoredListRows {
  const accounts = db
    .prepare('SELECT id, name, type, tokens_access FROM accounts WHERE profile_id = ? ORDER BY position')
    .raw()
    .all(profileId) as AccountRow[];
  const zones = new Map<string, ZoneRow>();
  for (const row of db
    .prepare('SELECT id, name, account_id, account_name, status FROM zones WHERE profile_id = ?')
    .raw()
    .all(profileId) as ZoneRow[])
    zones.set(row[0], row);
  const groups = new Map<string, string>();
  for (const [source, accountId, id, scope, name] of db
    .prepare('SELECT source, account_id, id, scope, name FROM permission_groups WHERE profile_id = ?')
    .raw()
    .all(profileId) as GroupRow[])
    groups.set(groupKey(source, accountId, id, scope), name);
  return { accounts, zones, groups };
}

/**
 * Whether the stored lists hold exactly the rows `lists` would be written as: the accounts in
 * their order, the zones by id (the last of a duplicated id, as INSERT OR REPLACE keeps it), each
 * permission group once per scope (the first, as INSERT OR IGNORE keeps it). Compared by key,
 * without sorting or re-encoding either side: a steady-state sync asks this of thousands of rows.
 */
function storedListsEqual(stored: StoredListRows, lists: SnapshotLists): boolean {
  if (stored.accounts.length !== lists.accounts.length) return false;
  for (const [i, a] of lists.accounts.entries()) {
    const row = stored.accounts[i];
    if (
      !row ||
      row[0] !== a.id ||
      row[1] !== a.name ||
      row[2] !== (a.type ?? null) ||
      row[3] !== a.tokensAccess
    )
      return false;
  }

  const zones = new Map(lists.zones.map((z) => [z.id, z]));
  if (stored.zones.size !== zones.size) return false;
  for (const z of zones.values()) {
    const row = stored.zones.get(z.id);
    if (
      !row ||
      row[1] !== z.name ||
      row[2] !== (z.accountId ?? null) ||
      row[3] !== (z.accountName ?? null) ||
      row[4] !== (z.status ?? null)
    )
      return false;
  }

  const groups = groupRows(lists);
  if (stored.groups.size !== groups.size) return false;
  for (const [key, row] of groups) if (stored.groups.get(key) !== row[4]) return false;
  return true;
}

/**
 * Rewrites the profile's lists inside the caller's transaction, unless they are stored exactly so
 * already (a steady-state sync touches only what changed). `stored` is what the cache holds now,
 * when the caller has read it already.
 */
export function replaceLists(
  db: Db,
  profileId: string,
  lists: SnapshotLists,
  stored: StoredListRows = readStoredListRows(db, profileId),
): void {
  if (storedListsEqual(stored, lists)) return;
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
  for (const row of groupRows(lists).values()) group.run(profileId, ...row);
}
