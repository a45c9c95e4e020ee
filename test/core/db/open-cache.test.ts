/**
 * The cache file: WAL, migrations, and what happens to broken or newer files.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { CACHE_FILE_NAME, openCache } from '../../../src/main/core/db/open-cache';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../src/main/core/db/migrations';
import { closeAllCores, makeCore, spyStore, tempDir } from '../support/core-harness';

afterEach(() => closeAllCores());

const now = (): Date => new Date('2026-03-01T10:00:00.000Z');

function writeCacheWith(dataDir: string, bytes: Buffer): string {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, CACHE_FILE_NAME);
  fs.writeFileSync(file, bytes);
  return file;
}

describe('opening the cache', () => {
  it('turns WAL and foreign keys on and brings user_version to the latest migration', () => {
    const { core } = makeCore();
    const db = core.context.db();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('moves a file of random bytes aside, starts fresh, says so and never touches the keychain', async () => {
    const dataDir = tempDir();
    const garbage = crypto.randomBytes(64 * 1024);
    writeCacheWith(dataDir, garbage);
    const secrets = spyStore();
    const { core, events } = makeCore({ dataDir, secrets });
    const info = await core.dispatch('app.info', {});
    expect(info).toMatchObject({
      ok: true,
      value: { cacheEvent: { kind: 'corrupt_moved', message: expect.stringContaining('moved it aside') } },
    });
    const movedTo = core.context.cacheEvent?.movedTo ?? [];
    expect(movedTo).toHaveLength(1);
    expect(fs.readFileSync(movedTo[0] ?? '')).toEqual(garbage);
    expect(events).toContainEqual({
      event: 'cache.reset',
      payload: expect.objectContaining({ kind: 'corrupt_moved' }),
    });
    await expect(core.dispatch('profiles.list', {})).resolves.toEqual({ ok: true, value: [] });
    expect(secrets.get).not.toHaveBeenCalled();
    expect(secrets.set).not.toHaveBeenCalled();
    expect(secrets.delete).not.toHaveBeenCalled();
    expect(secrets.list).not.toHaveBeenCalled();
  });

  it('moves a truncated database aside and starts a fresh, working one', () => {
    const dataDir = tempDir();
    const first = openCache({ dataDir, now });
    first.db.exec("INSERT INTO settings (key, value) VALUES ('theme', '\"dark\"')");
    first.db.pragma('wal_checkpoint(TRUNCATE)');
    first.db.close();
    const file = path.join(dataDir, CACHE_FILE_NAME);
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 3) + 100));
    const reopened = openCache({ dataDir, now });
    expect(reopened.event?.kind).toBe('corrupt_moved');
    expect(reopened.event?.movedTo.map((p) => path.basename(p))).toEqual([
      `${CACHE_FILE_NAME}.corrupt-2026-03-01T10-00-00-000Z`,
    ]);
    expect(fs.readFileSync(reopened.event?.movedTo[0] ?? '').length).toBe(Math.floor(bytes.length / 3) + 100);
    expect(reopened.db.prepare('SELECT count(*) AS n FROM settings').get()).toEqual({ n: 0 });
    reopened.db.close();
  });

  it('refuses a cache from a newer Keyflare: starts, says so, leaves the file byte-for-byte alone, never touches the keychain', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, CACHE_FILE_NAME);
    const newer = new Database(file);
    newer.pragma('journal_mode = DELETE');
    newer.exec('CREATE TABLE future (x TEXT)');
    newer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    newer.close();
    const before = fs.readFileSync(file);
    const secrets = spyStore();
    const { core, events } = makeCore({ dataDir, secrets });
    expect(core.context.cacheEvent).toMatchObject({
      kind: 'newer_schema',
      message: expect.stringContaining('newer version of Keyflare'),
    });
    expect(events).toContainEqual({
      event: 'cache.reset',
      payload: expect.objectContaining({ kind: 'newer_schema' }),
    });
    await expect(core.dispatch('profiles.list', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'CACHE_NEWER' },
    });
    await expect(core.dispatch('tokens.list', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'CACHE_NEWER' },
    });
    await expect(core.dispatch('sync.start', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'CACHE_NEWER' },
    });
    await expect(
      core.dispatch('profiles.add', {
        label: 'x',
        credential: { kind: 'api_token', token: 'cfut_aaaaaaaaaaaaaaaaaaaaaaaaaaaa' },
      }),
    ).resolves.toMatchObject({ ok: false, error: { code: 'CACHE_NEWER' } });
    core.close();
    expect(fs.readFileSync(file)).toEqual(before);
    expect(fs.readdirSync(dataDir).filter((f) => f.startsWith(CACHE_FILE_NAME))).toEqual([CACHE_FILE_NAME]);
    for (const method of ['get', 'set', 'delete', 'list', 'status'] as const)
      expect(secrets[method]).not.toHaveBeenCalled();
  });

  it('applies each migration atomically: a failing migration leaves the previous version intact', () => {
    const dataDir = tempDir();
    const first = openCache({ dataDir, now, migrations: MIGRATIONS.slice(0, 1) });
    first.db.exec("INSERT INTO settings (key, value) VALUES ('theme', '\"dark\"')");
    first.db.close();
    const broken = [
      ...MIGRATIONS,
      {
        version: MIGRATIONS.length + 1,
        description: 'broken',
        sql: 'CREATE TABLE half_done (x TEXT); INSERT INTO no_such_table VALUES (1);',
      },
    ];
    expect(() => openCache({ dataDir, now, migrations: broken })).toThrow(/no such table/u);
    const check = new Database(path.join(dataDir, CACHE_FILE_NAME));
    // Migrations before the broken one landed, each in its own transaction; the broken one left nothing.
    expect(check.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(check.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").all()).toEqual([]);
    expect(check.prepare('SELECT value FROM settings').all()).toEqual([{ value: '"dark"' }]);
    check.close();
  });
});
