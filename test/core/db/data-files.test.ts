/**
 * The data folder: a profile store and a snapshot cache with different fates, migrations, the
 * upgrade of a released single-file folder, and what happens to broken or newer files.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { CACHE_SCHEMA_VERSION } from '../../../src/main/core/db/cache-migrations';
import {
  CACHE_FILE_NAME,
  openDataFiles,
  PROFILE_STORE_FILE_NAME,
} from '../../../src/main/core/db/data-files';
import { splitLegacyFile } from '../../../src/main/core/db/legacy-split';
import {
  PROFILE_STORE_MIGRATIONS,
  PROFILE_STORE_SCHEMA_VERSION,
} from '../../../src/main/core/db/profile-store-migrations';
import type { Db } from '../../../src/main/core/db/sqlite-file';
import { cacheVersion, readStoredTokens } from '../../../src/main/core/db/token-repository';
import type { Profile } from '../../../src/shared/domain';
import type { Result } from '../../../src/shared/errors';
import { closeAllCores, makeCore, spyStore, tempDir, type SpyStore } from '../support/core-harness';
import { insertStoredProfile } from '../support/stored-profile';

afterEach(() => closeAllCores());

const now = (): Date => new Date('2026-03-01T10:00:00.000Z');
const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/data-folders/schema-3');

function count(db: Db, table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

function tablesOf(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
        name: string;
      }[]
    )
      .map((r) => r.name)
      .filter((name) => !name.startsWith('sqlite_'));
  } finally {
    db.close();
  }
}

function expectKeychainUntouched(secrets: SpyStore): void {
  for (const method of ['get', 'set', 'delete', 'list'] as const)
    expect(secrets[method]).not.toHaveBeenCalled();
}

/** A folder with one profile, a setting, a history line and a cached token, closed cleanly. */
function seededFolder(): { dataDir: string; profileId: string } {
  const dataDir = tempDir();
  const opened = openDataFiles({ dataDir, now });
  const db = opened.db;
  if (!db) throw new Error('seeding failed');
  const profileId = insertStoredProfile(db, now(), {
    email: 'a@example.com',
    userId: 'u1',
    credentialTokenId: 't1',
  });
  db.exec(`INSERT INTO settings (key, value) VALUES ('theme', '"dark"')`);
  db.prepare(
    `INSERT INTO token_history (profile_id, token_id, token_name, kind, at, source, summary) VALUES (?, 'tok', 'CI', 'created', ?, 'keyflare', 'created')`,
  ).run(profileId, now().toISOString());
  db.prepare(`INSERT INTO snapshots (profile_id, synced_at, names_fingerprint) VALUES (?, ?, 'f')`).run(
    profileId,
    now().toISOString(),
  );
  db.prepare(
    `INSERT INTO tokens (profile_id, id, kind, name, status, raw, decoded, list_facts, position) VALUES (?, 'tok', 'user', 'CI', 'active', '{}', '{}', '{}', 0)`,
  ).run(profileId);
  db.close();
  return { dataDir, profileId };
}

describe('opening the data folder', () => {
  it('keeps the user’s data and the cache in two WAL files, each at its latest version', () => {
    const { core, dataDir } = makeCore();
    const db = core.context.db();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('cache.journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(PROFILE_STORE_SCHEMA_VERSION);
    expect(db.pragma('cache.user_version', { simple: true })).toBe(CACHE_SCHEMA_VERSION);
    core.close();
    const store = tablesOf(path.join(dataDir, PROFILE_STORE_FILE_NAME));
    const cache = tablesOf(path.join(dataDir, CACHE_FILE_NAME));
    const userTables = [
      'profiles',
      'settings',
      'sync_runs',
      'token_history',
      'token_writes',
      'verify_results',
    ];
    const cacheTables = [
      'accounts',
      'permission_groups',
      'policies',
      'policy_permission_groups',
      'policy_resources',
      'snapshots',
      'tokens',
      'zones',
    ];
    // What the user cannot download again lives in the store, what a sync rebuilds in the cache, never both.
    expect(store).toEqual(expect.arrayContaining(userTables));
    expect(cache).toEqual(cacheTables);
    expect(store.filter((table) => cache.includes(table))).toEqual([]);
  });

  it('a cache of random bytes is moved aside; profiles, settings and history survive; the keychain is not touched', async () => {
    const { dataDir, profileId } = seededFolder();
    const garbage = crypto.randomBytes(64 * 1024);
    fs.writeFileSync(path.join(dataDir, CACHE_FILE_NAME), garbage);
    fs.rmSync(path.join(dataDir, `${CACHE_FILE_NAME}-wal`), { force: true });
    const secrets = spyStore();
    const { core } = makeCore({ dataDir, secrets });
    const info = await core.dispatch('app.info', {});
    expect(info).toMatchObject({
      ok: true,
      value: {
        dataEvents: [
          {
            store: 'cache',
            kind: 'corrupt_moved',
            message: { key: 'outcomes.dataFile.cacheMoved' },
          },
        ],
      },
    });
    const movedTo = core.context.dataEvents[0]?.movedTo ?? [];
    expect(movedTo.map((p) => path.basename(p))).toEqual([
      expect.stringMatching(/^keyflare-cache\.sqlite\.corrupt-\d{4}-\d\d-\d\dT[\d-]+Z$/u),
    ]);
    expect(fs.readFileSync(movedTo[0] ?? '')).toEqual(garbage);
    await expect(core.dispatch('profiles.list', {})).resolves.toMatchObject({
      ok: true,
      value: [{ id: profileId, label: 'Work', lastSyncAt: null }],
    });
    await expect(core.dispatch('settings.get', {})).resolves.toMatchObject({
      ok: true,
      value: { theme: 'dark' },
    });
    await expect(core.dispatch('tokens.history', { profileId, tokenId: 'tok' })).resolves.toMatchObject({
      ok: true,
      value: [{ tokenName: 'CI', kind: 'created' }],
    });
    await expect(core.dispatch('tokens.list', {})).resolves.toEqual({ ok: true, value: [] });
    expectKeychainUntouched(secrets);
  });

  it('a truncated cache is moved aside and a working one takes its place', () => {
    const { dataDir } = seededFolder();
    const file = path.join(dataDir, CACHE_FILE_NAME);
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 3) + 100));
    const reopened = openDataFiles({ dataDir, now });
    expect(reopened.events).toMatchObject([{ store: 'cache', kind: 'corrupt_moved' }]);
    expect(reopened.db && count(reopened.db, 'tokens')).toBe(0);
    expect(reopened.db && count(reopened.db, 'profiles')).toBe(1);
    reopened.db?.close();
  });

  it('a profile store of random bytes is moved aside, its snapshot rows go, and the keychain is not touched', async () => {
    const { dataDir } = seededFolder();
    const garbage = crypto.randomBytes(32 * 1024);
    fs.writeFileSync(path.join(dataDir, PROFILE_STORE_FILE_NAME), garbage);
    const secrets = spyStore();
    const { core } = makeCore({ dataDir, secrets });
    expect(core.context.dataEvents).toMatchObject([
      { store: 'profiles', kind: 'corrupt_moved', message: { key: 'outcomes.dataFile.profilesMoved' } },
    ]);
    expect(fs.readFileSync(core.context.dataEvents[0]?.movedTo[0] ?? '')).toEqual(garbage);
    await expect(core.dispatch('profiles.list', {})).resolves.toEqual({ ok: true, value: [] });
    // A snapshot of a profile nobody knows any more could only mislead.
    expect(count(core.context.db(), 'cache.tokens')).toBe(0);
    expect(count(core.context.db(), 'cache.snapshots')).toBe(0);
    expectKeychainUntouched(secrets);
  });

  it('drops the cached tokens and snapshots of exactly the profiles the store no longer has', () => {
    const dataDir = tempDir();
    const first = openDataFiles({ dataDir, now }).db;
    if (!first) throw new Error('open failed');
    // Ids in order a < b < c < d: orphans first, in the middle and last, among kept ones. "b" has
    // tokens but no snapshot, so its tokens alone must give it away.
    const ids = ['a', 'b', 'c', 'd'].map((letter) => `${letter.repeat(8)}-0000-4000-8000-000000000000`);
    for (const id of ids) {
      insertStoredProfile(first, now(), { id, label: id.slice(0, 1) });
      if (!id.startsWith('b'))
        first
          .prepare(`INSERT INTO snapshots (profile_id, synced_at) VALUES (?, ?)`)
          .run(id, now().toISOString());
      for (let position = 0; position < 3; position += 1)
        first
          .prepare(
            `INSERT INTO tokens (profile_id, id, kind, name, status, raw, decoded, list_facts, position) VALUES (?, ?, 'user', 'CI', 'active', '{}', '{}', '{}', ?)`,
          )
          .run(id, `tok${position}`, position);
    }
    first.close();
    const kept = (): string[] => {
      const db = openDataFiles({ dataDir, now }).db;
      if (!db) throw new Error('open failed');
      try {
        const letters = (sql: string): string[] =>
          (db.prepare(sql).all() as { id: string }[]).map((row) => row.id.slice(0, 1));
        const tokens = letters('SELECT DISTINCT profile_id AS id FROM cache.tokens ORDER BY 1');
        const snapshots = letters('SELECT profile_id AS id FROM cache.snapshots ORDER BY 1');
        expect(snapshots).toEqual(tokens.filter((letter) => letter !== 'b'));
        return tokens;
      } finally {
        db.close();
      }
    };
    expect(kept()).toEqual(['a', 'b', 'c', 'd']);
    const forget = (id: string | undefined): void => {
      const store = new Database(path.join(dataDir, PROFILE_STORE_FILE_NAME));
      store.prepare('DELETE FROM profiles WHERE id = ?').run(id);
      store.close();
    };
    forget(ids[1]);
    expect(kept()).toEqual(['a', 'c', 'd']);
    forget(ids[3]);
    forget(ids[0]);
    expect(kept()).toEqual(['c']);
  });

  it("the cache's version moves with every write to it, from this connection or another, and only then", () => {
    const { dataDir, profileId } = seededFolder();
    const db = openDataFiles({ dataDir, now }).db;
    if (!db) throw new Error('open failed');
    const before = cacheVersion(db);
    readStoredTokens(db, profileId);
    db.prepare('SELECT count(*) FROM main.profiles').get();
    expect(cacheVersion(db)).toBe(before);
    db.prepare("UPDATE cache.tokens SET name = 'Renamed' WHERE profile_id = ?").run(profileId);
    const afterOwn = cacheVersion(db);
    expect(afterOwn).not.toBe(before);
    const other = new Database(path.join(dataDir, CACHE_FILE_NAME));
    other.prepare("UPDATE tokens SET name = 'Again' WHERE profile_id = ?").run(profileId);
    other.close();
    expect(cacheVersion(db)).not.toBe(afterOwn);
    db.close();
  });

  it('applies each migration atomically: a failing migration leaves the previous version intact', () => {
    const dataDir = tempDir();
    openDataFiles({ dataDir, now }).db?.close();
    const store = new Database(path.join(dataDir, PROFILE_STORE_FILE_NAME));
    store.exec(`INSERT INTO settings (key, value) VALUES ('theme', '"dark"')`);
    store.close();
    const broken = [
      ...PROFILE_STORE_MIGRATIONS,
      {
        version: PROFILE_STORE_SCHEMA_VERSION + 1,
        description: 'broken',
        sql: 'CREATE TABLE half_done (x TEXT); INSERT INTO no_such_table VALUES (1);',
      },
    ];
    expect(() => openDataFiles({ dataDir, now, profileStoreMigrations: broken })).toThrow(/no such table/u);
    const check = new Database(path.join(dataDir, PROFILE_STORE_FILE_NAME));
    expect(check.pragma('user_version', { simple: true })).toBe(PROFILE_STORE_SCHEMA_VERSION);
    expect(check.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").all()).toEqual([]);
    expect(check.prepare('SELECT value FROM settings').all()).toEqual([{ value: '"dark"' }]);
    check.close();
  });
});

describe('a data folder from a newer Keyflare', () => {
  /** Sets user_version so that it lives only in the -wal file, as a crash of a newer Keyflare leaves it. */
  function newerOnlyInWal(file: string, version: number): void {
    const writer = new Database(file);
    writer.pragma('journal_mode = WAL');
    writer.pragma('wal_autocheckpoint = 0');
    writer.exec('CREATE TABLE future (x TEXT)');
    writer.pragma(`user_version = ${version}`);
    const copy = `${file}.copy`;
    for (const suffix of ['', '-wal']) fs.copyFileSync(`${file}${suffix}`, `${copy}${suffix}`);
    writer.close(); // checkpoints the original; the copies keep the WAL-only state
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
    for (const suffix of ['', '-wal']) fs.renameSync(`${copy}${suffix}`, `${file}${suffix}`);
  }

  function snapshotFiles(dataDir: string): Record<string, Buffer> {
    return Object.fromEntries(
      fs
        .readdirSync(dataDir)
        .filter((name) => !name.endsWith('-shm') && name !== 'logs')
        .map((name) => [name, fs.readFileSync(path.join(dataDir, name))]),
    );
  }

  for (const [store, fileName, latest] of [
    ['profiles', PROFILE_STORE_FILE_NAME, PROFILE_STORE_SCHEMA_VERSION],
    ['cache', CACHE_FILE_NAME, CACHE_SCHEMA_VERSION],
  ] as const) {
    it(`refuses a ${store} file whose newer version sits only in its WAL, and never writes to the folder`, async () => {
      const { dataDir } = seededFolder();
      const file = path.join(dataDir, fileName);
      newerOnlyInWal(file, latest + 1);
      expect(fs.readFileSync(file).readUInt32BE(60)).toBe(latest); // the header alone would not tell
      const before = snapshotFiles(dataDir);
      const secrets = spyStore();
      const { core } = makeCore({ dataDir, secrets });
      expect(core.context.dataEvents).toMatchObject([
        { store, kind: 'newer_schema', message: { key: 'errors.cache.newerSchema', params: { store } } },
      ]);
      for (const [channel, input] of [
        ['profiles.list', {}],
        ['tokens.list', {}],
        ['sync.start', {}],
        ['settings.update', { theme: 'light' }],
      ] as const) {
        await expect(core.dispatch(channel, input)).resolves.toMatchObject({
          ok: false,
          error: { code: 'CACHE_NEWER' },
        });
      }
      core.close();
      expect(snapshotFiles(dataDir)).toEqual(before);
      expectKeychainUntouched(secrets);
    });
  }
});

describe('upgrading a released single-file data folder (schema 3)', () => {
  interface FixtureInfo {
    profiles: { profileId: string; label: string }[];
  }
  const fixture = JSON.parse(fs.readFileSync(path.join(FIXTURE, 'fixture.json'), 'utf8')) as FixtureInfo;

  function fixtureFolder(): string {
    const dataDir = tempDir();
    fs.copyFileSync(path.join(FIXTURE, CACHE_FILE_NAME), path.join(dataDir, CACHE_FILE_NAME));
    return dataDir;
  }

  function legacyCounts(file: string): Record<string, number> {
    const db = new Database(file, { readonly: true });
    try {
      return Object.fromEntries(
        ['settings', 'profiles', 'token_history', 'sync_runs', 'token_writes', 'tokens', 'zones'].map((t) => [
          t,
          count(db, t),
        ]),
      );
    } finally {
      db.close();
    }
  }

  it('moves profiles, settings, history and runs into the profile store and keeps the snapshot', async () => {
    const dataDir = fixtureFolder();
    const legacy = legacyCounts(path.join(dataDir, CACHE_FILE_NAME));
    expect(legacy.profiles).toBe(3);
    const secrets = spyStore();
    const { core } = makeCore({ dataDir, secrets });
    expect(core.context.dataEvents).toEqual([]);
    const db = core.context.db();
    for (const table of ['settings', 'profiles', 'token_history', 'sync_runs', 'token_writes'])
      expect(count(db, `main.${table}`)).toBe(legacy[table]);
    for (const table of ['tokens', 'zones']) expect(count(db, `cache.${table}`)).toBe(legacy[table]);
    const profiles = (await core.dispatch('profiles.list', {})) as Result<Profile[]>;
    expect(profiles).toMatchObject({ ok: true });
    if (!profiles.ok) return;
    expect(profiles.value.map((p) => p.id).sort()).toEqual(fixture.profiles.map((p) => p.profileId).sort());
    expect(profiles.value.map((p) => p.label)).toContain('Alice (personal, renamed)');
    expect(profiles.value.every((p) => p.lastSyncAt !== null && p.lastSyncOutcome === 'ok')).toBe(true);
    await expect(core.dispatch('settings.get', {})).resolves.toMatchObject({
      ok: true,
      value: { clipboardClearSeconds: 45 },
    });
    const tokens = (await core.dispatch('tokens.list', {})) as Result<unknown[]>;
    expect(tokens.ok && tokens.value.length).toBe(legacy.tokens);
    expectKeychainUntouched(secrets);
    core.close();
    expect(tablesOf(path.join(dataDir, CACHE_FILE_NAME))).not.toContain('profiles');
    expect(fs.existsSync(path.join(dataDir, `${PROFILE_STORE_FILE_NAME}.partial`))).toBe(false);
  });

  it('finishes an upgrade interrupted after the copy without copying twice', () => {
    const dataDir = fixtureFolder();
    const legacyFile = path.join(dataDir, CACHE_FILE_NAME);
    const legacy = legacyCounts(legacyFile);
    // The crash: the store was written and renamed, the cache's own migration never ran.
    splitLegacyFile(legacyFile, path.join(dataDir, PROFILE_STORE_FILE_NAME), PROFILE_STORE_MIGRATIONS);
    const opened = openDataFiles({ dataDir, now });
    const db = opened.db;
    expect(db).not.toBeNull();
    if (!db) return;
    expect(count(db, 'main.profiles')).toBe(legacy.profiles);
    expect(count(db, 'main.token_history')).toBe(legacy.token_history);
    expect(db.pragma('cache.user_version', { simple: true })).toBe(CACHE_SCHEMA_VERSION);
    db.close();
  });

  it('starts the copy over when a previous attempt died half way', () => {
    const dataDir = fixtureFolder();
    fs.writeFileSync(path.join(dataDir, `${PROFILE_STORE_FILE_NAME}.partial`), crypto.randomBytes(4096));
    const opened = openDataFiles({ dataDir, now });
    expect(opened.events).toEqual([]);
    expect(opened.db && count(opened.db, 'profiles')).toBe(3);
    opened.db?.close();
  });

  it('an unreadable single-file folder says the profiles are gone, not that they are intact', () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, CACHE_FILE_NAME), crypto.randomBytes(16 * 1024));
    const opened = openDataFiles({ dataDir, now });
    expect(opened.events).toMatchObject([
      { store: 'profiles', kind: 'corrupt_moved', message: { key: 'outcomes.dataFile.profilesMoved' } },
    ]);
    opened.db?.close();
  });
});
