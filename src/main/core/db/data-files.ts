/**
 * Keyflare's data folder: the profile store and the snapshot cache, opened as one connection.
 *
 * Two kinds of data with different fates live in two files:
 * - keyflare-profiles.sqlite, the profile store: what Keyflare cannot download again (profiles,
 *   settings, token history, verify results, sync runs, the write journal). A damaged store is
 *   moved aside; the keychain still holds every profile credential, and Settings → Keychain offers
 *   them for re-attaching or forgetting (nothing in the keychain is deleted at start).
 * - keyflare-cache.sqlite, the cache: what a sync rebuilds (accounts, zones, permission groups,
 *   tokens, policies, when each snapshot was taken). A damaged cache is moved aside and the next
 *   sync rebuilds it; profiles and history stay.
 * The cache is ATTACHed to the store's connection, so queries join across both by table name (no
 * name exists in both) and a sync's commit is one transaction over both files. In WAL mode SQLite
 * makes such a transaction atomic per file, not across the pair: a crash in the middle of a commit
 * can land the history lines without the snapshot; the next sync rewrites the snapshot.
 *
 * A file written by a newer Keyflare is refused before anything writes to it (see sqlite-file.ts);
 * the whole folder is refused then, so no half of it drifts from the other.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DataFileEvent, DataFileStore } from '../../../shared/domain';
import { type Message, msg } from '../../../shared/i18n/message';
import { CACHE_MIGRATIONS } from './cache-migrations';
import { isLegacyLayout, splitLegacyFile } from './legacy-split';
import { PROFILE_STORE_MIGRATIONS } from './profile-store-migrations';
import {
  applyMigrations,
  isCorruption,
  latestVersion,
  moveAside,
  newerSchemaError,
  openConnection,
  readSchemaVersion,
  type Db,
  type IntegrityCheck,
  type Migration,
} from './sqlite-file';

export const PROFILE_STORE_FILE_NAME = 'keyflare-profiles.sqlite';
export const CACHE_FILE_NAME = 'keyflare-cache.sqlite';

/** How much of each file is memory-mapped: more than a cache of 10,000 tokens needs. */
const MMAP_BYTES = 256 * 1024 * 1024;

/** The cache's tables, each keyed by profile_id (policies and their rows follow tokens by cascade). */
const CACHE_PROFILE_TABLES = ['snapshots', 'accounts', 'zones', 'permission_groups', 'tokens'] as const;

export type OpenedDataFiles =
  | { db: Db; events: DataFileEvent[]; refused: null }
  | { db: null; events: DataFileEvent[]; refused: DataFileEvent };

export interface OpenDataFilesOptions {
  dataDir: string;
  now: () => Date;
  /** How much of each file is checked as it opens (sqlite-file.ts); quick_check by default. */
  integrity?: IntegrityCheck;
  /** Tests only: other migration lists. */
  cacheMigrations?: readonly Migration[];
  profileStoreMigrations?: readonly Migration[];
}

/** What a moved-aside file means for the user, as a message each face words. */
const CORRUPT_MESSAGE: Record<DataFileStore, Message> = {
  profiles: msg('outcomes.dataFile.profilesMoved'),
  cache: msg('outcomes.dataFile.cacheMoved'),
};

interface Probe {
  version: number | null;
  unreadable: boolean;
}

/** The file's version through a read-only open; an unreadable file is left for the writer to judge. */
function probe(file: string): Probe {
  try {
    return { version: readSchemaVersion(file), unreadable: false };
  } catch (error) {
    if (!isCorruption(error)) throw error;
    return { version: null, unreadable: true };
  }
}

/** Opens and migrates one file, moving it aside when SQLite cannot read it. */
function openOrReplace(
  file: string,
  store: DataFileStore,
  migrations: readonly Migration[],
  now: () => Date,
  events: DataFileEvent[],
  integrity: IntegrityCheck,
  /** Whose loss the event reports: a single-file folder's unreadable cache held the profiles too. */
  reportAs: DataFileStore = store,
): Db {
  try {
    const db = openConnection(file, integrity);
    try {
      applyMigrations(db, migrations);
      return db;
    } catch (error) {
      db.close();
      throw error;
    }
  } catch (error) {
    if (!isCorruption(error)) throw error;
    const at = now();
    const movedTo = moveAside(file, at);
    events.push({
      store: reportAs,
      kind: 'corrupt_moved',
      message: CORRUPT_MESSAGE[reportAs],
      movedTo,
      at: at.toISOString(),
    });
    const db = openConnection(file);
    applyMigrations(db, migrations);
    return db;
  }
}

/** Deletes cached snapshots of profiles the store does not know (after the store was replaced). */
function dropOrphanSnapshots(db: Db): void {
  // The token table's distinct profile ids, one index seek each (a skip scan of its primary key),
  // instead of reading every token's key to learn there is nothing to drop: every start asks.
  const orphan = db
    .prepare(
      `WITH RECURSIVE ids(id) AS (
         SELECT (SELECT min(profile_id) FROM cache.tokens)
         UNION ALL
         SELECT (SELECT min(profile_id) FROM cache.tokens WHERE profile_id > ids.id) FROM ids
         WHERE ids.id IS NOT NULL
       )
       SELECT 1 FROM ids WHERE id IS NOT NULL AND id NOT IN (SELECT id FROM main.profiles) LIMIT 1`,
    )
    .get();
  const orphanSnapshot = db
    .prepare('SELECT 1 FROM cache.snapshots WHERE profile_id NOT IN (SELECT id FROM main.profiles) LIMIT 1')
    .get();
  if (!orphan && !orphanSnapshot) return;
  db.transaction(() => {
    for (const table of CACHE_PROFILE_TABLES)
      db.prepare(`DELETE FROM cache.${table} WHERE profile_id NOT IN (SELECT id FROM main.profiles)`).run();
  })();
}

export function openDataFiles(options: OpenDataFilesOptions): OpenedDataFiles {
  const cacheMigrations = options.cacheMigrations ?? CACHE_MIGRATIONS;
  const storeMigrations = options.profileStoreMigrations ?? PROFILE_STORE_MIGRATIONS;
  fs.mkdirSync(options.dataDir, { recursive: true });
  const storeFile = path.join(options.dataDir, PROFILE_STORE_FILE_NAME);
  const cacheFile = path.join(options.dataDir, CACHE_FILE_NAME);
  const events: DataFileEvent[] = [];

  // 1. Versions first, read-only: a file from a newer Keyflare refuses the folder untouched.
  const storeProbe = probe(storeFile);
  const cacheProbe = probe(cacheFile);
  for (const [store, seen, migrations] of [
    ['profiles', storeProbe, storeMigrations],
    ['cache', cacheProbe, cacheMigrations],
  ] as const) {
    const latest = latestVersion(migrations);
    if (seen.version !== null && seen.version > latest) {
      const error = newerSchemaError(store, seen.version, latest);
      const refused: DataFileEvent = {
        store,
        kind: 'newer_schema',
        message: error.key
          ? { key: error.key, params: error.params ?? {} }
          : msg('errors.code.CACHE_NEWER.title'),
        movedTo: [],
        at: options.now().toISOString(),
      };
      return { db: null, events: [refused], refused };
    }
  }

  // 2. A released single-file folder: its user tables become the profile store.
  const storeExists = fs.existsSync(storeFile);
  let cacheLossReportedAs: DataFileStore = 'cache';
  if (!storeExists && isLegacyLayout(cacheProbe.version)) {
    splitLegacyFile(
      cacheFile,
      storeFile,
      storeMigrations.filter((m) => m.version <= 1),
    );
  } else if (!storeExists && cacheProbe.unreadable) {
    // The unreadable file may be a single-file folder: its profiles are gone with it, so the
    // sentence must not promise they are intact.
    cacheLossReportedAs = 'profiles';
  }

  // 3. The store, then the cache, each moved aside on its own when unreadable.
  const integrity = options.integrity ?? 'quick_check';
  const db = openOrReplace(storeFile, 'profiles', storeMigrations, options.now, events, integrity);
  try {
    const cache = openOrReplace(
      cacheFile,
      'cache',
      cacheMigrations,
      options.now,
      events,
      integrity,
      cacheLossReportedAs,
    );
    cache.close();
    db.prepare('ATTACH DATABASE ? AS cache').run(cacheFile);
    // Both files are read through a memory map rather than one read() per 4 KB page: the token
    // list alone reads thousands of pages, and those system calls cost more than the reading.
    // SQLite maps only up to a file's size, and Keyflare never shrinks its files (no VACUUM, no
    // auto_vacuum; a damaged file is renamed aside, which keeps its mapping), so no mapped page
    // can vanish under a read. Writes still go through write().
    db.pragma(`main.mmap_size = ${MMAP_BYTES}`);
    db.pragma(`cache.mmap_size = ${MMAP_BYTES}`);
    dropOrphanSnapshots(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return { db, events, refused: null };
}
