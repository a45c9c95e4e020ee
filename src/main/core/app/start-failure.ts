/**
 * Start failures: why Keyflare could not open its data folder, in one plain sentence, and a log of it.
 *
 * A start that fails before the window exists has no UI to report into, so the shell shows an
 * error box and the command line prints to stderr; both take their words from here. Every
 * sentence names the data folder, because that is what the person has to look at. The raw error
 * (with its stack) goes only to the log: it is scrubbed like every other log line and may
 * reveal paths or SQL a dialog has no use for.
 *
 * The core's own log lives in the data folder, which may be the very thing that failed, so the
 * failure is written to the first log file that accepts it and the caller is told where it went.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { MigrationError } from '../db/migration-error';
import { scrub } from '../logger';

export interface StartFailure {
  /** The code behind the failure: an errno or SQLite code, an AppError code, MIGRATION_FAILED or UNKNOWN. */
  code: string;
  /** What happened, where, and what to do — for an error box or stderr. */
  message: string;
}

function codeOf(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.length > 0 ? code : null;
}

/** The path an fs error names, when it differs from the data folder itself. */
function otherPath(error: unknown, dataDir: string): string | null {
  const file = (error as { path?: unknown } | null)?.path;
  if (typeof file !== 'string' || file.length === 0) return null;
  return path.resolve(file) === path.resolve(dataDir) ? null : file;
}

/** The file that stands where a folder of `target`'s path should be (what ENOTDIR means). */
function fileInTheWay(target: string): string | null {
  for (let at = path.resolve(target); at !== path.dirname(at); at = path.dirname(at)) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(at);
    } catch {
      continue; // Not there (or not reachable): look one level up.
    }
    // The first thing that exists decides: a folder means nothing above it is in the way.
    return stat.isDirectory() ? null : at;
  }
  return null;
}

/** A SQLite code matches its family: SQLITE_READONLY_DBMOVED is a SQLITE_READONLY. */
function sqliteFamily(code: string, family: string): boolean {
  return code === family || code.startsWith(`${family}_`);
}

/** The sentence for a known cause, or null when the code is not one Keyflare can explain. */
function knownCause(code: string, error: unknown, dataDir: string): string | null {
  const where = otherPath(error, dataDir);
  const at = where ? ` (at ${where})` : '';
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return (
        `Keyflare is not allowed to read or write its data folder ${dataDir}${at}. ` +
        'Check that your user owns the folder and may write to it, then start Keyflare again.'
      );
    case 'ENOSPC':
      return `The disk that holds Keyflare's data folder ${dataDir} is full. Free some space, then start Keyflare again.`;
    case 'ENOTDIR': {
      const file = fileInTheWay(where ?? dataDir);
      return (
        `Keyflare cannot create its data folder ${dataDir}: part of that path${file ? `, ${file},` : ''} ` +
        'is a file, not a folder. Move or rename that file, then start Keyflare again.'
      );
    }
    case 'EROFS':
      return (
        `Keyflare's data folder ${dataDir} is on a read-only file system. ` +
        'Remount that disk writable (or move the folder to one that is), then start Keyflare again.'
      );
  }
  if (sqliteFamily(code, 'SQLITE_BUSY') || sqliteFamily(code, 'SQLITE_LOCKED'))
    return (
      `Keyflare's data in ${dataDir} is locked by another program — another Keyflare, a backup or a ` +
      'file-sync tool. Close it or wait for it to finish, then start Keyflare again.'
    );
  if (sqliteFamily(code, 'SQLITE_READONLY'))
    return (
      `Keyflare's data folder ${dataDir} can be read but not written. Check that your user may ` +
      'write to the folder and to the .sqlite files in it, then start Keyflare again.'
    );
  if (sqliteFamily(code, 'SQLITE_FULL'))
    return `The disk that holds Keyflare's data folder ${dataDir} is full. Free some space, then start Keyflare again.`;
  return null;
}

/** Explains why Keyflare could not open `dataDir`, in words a person can act on. */
export function describeStartFailure(error: unknown, dataDir: string): StartFailure {
  if (error instanceof MigrationError) {
    const causeCode = codeOf(error.cause);
    const known = causeCode ? knownCause(causeCode, error.cause, dataDir) : null;
    if (causeCode && known) return { code: causeCode, message: known };
    return {
      code: 'MIGRATION_FAILED',
      message:
        `Keyflare could not update ${error.file ? path.basename(error.file) : 'its data'} in ${dataDir} ` +
        `to this version: step ${error.version} (${error.description}) failed` +
        `${causeCode ? ` with ${causeCode}` : ''}. The file was left as it was, so the previous version ` +
        'of Keyflare still opens it. Please report this with the log.',
    };
  }
  if (error instanceof AppError)
    return { code: error.code, message: `${error.message} (data folder: ${dataDir})` };
  const code = codeOf(error);
  const known = code ? knownCause(code, error, dataDir) : null;
  if (code && known) return { code, message: known };
  return {
    code: code ?? 'UNKNOWN',
    message:
      `Keyflare could not start${code ? ` (${code})` : ''}. Its data folder is ${dataDir}: check that ` +
      'the folder exists and your user may write to it, then start Keyflare again.',
  };
}

/** Where a start failure was recorded: a log file, or stderr when no log file would take it. */
export type StartFailureLog = { kind: 'file'; file: string } | { kind: 'stderr' };

export interface RecordStartFailureOptions {
  /** Log folders to try in order, e.g. the data folder's `logs` and the platform's log folder. */
  logDirs: readonly (string | null)[];
  now?: () => Date;
  /** Where the line also goes, and the last resort; defaults to process.stderr. */
  stderr?: (line: string) => void;
}

function errorFields(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: String(error) };
  const cause = error.cause instanceof Error ? { cause: `${error.cause.name}: ${error.cause.message}` } : {};
  return { error: `${error.name}: ${error.message}`, stack: error.stack ?? null, ...cause };
}

/**
 * Writes the failure as one scrubbed JSON line to the first log folder that accepts it, and to
 * stderr. Never throws: a failure to log must not hide the failure being logged.
 */
export function recordStartFailure(
  error: unknown,
  failure: StartFailure,
  options: RecordStartFailureOptions,
): StartFailureLog {
  const now = options.now ?? (() => new Date());
  const line = scrub(
    JSON.stringify({
      at: now().toISOString(),
      level: 'error',
      message: 'start failed',
      code: failure.code,
      explained: failure.message,
      ...errorFields(error),
    }),
  );
  const stderr = options.stderr ?? ((text: string) => process.stderr.write(`${text}\n`));
  try {
    stderr(line);
  } catch {
    // stderr may be closed (a desktop launch); the log file below is the record then.
  }
  for (const dir of options.logDirs) {
    if (!dir) continue;
    const file = path.join(dir, 'keyflare.log');
    try {
      fs.mkdirSync(dir, { recursive: true });
      fs.appendFileSync(file, `${line}\n`, { mode: 0o600 });
      return { kind: 'file', file };
    } catch {
      // This folder is part of what failed; try the next one.
    }
  }
  return { kind: 'stderr' };
}

/** The closing sentence of an error box: where the details are. */
export function describeStartFailureLog(log: StartFailureLog): string {
  return log.kind === 'file'
    ? `Details are in the log file ${log.file}.`
    : 'No log file could be written; the details went to the standard error output.';
}
