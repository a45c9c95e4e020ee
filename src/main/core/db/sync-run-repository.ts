/**
 * Sync runs: when each sync started and ended, how it ended, how many requests it sent, and
 * which process runs it (see run-owner.ts), so the window and the command line, sharing the
 * folder, never close each other's running syncs.
 */
import type { SyncOutcome, SyncRun } from '../../../shared/domain';
import { englishText } from '../../../shared/i18n/english-message';
import { currentRunOwner, ownerAlive, type RunOwner } from './run-owner';
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

export function startRun(
  db: Db,
  profileId: string,
  startedAt: string,
  owner: RunOwner = currentRunOwner(),
): SyncRun {
  const info = db
    .prepare(
      `INSERT INTO sync_runs (profile_id, started_at, outcome, owner_pid, owner_host, owner_started)
       VALUES (?, ?, 'running', ?, ?, ?)`,
    )
    .run(profileId, startedAt, owner.pid, owner.host, owner.started);
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

/** The error of a run its process left unfinished (built when needed: English text loads the catalogues). */
function interrupted(): string {
  return JSON.stringify({
    code: 'CANCELLED',
    message: englishText('outcomes.sync.interrupted'),
    key: 'outcomes.sync.interrupted',
  });
}

/**
 * Runs left 'running' by a process that is gone (a crash, a kill, a quit mid-sync) are marked
 * failed at start. A run whose process is still there — the window's sync while the command line
 * starts, or the reverse — is left alone: it will finish by itself.
 */
export function closeInterruptedRuns(db: Db, at: string, self: RunOwner = currentRunOwner()): number {
  const running = db
    .prepare(
      "SELECT id, started_at, owner_pid, owner_host, owner_started FROM sync_runs WHERE outcome = 'running'",
    )
    .all() as {
    id: number;
    started_at: string;
    owner_pid: number | null;
    owner_host: string | null;
    owner_started: string | null;
  }[];
  const now = new Date(at);
  const gone = running.filter(
    (run) =>
      !ownerAlive(
        { pid: run.owner_pid, host: run.owner_host, started: run.owner_started },
        run.started_at,
        now,
        self,
      ),
  );
  const close = db.prepare(
    `UPDATE sync_runs SET outcome = 'failed', ended_at = ?, error = ? WHERE id = ? AND outcome = 'running'`,
  );
  for (const run of gone) close.run(at, interrupted(), run.id);
  return gone.length;
}

/**
 * Marks this process's running syncs of these profiles failed, when a core closes while they run
 * (its database closes under them, so they cannot end the run themselves; the process goes on, so
 * no later start would see its owner gone).
 */
export function closeOwnRuns(
  db: Db,
  profileIds: readonly string[],
  at: string,
  self: RunOwner = currentRunOwner(),
): void {
  const close = db.prepare(
    `UPDATE sync_runs SET outcome = 'failed', ended_at = ?, error = ?
     WHERE outcome = 'running' AND profile_id = ? AND owner_pid = ? AND owner_host = ?`,
  );
  for (const profileId of profileIds) close.run(at, interrupted(), profileId, self.pid, self.host);
}
