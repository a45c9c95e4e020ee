/**
 * A start that fails says why: a native error box, a log line, and a non-zero exit.
 *
 * Without this an error while opening the data folder vanished inside `whenReady`: no window,
 * no message, and the process lived on holding the single-instance lock, so every later launch
 * quit at once. The words come from the core's start-failure module (shared with the command
 * line); this file only knows where Electron keeps its logs and how to show a box and exit.
 */
import path from 'node:path';
import { app, dialog } from 'electron';
import { describeStartFailure, describeStartFailureLog, recordStartFailure } from '../core/app/start-failure';

export const START_FAILED_TITLE = 'Keyflare could not start';

/** Electron's own log folder; asking for it may itself fail when the platform has no home. */
function electronLogsPath(): string | null {
  try {
    return app.getPath('logs');
  } catch {
    return null;
  }
}

/** Shows the error box and exits with 1. Never throws: the exit must happen whatever else fails. */
export function failStart(error: unknown, dataDir: string): void {
  try {
    const failure = describeStartFailure(error, dataDir);
    const log = recordStartFailure(error, failure, {
      logDirs: [path.join(dataDir, 'logs'), electronLogsPath()],
    });
    dialog.showErrorBox(START_FAILED_TITLE, `${failure.message}\n\n${describeStartFailureLog(log)}`);
  } catch (reportError) {
    process.stderr.write(`Keyflare could not start, and could not say why: ${String(reportError)}\n`);
  } finally {
    app.exit(1);
  }
}

/** Refuses to start: shows `message` in an error box (safe before `ready`) and exits with 1. */
export function refuseStart(message: string): void {
  try {
    dialog.showErrorBox(START_FAILED_TITLE, message);
  } finally {
    app.exit(1);
  }
}
