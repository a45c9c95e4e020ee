/**
 * A profile's snapshot: accounts, zones, permission groups, tokens and their policies.
 *
 * `replaceSnapshot` swaps the whole snapshot in ONE transaction, together with the history the
 * sync derived and the profile's refreshed capabilities and sync time: either all of it lands or
 * none of it does, so a failed or cancelled sync leaves the previous snapshot exactly as it was.
 * Inside the transaction, tokens whose Cloudflare object did not change are left as they are
 * (a steady-state sync rewrites only what changed); per-token state that is not Cloudflare's
 * (secret_kept, the latest verify result) survives for tokens that still exist.
 *
 * Keyflare's own writes win over a sync that fetched before them: a token noted in the write
 * journal after the sync's mark keeps its cached row (or stays deleted), and gets no history from
 * this sync, because the fetched copy may predate the write; the next sync compares it afresh.
 * secret_kept describes the keychain, not Cloudflare, so no snapshot ever clears it: a row the
 * cache did not hold takes it from the keychain's list of kept secrets the caller passes.
 */
import type { Capabilities, HistoryKind } from '../../../shared/domain';
import type { WireToken } from '../cloudflare/wire';
import { lookupFrom, namesFingerprint, type NameSources } from '../inventory/decoded-token';
import type { Db } from './sqlite-file';
import { rawOf, tokenRowWriter } from './token-row-writer';
import { clearJournal, writtenSince } from './token-write-journal';

export type AccountTokensAccess = 'write' | 'read' | 'none' | 'unknown';

export interface SnapshotAccount {
  id: string;
  name: string;
  type: string | null;
  tokensAccess: AccountTokensAccess;
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

export interface SnapshotToken {
  kind: 'user' | 'account';
  accountId: string | null;
  token: WireToken;
  /** JSON.stringify(token), when the caller already has it. */
  raw?: string;
}

export interface ProfileSnapshot {
  accounts: SnapshotAccount[];
  zones: SnapshotZone[];
  permissionGroups: SnapshotPermissionGroup[];
  tokens: SnapshotToken[];
}

export interface NewHistoryEntry {
  tokenId: string;
  tokenName: string;
  kind: HistoryKind;
  at: string;
  source: 'sync' | 'keyflare';
  summary: string;
  before: unknown;
  after: unknown;
}

export interface SnapshotMeta {
  syncedAt: string;
  capabilities: Capabilities;
  /** Learned from /user when the credential may read it; null leaves the stored values. */
  email: string | null;
  userId: string | null;
}

/** A cached token as stored: enough to compare with a new snapshot without parsing it. */
export interface StoredToken {
  kind: 'user' | 'account';
  accountId: string | null;
  raw: string;
  position: number;
  secretKept: boolean;
}

export function insertHistory(db: Db, profileId: string, entries: readonly NewHistoryEntry[]): void {
  if (entries.length === 0) return;
  const insert = db.prepare(
    `INSERT INTO token_history (profile_id, token_id, token_name, kind, at, source, summary, before, after)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const e of entries) {
    insert.run(
      profileId,
      e.tokenId,
      e.tokenName,
      e.kind,
      e.at,
      e.source,
      e.summary,
      e.before === null || e.before === undefined ? null : JSON.stringify(e.before),
      e.after === null || e.after === undefined ? null : JSON.stringify(e.after),
    );
  }
}

/** The cached tokens of a profile, as stored (raw Cloudflare objects, unparsed). */
export function readStoredTokens(db: Db, profileId: string): Map<string, StoredToken> {
  const rows = db
    .prepare('SELECT id, kind, account_id, raw, position, secret_kept FROM tokens WHERE profile_id = ?')
    .all(profileId) as {
    id: string;
    kind: 'user' | 'account';
    account_id: string | null;
    raw: string;
    position: number;
    secret_kept: number;
  }[];
  return new Map(
    rows.map((r) => [
      r.id,
      {
        kind: r.kind,
        accountId: r.account_id,
        raw: r.raw,
        position: r.position,
        secretKept: r.secret_kept === 1,
      },
    ]),
  );
}

/** The names the profile's cached words were decoded with, read back from the cache. */
export function readNameSources(db: Db, profileId: string): NameSources {
  const profile = db.prepare('SELECT email FROM profiles WHERE id = ?').get(profileId) as
    { email: string | null } | undefined;
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
  return { accounts, zones, permissionGroups: [...byGroup.values()], userLabel: profile?.email ?? null };
}

export interface ReplaceSnapshotOptions {
  /** Test hook: runs inside the transaction after the writes (a throw rolls everything back). */
  beforeCommit?: () => void;
  /** The tokens as cached before, when the caller already read them (saves a read). */
  stored?: Map<string, StoredToken>;
  /**
   * The write journal's mark taken before the fetch began (`journalMark`): tokens Keyflare wrote
   * after it keep their cached state. Absent, the snapshot is taken as newer than every write.
   */
  journalMark?: number;
  /** Ids of the profile's tokens whose secret the keychain holds, for rows the cache did not hold. */
  keptSecrets?: ReadonlySet<string>;
}

const SMALL_TABLES = ['zones', 'accounts', 'permission_groups'] as const;

/** The accounts, zones and permission groups as the rows writeLists would store, in a canonical text. */
function listRows(snapshot: ProfileSnapshot): string {
  const accounts = snapshot.accounts.map((a, i) => JSON.stringify([a.id, a.name, a.type, a.tokensAccess, i]));
  const zones = new Map(
    snapshot.zones.map((z) => [z.id, JSON.stringify([z.id, z.name, z.accountId, z.accountName, z.status])]),
  );
  const groups = new Map<string, string>();
  for (const g of snapshot.permissionGroups) {
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

function storedListRows(db: Db, profileId: string): string {
  const accounts = (
    db
      .prepare('SELECT id, name, type, tokens_access, position FROM accounts WHERE profile_id = ?')
      .raw()
      .all(profileId) as unknown[][]
  ).map((r) => JSON.stringify(r));
  const zones = (
    db
      .prepare('SELECT id, name, account_id, account_name, status FROM zones WHERE profile_id = ?')
      .raw()
      .all(profileId) as unknown[][]
  ).map((r) => JSON.stringify(r));
  const groups = (
    db
      .prepare('SELECT source, account_id, id, scope, name FROM permission_groups WHERE profile_id = ?')
      .raw()
      .all(profileId) as unknown[][]
  ).map((r) => JSON.stringify(r));
  return [accounts.sort().join('\n'), zones.sort().join('\n'), groups.sort().join('\n')].join('\n--\n');
}

/** Rewrites the accounts, zones and permission groups of a profile (inside the caller's transaction). */
function writeLists(db: Db, profileId: string, snapshot: ProfileSnapshot): void {
  for (const table of SMALL_TABLES) db.prepare(`DELETE FROM ${table} WHERE profile_id = ?`).run(profileId);
  const account = db.prepare(
    'INSERT INTO accounts (profile_id, id, name, type, tokens_access, position) VALUES (?, ?, ?, ?, ?, ?)',
  );
  snapshot.accounts.forEach((a, i) => account.run(profileId, a.id, a.name, a.type, a.tokensAccess, i));
  const zone = db.prepare(
    'INSERT OR REPLACE INTO zones (profile_id, id, name, account_id, account_name, status) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const z of snapshot.zones) zone.run(profileId, z.id, z.name, z.accountId, z.accountName, z.status);
  const group = db.prepare(
    'INSERT OR IGNORE INTO permission_groups (profile_id, source, account_id, id, scope, name) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const g of snapshot.permissionGroups) {
    const scopes = g.scopes.length > 0 ? g.scopes : [''];
    for (const scope of scopes) group.run(profileId, g.source, g.accountId ?? '', g.id, scope, g.name);
  }
}

export function replaceSnapshot(
  db: Db,
  profileId: string,
  snapshot: ProfileSnapshot,
  meta: SnapshotMeta,
  history: readonly NewHistoryEntry[],
  options: ReplaceSnapshotOptions = {},
): void {
  db.transaction(() => {
    const previous = db
      .prepare(
        'SELECT p.email, s.names_fingerprint FROM profiles p LEFT JOIN snapshots s ON s.profile_id = p.id WHERE p.id = ?',
      )
      .get(profileId) as { email: string | null; names_fingerprint: string | null } | undefined;
    const stored = options.stored ?? readStoredTokens(db, profileId);
    // Lists that did not change are not rewritten (a steady-state sync touches only what changed).
    if (storedListRows(db, profileId) !== listRows(snapshot)) writeLists(db, profileId, snapshot);
    const sources: NameSources = {
      accounts: snapshot.accounts,
      zones: snapshot.zones,
      permissionGroups: snapshot.permissionGroups,
      userLabel: meta.email ?? previous?.email ?? null,
    };
    const lookup = lookupFrom(sources);
    const fingerprint = namesFingerprint(sources);
    const namesChanged = fingerprint !== previous?.names_fingerprint;

    const written =
      options.journalMark === undefined
        ? new Set<string>()
        : writtenSince(db, profileId, options.journalMark);
    const writer = tokenRowWriter(db);
    const seen = new Set<string>();
    snapshot.tokens.forEach((entry, position) => {
      const id = entry.token.id;
      // A token listed twice (pages shifting under a concurrent write) is kept once.
      if (seen.has(id)) return;
      seen.add(id);
      const old = stored.get(id);
      if (written.has(id)) {
        // Written by Keyflare after the fetch began: the row (or its absence) stays; only its place moves.
        if (old && old.position !== position) writer.move(profileId, id, position);
        return;
      }
      if (old && old.raw === rawOf(entry) && old.kind === entry.kind && old.accountId === entry.accountId) {
        if (namesChanged) writer.redecode(profileId, id, entry.token, lookup);
        if (old.position !== position) writer.move(profileId, id, position);
        return;
      }
      if (old) writer.remove(profileId, id);
      const kept = old ? old.secretKept : (options.keptSecrets?.has(id) ?? false);
      writer.insert(profileId, entry, position, kept, lookup);
    });
    let after = snapshot.tokens.length;
    for (const [id, old] of stored) {
      if (written.has(id)) {
        // Its words are decoded again with this snapshot's names, like every row the commit keeps.
        if (namesChanged) writer.redecode(profileId, id, JSON.parse(old.raw) as WireToken, lookup);
        // A token the fetch did not see yet (created meanwhile) goes after the listed ones.
        if (!seen.has(id)) {
          if (old.position !== after) writer.move(profileId, id, after);
          after += 1;
        }
      } else if (!seen.has(id)) writer.remove(profileId, id);
    }

    // Verify results of tokens that no longer exist would only confuse a later token with the same id.
    const verifyIds = (
      db.prepare('SELECT token_id FROM verify_results WHERE profile_id = ?').all(profileId) as {
        token_id: string;
      }[]
    ).map((r) => r.token_id);
    const dropVerify = db.prepare('DELETE FROM verify_results WHERE profile_id = ? AND token_id = ?');
    for (const id of verifyIds) if (!seen.has(id) && !written.has(id)) dropVerify.run(profileId, id);

    // What the fetch says about a token Keyflare wrote meanwhile is not news: Keyflare recorded the change.
    insertHistory(
      db,
      profileId,
      history.filter((entry) => !written.has(entry.tokenId)),
    );
    clearJournal(db, profileId);

    db.prepare(
      `UPDATE profiles SET capabilities = ?, email = COALESCE(?, email), user_id = COALESCE(?, user_id) WHERE id = ?`,
    ).run(JSON.stringify(meta.capabilities), meta.email, meta.userId, profileId);
    db.prepare(
      `INSERT INTO snapshots (profile_id, synced_at, names_fingerprint) VALUES (?, ?, ?)
       ON CONFLICT (profile_id) DO UPDATE SET synced_at = excluded.synced_at, names_fingerprint = excluded.names_fingerprint`,
    ).run(profileId, meta.syncedAt, fingerprint);
    options.beforeCommit?.();
  })();
}

/** Whether the profile has a snapshot at all (its first sync has succeeded). */
export function hasSnapshot(db: Db, profileId: string): boolean {
  return db.prepare('SELECT 1 FROM snapshots WHERE profile_id = ?').get(profileId) !== undefined;
}
