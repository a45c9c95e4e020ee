/**
 * How the Electron shell starts or refuses to: a failed start says why (SECURITY.md 28), a packaged
 * build refuses debugging switches (27), and the demo's keychain service reaches only an
 * unpackaged build. Asserted against the mocked `electron` module of ./support/fake-electron.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { AppError } from '../../src/shared/errors';
import type * as CoreModule from '../../src/main/core';
import type * as KeytarStoreModule from '../../src/main/core/secrets/keytar-store';
import { MigrationError } from '../../src/main/core/db/migration-error';
import { fakes, resetFakes } from './support/fake-electron';
import { msg } from '../../src/shared/i18n/message';

vi.mock('electron', async () => (await import('./support/fake-electron')).fakeElectronModule());
vi.mock('../../src/main/core', async (importOriginal) => {
  const actual = await importOriginal<typeof CoreModule>();
  return { ...actual, createCore: vi.fn(actual.createCore) };
});
vi.mock('../../src/main/core/secrets/keytar-store', async (importOriginal) => {
  const actual = await importOriginal<typeof KeytarStoreModule>();
  return { ...actual, createKeytarStore: vi.fn(actual.createKeytarStore) };
});

const { startKeyflare, keychainServiceOverride } = await import('../../src/main/electron/bootstrap');
const { findDebugSwitch } = await import('../../src/main/electron/debug-switches');
const { createCore } = await import('../../src/main/core');
const { createKeytarStore } = await import('../../src/main/core/secrets/keytar-store');

const PATHS = { preload: '/p.cjs', renderer: '/r' };
const ARGV = ['/opt/Keyflare/keyflare', '/opt/Keyflare/resources/app.asar'];

function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** An error shaped exactly like the ones node:fs throws (see uvException in Node's internals). */
function fsError(code: string, errno: number, text: string, syscall: string, file: string): Error {
  return Object.assign(new Error(`${code}: ${text}, ${syscall} '${file}'`), {
    errno,
    code,
    syscall,
    path: file,
  });
}

/** A real better-sqlite3 error, with the message SQLite gives for that code. */
function sqliteError(message: string, code: string): Error {
  return new Database.SqliteError(message, code);
}

/** What SQLite really throws when a migration's SQL fails, wrapped as the migration runner wraps it. */
function migrationError(): MigrationError {
  const db = new Database(':memory:');
  try {
    db.exec('ALTER TABLE tokens ADD COLUMN secret_kept INTEGER');
  } catch (error) {
    return new MigrationError(
      { version: 4, description: 'secret_kept flag' },
      error,
      'keyflare-cache.sqlite',
    );
  } finally {
    db.close();
  }
  throw new Error('the broken migration unexpectedly worked');
}

/** Starts the shell and waits until it has exited; returns the error box's title and text. */
async function failedStart(argv: readonly string[] = ARGV): Promise<{ title: string; text: string }> {
  startKeyflare(PATHS, argv);
  await vi.waitFor(() => expect(fakes.app.exit).toHaveBeenCalledWith(1));
  expect(fakes.dialog.showErrorBox).toHaveBeenCalledTimes(1);
  const [title, text] = fakes.dialog.showErrorBox.mock.calls[0] as [string, string];
  return { title, text };
}

const unhandled = vi.fn();
let dataDir: string;
let stderr: MockInstance<typeof process.stderr.write>;

beforeEach(() => {
  resetFakes();
  vi.mocked(createCore).mockClear();
  vi.mocked(createKeytarStore).mockClear();
  dataDir = tempDir('keyflare-start-');
  fakes.state.paths.set('userData', dataDir);
  fakes.state.paths.set('logs', tempDir('keyflare-electron-logs-'));
  process.on('unhandledRejection', unhandled);
  stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});

afterEach(() => {
  fakes.appListeners.get('will-quit')?.();
  process.off('unhandledRejection', unhandled);
  stderr.mockRestore();
  expect(unhandled).not.toHaveBeenCalled();
});

describe('a failed start', () => {
  const cases: { name: string; error: () => unknown; says: RegExp }[] = [
    {
      name: 'EACCES',
      error: () => fsError('EACCES', -13, 'permission denied', 'mkdir', path.join(dataDir, 'logs')),
      says: /not allowed to read or write its data folder/u,
    },
    {
      name: 'EPERM',
      error: () => fsError('EPERM', -1, 'operation not permitted', 'open', path.join(dataDir, 'x.sqlite')),
      says: /not allowed to read or write its data folder/u,
    },
    {
      name: 'ENOSPC',
      error: () => fsError('ENOSPC', -28, 'no space left on device', 'write', path.join(dataDir, 'logs')),
      says: /disk that holds Keyflare's data folder .* is full/u,
    },
    {
      name: 'ENOTDIR',
      error: () => fsError('ENOTDIR', -20, 'not a directory', 'mkdir', path.join(dataDir, 'logs')),
      says: /cannot create its data folder .*: part of that path is a file, not a folder/u,
    },
    {
      name: 'EROFS',
      error: () => fsError('EROFS', -30, 'read-only file system', 'mkdir', path.join(dataDir, 'logs')),
      says: /on a read-only file system/u,
    },
    {
      name: 'SQLITE_BUSY',
      error: () => sqliteError('database is locked', 'SQLITE_BUSY'),
      says: /locked by another program/u,
    },
    {
      name: 'SQLITE_LOCKED',
      error: () => sqliteError('database table is locked', 'SQLITE_LOCKED'),
      says: /locked by another program/u,
    },
    {
      name: 'SQLITE_READONLY',
      error: () => sqliteError('attempt to write a readonly database', 'SQLITE_READONLY'),
      says: /can be read but not written/u,
    },
    {
      name: 'SQLITE_READONLY_DBMOVED',
      error: () => sqliteError('attempt to write a readonly database', 'SQLITE_READONLY_DBMOVED'),
      says: /can be read but not written/u,
    },
    {
      name: 'SQLITE_FULL',
      error: () => sqliteError('database or disk is full', 'SQLITE_FULL'),
      says: /disk that holds Keyflare's data folder .* is full/u,
    },
    {
      name: 'a failed migration',
      error: migrationError,
      says: /could not update keyflare-cache\.sqlite in .* step 4 \(secret_kept flag\) failed with SQLITE_ERROR\. The file was left as it was/u,
    },
    {
      name: 'a CACHE_NEWER AppError',
      error: () =>
        new AppError(
          'CACHE_NEWER',
          msg('errors.cache.newerSchema', { store: 'cache', current: 9, latest: 3 }),
        ),
      says: /written by a newer version of Keyflare \(schema 9, this version knows 3\)\. .*\(data folder: /u,
    },
    {
      name: 'anything else',
      error: () => new TypeError("Cannot read properties of undefined (reading 'prepare')"),
      says: /^Keyflare could not start\. Its data folder is /u,
    },
  ];

  for (const { name, error, says } of cases) {
    it(`${name}: shows an error box naming the cause and the data folder, logs it and exits with 1`, async () => {
      const thrown = error();
      vi.mocked(createCore).mockImplementationOnce(() => {
        throw thrown;
      });
      const box = await failedStart();
      expect(box.title).toBe('Keyflare could not start');
      expect(box.text).toMatch(says);
      expect(box.text).toContain(dataDir);
      // The data folder took the log, and the box says where it is.
      const log = path.join(dataDir, 'logs', 'keyflare.log');
      expect(box.text).toContain(`Details are in the log file ${log}.`);
      expect(fs.readFileSync(log, 'utf8')).toContain('"message":"start failed"');
      expect(fakes.state.windows).toHaveLength(0);
      expect(fakes.app.quit).not.toHaveBeenCalled();
    });
  }

  it('a data folder under a regular file: the real ENOTDIR, logged where Electron keeps logs', async () => {
    const file = path.join(tempDir('keyflare-start-file-'), 'not-a-folder');
    fs.writeFileSync(file, 'I am a file');
    const underFile = path.join(file, 'Keyflare');
    fakes.state.paths.set('userData', underFile);
    const box = await failedStart();
    expect(box.text).toContain(
      `Keyflare cannot create its data folder ${underFile}: part of that path, ${file}, is a file, not a folder.`,
    );
    const log = path.join(fakes.state.paths.get('logs')!, 'keyflare.log');
    expect(box.text).toContain(`Details are in the log file ${log}.`);
    const line = JSON.parse(fs.readFileSync(log, 'utf8').trim()) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 'error', message: 'start failed', code: 'ENOTDIR' });
    expect(fs.readFileSync(file, 'utf8')).toBe('I am a file');
  });

  it('says the details went to stderr when no log folder takes them', async () => {
    const file = path.join(tempDir('keyflare-start-file-'), 'blocker');
    fs.writeFileSync(file, '');
    fakes.state.paths.set('userData', path.join(file, 'Keyflare'));
    fakes.state.paths.delete('logs');
    const box = await failedStart();
    const written = stderr.mock.calls.map(([chunk]) => String(chunk)).join('');
    expect(box.text).toContain(
      'No log file could be written; the details went to the standard error output.',
    );
    expect(written).toContain('"code":"ENOTDIR"');
  });

  it('a failure after the core opened (the window) closes the core and still exits with the box', async () => {
    fakes.state.windowError = new Error('Failed to create the window');
    const box = await failedStart();
    expect(box.text).toMatch(/^Keyflare could not start\. Its data folder is /u);
    const core = vi.mocked(createCore).mock.results[0]?.value as { context: { db(): { open: boolean } } };
    expect(core.context.db().open).toBe(false);
  });

  it('a failure before ready (registering app://) ends in the same box, not an uncaught exception', async () => {
    fakes.protocol.registerSchemesAsPrivileged.mockImplementationOnce(() => {
      throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    });
    const box = await failedStart();
    expect(box.text).toMatch(/^Keyflare could not start\. Its data folder is /u);
    expect(fakes.app.whenReady).not.toHaveBeenCalled();
  });

  it('a page that fails to load ends the start the same way, never as an unhandled rejection', async () => {
    fakes.state.loadError = Object.assign(
      new Error("ERR_FILE_NOT_FOUND (-6) loading 'app://keyflare/index.html'"),
      { code: 'ERR_FILE_NOT_FOUND', errno: -6, url: 'app://keyflare/index.html' },
    );
    const box = await failedStart();
    expect(fakes.state.windows).toHaveLength(1);
    expect(box.text).toMatch(/^Keyflare could not start \(ERR_FILE_NOT_FOUND\)\. Its data folder is /u);
  });
});

describe('debugging switches', () => {
  const SWITCHES = [
    'remote-debugging-port',
    'remote-debugging-pipe',
    'inspect',
    'inspect-brk',
    'inspect-port',
    'inspect-brk-node',
    'remote-allow-origins',
    'js-flags',
  ];

  /**
   * Starts with `extra` in argv (and `parsed` as switches only Chromium saw); true when the start
   * was refused before anything opened.
   */
  async function refused(extra: readonly string[], parsed: readonly string[] = []): Promise<boolean> {
    resetFakes();
    fakes.state.paths.set('userData', dataDir);
    for (const name of parsed) fakes.state.switches.add(name);
    startKeyflare(PATHS, [...ARGV, ...extra]);
    if (fakes.app.exit.mock.calls.length === 0) {
      await vi.waitFor(() => expect(fakes.state.windows).toHaveLength(1));
      fakes.appListeners.get('will-quit')?.();
      return false;
    }
    expect(fakes.app.exit).toHaveBeenCalledWith(1);
    expect(fakes.app.enableSandbox).not.toHaveBeenCalled();
    expect(fakes.app.whenReady).not.toHaveBeenCalled();
    expect(fakes.app.requestSingleInstanceLock).not.toHaveBeenCalled();
    return true;
  }

  for (const name of SWITCHES) {
    it(`a packaged build refuses --${name}, as --${name}=1 and as --${name} 1, with an error box`, async () => {
      for (const form of [[`--${name}=1`], [`--${name}`, '1']]) {
        expect(await refused(form)).toBe(true);
        expect(fakes.dialog.showErrorBox).toHaveBeenCalledWith(
          'Keyflare could not start',
          expect.stringContaining(`does not start with the debugging switch --${name}:`),
        );
      }
      expect(createCore).not.toHaveBeenCalled();
      expect(fakes.state.windows).toHaveLength(0);
    });

    it(`an unpackaged build still starts with --${name}=1 and --${name} 1`, async () => {
      for (const form of [[`--${name}=1`], [`--${name}`, '1']]) {
        fakes.app.isPackaged = false;
        fakes.state.paths.set('userData', dataDir);
        startKeyflare(PATHS, [...ARGV, ...form]);
        await vi.waitFor(() => expect(fakes.state.windows).toHaveLength(1));
        expect(fakes.dialog.showErrorBox).not.toHaveBeenCalled();
        expect(fakes.app.exit).not.toHaveBeenCalled();
        fakes.appListeners.get('will-quit')?.();
        resetFakes();
      }
    });
  }

  it('a packaged build refuses a switch only Chromium parsed (app.commandLine.hasSwitch)', async () => {
    expect(await refused([], ['remote-debugging-port'])).toBe(true);
    expect(fakes.app.commandLine.hasSwitch).toHaveBeenCalledWith('remote-debugging-port');
  });

  it('a packaged build starts with an ordinary command line', async () => {
    expect(await refused(['--no-sandbox-typo-is-not-debugging', '--lang=de'])).toBe(false);
    expect(fakes.dialog.showErrorBox).not.toHaveBeenCalled();
  });

  it('spots every spelling Chromium accepts: one dash, upper case and /switch on Windows', () => {
    const none = (): boolean => false;
    expect(findDebugSwitch(['-remote-debugging-port=9222'], none, 'linux')).toBe('--remote-debugging-port');
    expect(findDebugSwitch(['--Inspect-Wait'], none, 'linux')).toBe('--inspect-wait');
    expect(findDebugSwitch(['/REMOTE-DEBUGGING-PIPE'], none, 'win32')).toBe('--remote-debugging-pipe');
    expect(findDebugSwitch(['/remote-debugging-pipe'], none, 'linux')).toBeNull();
    expect(findDebugSwitch(['--remote-debugging-address=0.0.0.0', '--lang=de'], none, 'linux')).toBeNull();
  });
});

describe('keychain service', () => {
  it('an unpackaged build keeps its secrets under --keyflare-keychain-service (npm run demo)', async () => {
    fakes.app.isPackaged = false;
    startKeyflare(PATHS, [
      ...ARGV,
      `--keyflare-data-dir=${dataDir}`,
      '--keyflare-keychain-service=Keyflare Demo',
    ]);
    await vi.waitFor(() => expect(fakes.state.windows).toHaveLength(1));
    expect(createKeytarStore).toHaveBeenCalledWith({ service: 'Keyflare Demo' });
    const store = vi.mocked(createKeytarStore).mock.results[0]?.value as unknown;
    expect(vi.mocked(createCore).mock.calls[0]?.[0]).toMatchObject({ dataDir, secrets: store });
  });

  it('a packaged build ignores the switch and uses the real service', async () => {
    startKeyflare(PATHS, [...ARGV, '--keyflare-keychain-service=Keyflare Demo']);
    await vi.waitFor(() => expect(fakes.state.windows).toHaveLength(1));
    expect(createKeytarStore).not.toHaveBeenCalledWith({ service: 'Keyflare Demo' });
    expect(vi.mocked(createCore).mock.calls[0]?.[0]).not.toHaveProperty('secrets');
    expect(keychainServiceOverride(true, ['--keyflare-keychain-service=Keyflare Demo'])).toBeNull();
  });

  it('takes only a plain, non-empty name', () => {
    expect(keychainServiceOverride(false, ['--keyflare-keychain-service=Keyflare Demo'])).toBe(
      'Keyflare Demo',
    );
    expect(keychainServiceOverride(false, ['--keyflare-keychain-service='])).toBeNull();
    expect(keychainServiceOverride(false, ['--keyflare-keychain-service=a\nb'])).toBeNull();
    expect(keychainServiceOverride(false, [`--keyflare-keychain-service=${'x'.repeat(101)}`])).toBeNull();
    expect(keychainServiceOverride(false, ['electron'])).toBeNull();
  });
});
