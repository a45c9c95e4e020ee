/**
 * Opens the SQLite cache: WAL, foreign keys, migrations, and recovery from a broken file.
 *
 * The cache only holds metadata that a sync can rebuild, so a corrupt or unreadable file is moved
 * aside (db, -wal and -shm, with a timestamp) and a fresh one is created; the event is reported so
 * the UI can say what happened. A file written by a newer Keyflare is refused and left untouched:
 * its data may be valid and an older version must not damage it.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { CacheEvent } from '../../../shared/domain';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations';

export type Db = Database.Database;

export const CACHE_FILE_NAME = 'keyflare-cache.sqlite';

export interface OpenedCache {
  db: Db;
  file: string;
  schemaVersion: number;
  /** Set when the previous file was moved aside. */
  event: CacheEvent | null;
}

const CORRUPT_CODES = new Set([
  'SQLITE_CORRUPT',
  'SQLITE_NOTADB',
  'SQLITE_CORRUPT_VTAB',
  'SQLITE_CANTOPEN_ISDIR',
]);

function isCorruption(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (CORRUPT_CODES.has(code) || code.startsWith('SQLITE_CORRUPT'));
}

function newerSchemaError(current: number, latest: number): AppError {
  return new AppError(
    'CACHE_NEWER',
    `The cache was written by a newer version of Keyflare (schema ${current}, this version knows ${latest}). ` +
      'Update Keyflare; the file was left untouched.',
  );
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Reads user_version straight from the file header (offset 60, big-endian), without SQLite.
 *
 * Opening the file with SQLite, even to read a pragma, may switch its journal mode or create
 * -wal/-shm files; a file from a newer Keyflare must stay byte-for-byte untouched, so the version
 * is checked before SQLite sees the file. Returns null when the file is absent or not a database
 * (the SQLite open that follows then decides whether it is corrupt).
 */
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

function applyMigrations(db: Db, migrations: readonly Migration[], latest: number): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) throw newerSchemaError(current, latest);
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

function openAndMigrate(file: string, migrations: readonly Migration[], latest: number): Db {
  const onDisk = headerUserVersion(file);
  if (onDisk !== null && onDisk > latest) throw newerSchemaError(onDisk, latest);
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Reading the schema forces SQLite to parse the header: random bytes fail here.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') {
      throw Object.assign(new Error(`quick_check: ${String(check)}`), { code: 'SQLITE_CORRUPT' });
    }
    applyMigrations(db, migrations, latest);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function moveAside(file: string, stamp: string): string[] {
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

export interface OpenCacheOptions {
  dataDir: string;
  now: () => Date;
  migrations?: readonly Migration[];
}

export function openCache(options: OpenCacheOptions): OpenedCache {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0) || LATEST_SCHEMA_VERSION;
  fs.mkdirSync(options.dataDir, { recursive: true });
  const file = path.join(options.dataDir, CACHE_FILE_NAME);
  try {
    const db = openAndMigrate(file, migrations, latest);
    return { db, file, schemaVersion: latest, event: null };
  } catch (error) {
    if (!isCorruption(error)) throw error;
    const at = options.now();
    const movedTo = moveAside(file, at.toISOString().replace(/[:.]/gu, '-'));
    const db = openAndMigrate(file, migrations, latest);
    return {
      db,
      file,
      schemaVersion: latest,
      event: {
        kind: 'corrupt_moved',
        message:
          'The local cache could not be read, so Keyflare moved it aside and started a fresh one. ' +
          'Your keychain entries are untouched; sync each profile to rebuild the token list.',
        movedTo,
        at: at.toISOString(),
      },
    };
  }
}
