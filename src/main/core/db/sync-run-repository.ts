/**
 * Sync runs: when each sync started and ended, how it ended, how many requests it sent.
 */
import type { SyncOutcome, SyncRun } from '../../../shared/domain';
import type { Db } from './sqlite-file';

interface SyncRunRecord {
  id: number;
  profile_id: string;
  started_at: string;
  ended_at: string | null;
  outcome: SyncOutcome;
  request_count: number;
  error: string | null;
}

export type SyncRunError = NonNullable<SyncRun['error']>;

function toRun(row: SyncRunRecord): SyncRun {
  return {
    id: row.id,
    profileId: row.profile_id,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    outcome: row.outcome,
    requestCount: row.request_count,
    error: row.error ? (JSON.parse(row.error) as SyncRunError) : null,
  };
}

export function startRun(db: Db, profileId: string, startedAt: string): SyncRun {
  const info = db
    .prepare("INSERT INTO sync_runs (profile_id, started_at, outcome) VALUES (?, ?, 'running')")
    .run(profileId, startedAt);
  return {
    id: Number(info.lastInsertRowid),
    profileId,
    startedAt,
    endedAt: null,
    outcome: 'running',
    requestCount: 0,
    error: null,
  };
}

export function finishRun(
  db: Db,
  runId: number,
  end: {
    endedAt: string;
    outcome: Exclude<SyncOutcome, 'running'>;
    requestCount: number;
    error: SyncRunError | null;
  },
): SyncRun | null {
  db.prepare('UPDATE sync_runs SET ended_at = ?, outcome = ?, request_count = ?, error = ? WHERE id = ?').run(
    end.endedAt,
    end.outcome,
    end.requestCount,
    end.error ? JSON.stringify(end.error) : null,
    runId,
  );
  const row = db.prepare('SELECT * FROM sync_runs WHERE id = ?').get(runId) as SyncRunRecord | undefined;
  return row ? toRun(row) : null;
}

export function lastRun(db: Db, profileId: string): SyncRun | null {
  const row = db
    .prepare('SELECT * FROM sync_runs WHERE profile_id = ? ORDER BY id DESC LIMIT 1')
    .get(profileId) as SyncRunRecord | undefined;
  return row ? toRun(row) : null;
}

/** The latest run that has ended (what "offline" and "rate limited" are read from). */
export function lastFinishedRun(db: Db, profileId: string): SyncRun | null {
  const row = db
    .prepare("SELECT * FROM sync_runs WHERE profile_id = ? AND outcome <> 'running' ORDER BY id DESC LIMIT 1")
    .get(profileId) as SyncRunRecord | undefined;
  return row ? toRun(row) : null;
}

/** Runs left 'running' by a crash or a quit mid-sync are marked failed at start. */
export function closeInterruptedRuns(db: Db, at: string): void {
  db.prepare(
    `UPDATE sync_runs SET outcome = 'failed', ended_at = ?, error = ? WHERE outcome = 'running'`,
  ).run(
    at,
    JSON.stringify({ code: 'CANCELLED', message: 'Keyflare was closed while this sync was running.' }),
  );
}
