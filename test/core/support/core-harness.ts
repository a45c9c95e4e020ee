/**
 * Test harness for the core: temp data folders, a recording secret store, cores closed after
 * each test, and a dump of every row that belongs to a profile.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { vi, type Mock } from 'vitest';
import { createCore, type Core, type CoreOptions } from '../../../src/main/core';
import type { Db } from '../../../src/main/core/db/sqlite-file';
import { createMemoryStore, type MemoryStore } from '../../../src/main/core/secrets/memory-store';
import type { SecretStore } from '../../../src/main/core/secrets/secret-store';
import type { EventName } from '../../../src/shared/channels';
import { AppError } from '../../../src/shared/errors';
import { msg } from '../../../src/shared/i18n/message';

export function tempDir(prefix = 'keyflare-core-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A SecretStore whose every member is a vi.fn the test can inspect. */
export type SpyStore = { [K in keyof SecretStore]: Mock<SecretStore[K]> };

/** Wraps a store so every call is recorded. */
export function spyStore(inner: SecretStore = createMemoryStore()): SpyStore {
  return {
    get: vi.fn((account: string) => inner.get(account)),
    set: vi.fn((account: string, secret: string) => inner.set(account, secret)),
    delete: vi.fn((account: string) => inner.delete(account)),
    list: vi.fn((prefix: string) => inner.list(prefix)),
    status: vi.fn(() => inner.status()),
  };
}

/** A store that throws on every call, as a broken keychain would. */
export function throwingStore(): SpyStore {
  const fail = (): Promise<never> =>
    Promise.reject(new AppError('KEYCHAIN_UNAVAILABLE', msg('errors.keychain.testStore')));
  return { get: vi.fn(fail), set: vi.fn(fail), delete: vi.fn(fail), list: vi.fn(fail), status: vi.fn(fail) };
}

export interface EmittedEvent {
  event: EventName;
  payload: unknown;
}

export interface Harness {
  core: Core;
  dataDir: string;
  secrets: SecretStore;
  events: EmittedEvent[];
}

const open: Core[] = [];

export function makeCore(options: Partial<CoreOptions> & { secrets?: SecretStore } = {}): Harness {
  const dataDir = options.dataDir ?? tempDir();
  const secrets = options.secrets ?? createMemoryStore();
  const events: EmittedEvent[] = [];
  const core = createCore({
    appVersion: '0.0.0-test',
    cloudflare: { backoffBaseMs: 20, timeoutMs: 5000 },
    ...options,
    dataDir,
    secrets,
    emit: (event, payload) => events.push({ event, payload }),
  });
  open.push(core);
  return { core, dataDir, secrets, events };
}

export function closeAllCores(): void {
  for (const core of open.splice(0)) core.close();
}

export function memoryStore(): MemoryStore {
  return createMemoryStore();
}

/** Every row of every table that belongs to the profile, as text: compares snapshots byte for byte. */
export function dumpProfileRows(db: Db, profileId: string): string {
  const tables = [
    'profiles',
    'accounts',
    'zones',
    'permission_groups',
    'tokens',
    'policies',
    'policy_permission_groups',
    'policy_resources',
    'token_history',
    'verify_results',
    'token_writes',
  ];
  const out: string[] = [];
  for (const table of tables) {
    const column = table === 'profiles' ? 'id' : 'profile_id';
    // Sorted as text: some tables have no rowid, and the order rows were written in is not data.
    const rows = db
      .prepare(`SELECT * FROM ${table} WHERE ${column} = ?`)
      .all(profileId)
      .map((row) => JSON.stringify(row))
      .sort();
    out.push(`${table}:${rows.join('\n')}`);
  }
  return out.join('\n');
}

export function countRows(db: Db, table: string, profileId: string): number {
  const column = table === 'profiles' ? 'id' : 'profile_id';
  return (
    db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${column} = ?`).get(profileId) as { n: number }
  ).n;
}
