/**
 * Start failures in plain Node: the sentence for a real failed migration, and where the log goes
 * when the data folder cannot take it (SECURITY.md 28; the Electron side is in
 * test/shell/electron-shell-start.test.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  describeStartFailure,
  describeStartFailureLog,
  recordStartFailure,
} from '../../../src/main/core/app/start-failure';
import { openDataFiles, PROFILE_STORE_FILE_NAME } from '../../../src/main/core/db/data-files';
import { MigrationError } from '../../../src/main/core/db/migration-error';
import {
  PROFILE_STORE_MIGRATIONS,
  PROFILE_STORE_SCHEMA_VERSION,
} from '../../../src/main/core/db/profile-store-migrations';

const now = (): Date => new Date('2026-03-01T10:00:00.000Z');

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'keyflare-start-failure-'));
}

/** What opening the data folder throws when a profile-store migration fails. */
function failedMigration(dataDir: string): unknown {
  openDataFiles({ dataDir, now }).db?.close();
  const broken = [
    ...PROFILE_STORE_MIGRATIONS,
    {
      version: PROFILE_STORE_SCHEMA_VERSION + 1,
      description: 'tags on profiles',
      sql: 'ALTER TABLE no_such_table ADD COLUMN tags TEXT;',
    },
  ];
  try {
    openDataFiles({ dataDir, now, profileStoreMigrations: broken }).db?.close();
  } catch (error) {
    return error;
  }
  throw new Error('the broken migration unexpectedly worked');
}

describe('a failed migration', () => {
  it('names the file, the step and the data folder, and says the file was left as it was', () => {
    const dataDir = tempDir();
    const error = failedMigration(dataDir);
    expect(error).toBeInstanceOf(MigrationError);
    expect(describeStartFailure(error, dataDir)).toEqual({
      code: 'MIGRATION_FAILED',
      message:
        `Keyflare could not update ${PROFILE_STORE_FILE_NAME} in ${dataDir} to this version: ` +
        `step ${PROFILE_STORE_SCHEMA_VERSION + 1} (tags on profiles) failed with SQLITE_ERROR. The file was ` +
        'left as it was, so the previous version of Keyflare still opens it. Please report this with the log.',
    });
  });
});

describe('the start-failure log', () => {
  const failure = { code: 'ENOTDIR', message: 'Keyflare cannot create its data folder.' };

  it('goes to the first folder that takes it and says which file', () => {
    const blocker = path.join(tempDir(), 'file');
    fs.writeFileSync(blocker, '');
    const fallback = tempDir();
    const lines: string[] = [];
    const log = recordStartFailure(new Error('boom'), failure, {
      logDirs: [path.join(blocker, 'logs'), null, fallback],
      now,
      stderr: (line) => lines.push(line),
    });
    expect(log).toEqual({ kind: 'file', file: path.join(fallback, 'keyflare.log') });
    expect(describeStartFailureLog(log)).toBe(
      `Details are in the log file ${path.join(fallback, 'keyflare.log')}.`,
    );
    const written = fs.readFileSync(path.join(fallback, 'keyflare.log'), 'utf8');
    expect(JSON.parse(written)).toMatchObject({
      at: '2026-03-01T10:00:00.000Z',
      level: 'error',
      message: 'start failed',
      code: 'ENOTDIR',
      error: 'Error: boom',
    });
    expect(lines).toEqual([written.trim()]);
  });

  it('falls back to stderr alone when no folder takes it', () => {
    const blocker = path.join(tempDir(), 'file');
    fs.writeFileSync(blocker, '');
    const lines: string[] = [];
    const log = recordStartFailure(new Error('boom'), failure, {
      logDirs: [path.join(blocker, 'logs')],
      stderr: (line) => lines.push(line),
    });
    expect(log).toEqual({ kind: 'stderr' });
    expect(lines).toHaveLength(1);
    expect(describeStartFailureLog(log)).toContain('standard error output');
  });

  it('scrubs anything shaped like a secret from the error it logs', () => {
    const dir = tempDir();
    const secret = `cfut_${'a'.repeat(40)}`;
    const lines: string[] = [];
    recordStartFailure(new Error(`request failed with Bearer ${secret}`), failure, {
      logDirs: [dir],
      stderr: (line) => lines.push(line),
    });
    const written = fs.readFileSync(path.join(dir, 'keyflare.log'), 'utf8');
    expect(written).toContain('[redacted]');
    expect(written).not.toContain(secret);
    expect(lines.join('\n')).not.toContain(secret);
  });
});
