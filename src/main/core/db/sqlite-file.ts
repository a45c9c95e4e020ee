/**
 * One SQLite file of Keyflare's data folder: its schema version, its migrations, its recovery.
 *
 * The data folder holds two files with different fates (see data-files.ts); this module knows
 * what both share:
 * - The schema version is read before anything may write: first from the header (no SQLite at
 *   all), then through a READ-ONLY connection, because a version written by a newer Keyflare may
 *   still sit in the -wal file. A read-only connection cannot checkpoint, so a refused file (and
 *   its -wal) stays byte-for-byte as it was; SQLite may create a missing -shm index to read the
 *   WAL, which holds no data.
 * - A file SQLite cannot read is corruption: the caller moves it aside (db, -wal and -shm, with a
 *   timestamp) rather than deleting anything.
 * - Each migration runs in its own transaction together with its user_version bump, with foreign
 *   keys off while it runs (a migration may rebuild a table) and checked before it commits.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { msg } from '../../../shared/i18n/message';
import { MigrationError } from './migration-error';

export type Db = Database.Database;

export interface Migration {
  version: number;
  description: string;
  sql: string;
}

const CORRUPT_CODES = new Set([
  'SQLITE_CORRUPT',
  'SQLITE_NOTADB',
  'SQLITE_CORRUPT_VTAB',
  'SQLITE_CANTOPEN_ISDIR',
]);

export function isCorruption(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (CORRUPT_CODES.has(code) || code.startsWith('SQLITE_CORRUPT'));
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0);
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** user_version from the file header (offset 60, big-endian); null when absent or not a database. */
function headerUserVersion(file: string): number | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const header = Buffer.alloc(100);
    const read = fs.readSync(fd, header, 0, 100, 0);
    if (read < 100 || !header.subarray(0, 16).equals(SQLITE_MAGIC)) return null;
    return header.readUInt32BE(60);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The file's schema version as a reader sees it (WAL included), without writing to it.
 *
 * Returns null when there is no file; throws SQLite's own error when the file cannot be read
 * (the caller decides whether that is corruption).
 */
export function readSchemaVersion(file: string): number | null {
  if (!fs.existsSync(file)) return null;
  const fromHeader = headerUserVersion(file);
  // Without a -wal file the header is the whole truth; SQLite need not see the file at all.
  if (fromHeader !== null && !(fs.statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0))
    return fromHeader;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    // Reading the schema forces SQLite to parse the header: random bytes fail here.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    const version = db.pragma('user_version', { simple: true }) as number;
    return Math.max(version, fromHeader ?? 0);
  } finally {
    db.close();
  }
}

/**
 * How much of a file is checked when it opens.
 * - 'quick_check': SQLite's PRAGMA quick_check reads every page (tens of ms for a cache of
 *   thousands of tokens). The window and every command that may write open this way.
 * - 'header': the header and the schema only — not a database, or shorter than its header says
 *   (a truncated copy), is found; damage inside a page is found only when a read reaches it, as
 *   SQLITE_CORRUPT. For opens that only read (the command line's offline reads), which reopen
 *   with 'quick_check' when a read meets damage, so a damaged file is still moved aside.
 *   An unclean shutdown needs no check of its own: in WAL mode SQLite recovers from it by
 *   itself when the file next opens.
 */
export type IntegrityCheck = 'quick_check' | 'header';

const corrupt = (message: string): Error => Object.assign(new Error(message), { code: 'SQLITE_CORRUPT' });

/** Throws SQLITE_CORRUPT when the file is shorter than the page count its header gives. */
function checkLength(file: string): void {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return; // no file yet: SQLite creates it
  }
  try {
    const header = Buffer.alloc(100);
    if (fs.readSync(fd, header, 0, 100, 0) < 100) return; // empty or partial: SQLite judges it
    if (!header.subarray(0, 16).equals(SQLITE_MAGIC)) return; // SQLite answers SQLITE_NOTADB
    const rawPageSize = header.readUInt16BE(16);
    const pageSize = rawPageSize === 1 ? 65_536 : rawPageSize;
    const pages = header.readUInt32BE(28);
    // The in-header size counts only when the change counter matches "version valid for".
    if (pages === 0 || header.readUInt32BE(24) !== header.readUInt32BE(92)) return;
    if (fs.fstatSync(fd).size < pages * pageSize)
      throw corrupt(`the file is shorter than its ${pages} pages`);
  } finally {
    fs.closeSync(fd);
  }
}

/** Opens a file for reading and writing with Keyflare's connection settings. */
export function openConnection(file: string, check: IntegrityCheck = 'quick_check'): Db {
  if (check === 'header') checkLength(file);
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // The window and the command line may share the files; a writer waits instead of failing.
    db.pragma('busy_timeout = 5000');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    if (check === 'quick_check') {
      const result = db.pragma('quick_check', { simple: true });
      if (result !== 'ok') throw corrupt(`quick_check: ${String(result)}`);
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Applies the migrations newer than the file's version, each atomically. */
export function applyMigrations(db: Db, migrations: readonly Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const pending = migrations.filter((m) => m.version > current).sort((a, b) => a.version - b.version);
  if (pending.length === 0) return;
  // foreign_keys cannot change inside a transaction; a table rebuild needs it off.
  db.pragma('foreign_keys = OFF');
  try {
    for (const migration of pending) {
      try {
        db.transaction(() => {
          db.exec(migration.sql);
          const broken = db.pragma('foreign_key_check') as unknown[];
          if (broken.length > 0)
            throw new Error(`migration ${migration.version} broke ${broken.length} foreign keys`);
          db.pragma(`user_version = ${migration.version}`);
        })();
      } catch (error) {
        // Damage found while migrating stays corruption, for the caller to move the file aside;
        // anything else names the step, so a failed start can say which one (app/start-failure.ts).
        throw isCorruption(error) ? error : new MigrationError(migration, error, db.name);
      }
    }
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

/** Moves the file and its -wal/-shm aside with a timestamp; returns where they went. */
export function moveAside(file: string, at: Date): string[] {
  const stamp = at.toISOString().replace(/[:.]/gu, '-');
  const moved: string[] = [];
  for (const suffix of ['', '-wal', '-shm']) {
    const from = `${file}${suffix}`;
    if (!fs.existsSync(from)) continue;
    const to = `${file}.corrupt-${stamp}${suffix}`;
    fs.renameSync(from, to);
    moved.push(to);
  }
  return moved;
}

/** CACHE_NEWER for one data file: `store` picks its name in the sentence. */
export function newerSchemaError(store: 'profiles' | 'cache', current: number, latest: number): AppError {
  return new AppError('CACHE_NEWER', msg('errors.cache.newerSchema', { store, current, latest }));
}
