/**
 * Upgrade of a released single-file data folder: the user's data moves to the profile store.
 *
 * Keyflare up to schema 3 kept profiles, settings, history and verify results in the same file as
 * the snapshot, so a damaged snapshot took the profiles along. The first start of this version
 * copies those tables into a new profile store, written to a side file and renamed into place only
 * when complete: a crash during the copy leaves the old file as it was and the copy starts over;
 * a crash after the rename leaves a complete store, and the cache's own migration (version 4,
 * which drops the copied tables) simply runs at the next start. The old file is only read here.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { applyMigrations, openConnection, type Db, type Migration } from './sqlite-file';

/** Tables that belong to the user, in an order that satisfies their foreign keys. */
const USER_TABLES = [
  'settings',
  'profiles',
  'token_history',
  'verify_results',
  'sync_runs',
  'token_writes',
] as const;

/** The last schema of the single-file layout. */
export const LEGACY_LAYOUT_VERSION = 3;

function columns(db: Db, table: string): string[] {
  return (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
}

/** Copies the columns both files know, row by row (this SQLite build opens no URI, so no read-only ATTACH). */
function copyTable(legacy: Db, store: Db, table: string): void {
  const legacyColumns = new Set(columns(legacy, table));
  if (legacyColumns.size === 0) return; // an older legacy schema without this table
  const list = columns(store, table)
    .filter((c) => legacyColumns.has(c))
    .map((c) => `"${c}"`)
    .join(', ');
  const insert = store.prepare(
    `INSERT INTO ${table} (${list}) VALUES (${list
      .split(', ')
      .map(() => '?')
      .join(', ')})`,
  );
  for (const row of legacy.prepare(`SELECT ${list} FROM ${table}`).raw().iterate()) insert.run(row);
}

/**
 * Writes a profile store at `storeFile` holding the user tables of the legacy file `legacyFile`.
 *
 * `migrations` are the profile store's migrations up to the version whose tables the copy
 * targets; later ones run when the store is opened normally.
 */
export function splitLegacyFile(
  legacyFile: string,
  storeFile: string,
  migrations: readonly Migration[],
): void {
  const partial = `${storeFile}.partial`;
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${partial}${suffix}`, { force: true });
  // Read-only: the legacy file is migrated by the cache's own migration, never here.
  const legacy = new Database(legacyFile, { readonly: true, fileMustExist: true });
  try {
    const store = openConnection(partial);
    try {
      applyMigrations(store, migrations);
      store.transaction(() => {
        for (const table of USER_TABLES) copyTable(legacy, store, table);
      })();
      store.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      store.close();
    }
  } finally {
    legacy.close();
  }
  fs.renameSync(partial, storeFile);
}

/** Whether a file of this version is the single-file layout (holds the user tables). */
export function isLegacyLayout(version: number | null): boolean {
  return version !== null && version >= 1 && version <= LEGACY_LAYOUT_VERSION;
}
