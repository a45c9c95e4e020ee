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
import type { Capabilities } from '../../../shared/domain';
import type { NameLookup } from '../../../shared/policy/decode';
import { lookupFrom, namesFingerprint, type NameSources } from './decoded-columns';
import { insertHistory, type NewHistoryEntry } from './history-repository';
import { replaceLists, type SnapshotLists, type StoredListRows } from './lists-repository';
import { updateSyncedFacts } from './profile-repository';
import type { Db } from './sqlite-file';
import type { StoredToken } from './stored-token';
import { cacheVersion, dropVerifyResults, readStoredTokens, type StoredTokens } from './token-repository';
import { tokenRowWriter } from './token-row-writer';
import { planFits, planTokenRows, type TokenRowsPlan } from './token-rows-plan';
import { clearJournal, writtenSince } from './token-write-journal';

/** What a sync fetched of one profile, ready to be stored. */
export interface ProfileSnapshot extends SnapshotLists {
  tokens: StoredToken[];
}

export interface SnapshotMeta {
  syncedAt: string;
  capabilities: Capabilities;
  /** Learned from /user when the credential may read it; null leaves the stored values. */
  email: string | null;
  userId: string | null;
}

/**
 * The tokens and lists as the caller read them from the cache earlier, with the cache's version
 * then.
 */
export interface CacheReadAhead {
  /** `cacheVersion` when they were read. */
  version: string;
  stored: StoredTokens;
  lists: StoredListRows;
}

/** What a commit compared the snapshot with, and the history it wrote. */
export interface ReplacedSnapshot {
  /** The tokens as cached before the commit. */
  stored: StoredTokens;
  history: readonly NewHistoryEntry[];
}

export interface ReplaceSnapshotOptions {
  /** Test hook: runs inside the transaction after the writes (a throw rolls everything back). */
  beforeCommit?: () => void;
  /**
   * What the caller read of the cache earlier (saves reading it again): taken only if the cache's
   * version is still the same under the transaction's lock, read afresh otherwise.
   */
  readAhead?: CacheReadAhead | null;
  /**
   * The write journal's mark taken before the fetch began (`journalMark`): tokens Keyflare wrote
   * after it keep their cached state. Absent, the snapshot is taken as newer than every write.
   */
  journalMark?: number;
  /** Ids of the profile's tokens whose secret the keychain holds, for rows the cache did not hold. */
  keptSecrets?: ReadonlySet<string>;
  /**
   * The token rows' plan the caller made beforehand (planTokenRows): taken only if it was made
   * from the snapshot's tokens and from the cached ones the commit compares with.
   */
  plan?: TokenRowsPlan | null;
}

export function replaceSnapshot(
  db: Db,
  profileId: string,
  snapshot: ProfileSnapshot,
  meta: SnapshotMeta,
  /** The history of the commit's plan (the cached tokens to the snapshot's); not asked of a first snapshot. */
  historyOf: (plan: TokenRowsPlan) => readonly NewHistoryEntry[],
  options: ReplaceSnapshotOptions = {},
): ReplacedSnapshot {
  // IMMEDIATE: the commit reads, then writes. A deferred transaction would start as a reader and
  // fail at once with SQLITE_BUSY (no busy wait) if another process — the command line and the
  // window share these files — committed in between; taking the write lock first waits instead.
  return db
    .transaction((): ReplacedSnapshot => {
      const previous = db
        .prepare(
          'SELECT p.email, s.names_fingerprint FROM profiles p LEFT JOIN snapshots s ON s.profile_id = p.id WHERE p.id = ?',
        )
        .get(profileId) as { email: string | null; names_fingerprint: string | null } | undefined;
      const ahead = options.readAhead?.version === cacheVersion(db) ? options.readAhead : null;
      const stored = ahead?.stored ?? readStoredTokens(db, profileId);
      const plan =
        options.plan && planFits(options.plan, stored, snapshot.tokens)
          ? options.plan
          : planTokenRows(stored, snapshot.tokens);
      // A first snapshot records nothing: "first seen" is not "created".
      const history = hasSnapshot(db, profileId) ? historyOf(plan) : [];
      replaceLists(db, profileId, snapshot, ahead?.lists);
      const sources: NameSources = {
        accounts: snapshot.accounts,
        zones: snapshot.zones,
        permissionGroups: snapshot.permissionGroups,
        userLabel: meta.email ?? previous?.email ?? null,
      };
      // Made only when a row is decoded: a steady-state sync often decodes none.
      let lookup: NameLookup | null = null;
      const names = (): NameLookup => (lookup ??= lookupFrom(sources));
      const fingerprint = namesFingerprint(sources);
      const namesChanged = fingerprint !== previous?.names_fingerprint;

      const written =
        options.journalMark === undefined
          ? new Set<string>()
          : writtenSince(db, profileId, options.journalMark);
      const writer = tokenRowWriter(db);
      for (const { entry, position, old } of plan.replaced) {
        const id = entry.id;
        if (written.has(id)) {
          // Written by Keyflare after the fetch began: the row (or its absence) stays; only its place moves.
          if (old && old.position !== position) writer.move(profileId, id, position);
          continue;
        }
        if (old) writer.remove(profileId, id);
        const kept = old ? old.secretKept : (options.keptSecrets?.has(id) ?? false);
        writer.insert(profileId, entry, position, kept, names());
      }
      for (const [id, position] of plan.moves) writer.move(profileId, id, position);
      if (namesChanged)
        for (const entry of plan.kept)
          if (!written.has(entry.id)) writer.redecode(profileId, entry.id, entry.token, names());
      for (const id of plan.gone) if (!written.has(id)) writer.remove(profileId, id);
      let after = snapshot.tokens.length;
      if (written.size > 0)
        for (const [id, old] of stored) {
          if (!written.has(id)) continue;
          // Its words are decoded again with this snapshot's names, like every row the commit keeps.
          if (namesChanged) writer.redecode(profileId, id, old.token, names());
          // A token the fetch did not see yet (created meanwhile) goes after the listed ones.
          if (!plan.seen.has(id)) {
            if (old.position !== after) writer.move(profileId, id, after);
            after += 1;
          }
        }

      // Verify results of tokens that no longer exist would only confuse a later token with the same id.
      dropVerifyResults(db, profileId, (id) => plan.seen.has(id) || written.has(id));

      // What the fetch says about a token Keyflare wrote meanwhile is not news: Keyflare recorded the change.
      insertHistory(
        db,
        profileId,
        history.filter((entry) => !written.has(entry.tokenId)),
      );
      clearJournal(db, profileId);

      updateSyncedFacts(db, profileId, meta);
      db.prepare(
        `INSERT INTO snapshots (profile_id, synced_at, names_fingerprint) VALUES (?, ?, ?)
       ON CONFLICT (profile_id) DO UPDATE SET synced_at = excluded.synced_at, names_fingerprint = excluded.names_fingerprint`,
      ).run(profileId, meta.syncedAt, fingerprint);
      options.beforeCommit?.();
      return { stored, history };
    })
    .immediate();
}

/** Whether the profile has a snapshot at all (its first sync has succeeded). */
export function hasSnapshot(db: Db, profileId: string): boolean {
  return db.prepare('SELECT 1 FROM snapshots WHERE profile_id = ?').get(profileId) !== undefined;
}
