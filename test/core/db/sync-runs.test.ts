/**
 * Sync runs and their owner (profile-store migration 4): a start closes only the runs whose
 * process is gone, so the window and the command line, on one folder, never fail each other's
 * running syncs. The two-process case itself is in test/cli/concurrency.test.ts.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDataFiles } from '../../../src/main/core/db/data-files';
import { PROFILE_STORE_MIGRATIONS } from '../../../src/main/core/db/profile-store-migrations';
import { currentRunOwner, processStarted, type RunOwner } from '../../../src/main/core/db/run-owner';
import type { Db } from '../../../src/main/core/db/sqlite-file';
import { closeInterruptedRuns, lastRun, startRun } from '../../../src/main/core/db/sync-run-repository';
import { tempDir } from '../support/core-harness';
import { insertStoredProfile } from '../support/stored-profile';

const now = (): Date => new Date('2026-03-01T10:00:00.000Z');

function openStore(versions?: number): { db: Db; profileId: string } {
  const opened = openDataFiles({
    dataDir: tempDir(),
    now,
    ...(versions
      ? { profileStoreMigrations: PROFILE_STORE_MIGRATIONS.filter((m) => m.version <= versions) }
      : {}),
  });
  if (!opened.db) throw new Error('no store');
  return { db: opened.db, profileId: insertStoredProfile(opened.db, now()) };
}

/** A pid no process has right now: one that just exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
}

const at = now().toISOString();

describe('closing interrupted sync runs', () => {
  it('leaves a run of a live process running and closes one whose process is gone', () => {
    const { db, profileId } = openStore();
    const self = currentRunOwner();
    const live = startRun(db, profileId, at, self);
    const dead = startRun(db, profileId, at, { ...self, pid: deadPid() });
    expect(closeInterruptedRuns(db, at)).toBe(1);
    const outcome = (id: number): unknown =>
      db.prepare('SELECT outcome FROM sync_runs WHERE id = ?').pluck().get(id);
    expect(outcome(live.id)).toBe('running');
    expect(outcome(dead.id)).toBe('failed');
    expect(lastRun(db, profileId)?.error).toEqual({
      code: 'CANCELLED',
      message: 'Keyflare was closed while this sync was running.',
      key: 'outcomes.sync.interrupted',
    });
    db.close();
  });

  it.runIf(processStarted('self') !== null)('closes a run whose pid now belongs to another process', () => {
    const { db, profileId } = openStore();
    // This process's pid, but a start time it does not have: the pid was reused.
    const reused: RunOwner = { ...currentRunOwner(), started: '1' };
    startRun(db, profileId, at, reused);
    expect(closeInterruptedRuns(db, at)).toBe(1);
    db.close();
  });

  it('keeps another host’s run for a day, then closes it', () => {
    const { db, profileId } = openStore();
    const foreign: RunOwner = { pid: 1, host: `not-${currentRunOwner().host}`, started: null };
    startRun(db, profileId, at, foreign);
    expect(closeInterruptedRuns(db, new Date(now().getTime() + 23 * 3_600_000).toISOString())).toBe(0);
    expect(closeInterruptedRuns(db, new Date(now().getTime() + 25 * 3_600_000).toISOString())).toBe(1);
    db.close();
  });

  it('closes a run left running before owners were recorded (a store upgraded from version 3)', () => {
    const { db, profileId } = openStore(3);
    db.prepare("INSERT INTO sync_runs (profile_id, started_at, outcome) VALUES (?, ?, 'running')").run(
      profileId,
      at,
    );
    db.close();
    const reopened = openDataFiles({ dataDir: path.dirname(db.name), now });
    if (!reopened.db) throw new Error('no store');
    expect(reopened.db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(4);
    expect(closeInterruptedRuns(reopened.db, at)).toBe(1);
    expect(lastRun(reopened.db, profileId)?.outcome).toBe('failed');
    reopened.db.close();
  });
});
