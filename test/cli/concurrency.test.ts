/**
 * The window and the command at once: two processes on one data folder (SQLite in WAL mode with a
 * busy timeout). Both sync at the same moment; nothing fails or corrupts, and a change made by
 * one is what the other reads next.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import type { Profile, SyncRun, TokenRow } from '../../src/shared/domain';
import { startTestSimulator } from '../support/test-simulator';
import type { Cli } from './support/cli-harness';
import { demoFolder, parseTokens, removeAll, windowCore } from './support/world';

const sim = await startTestSimulator({ scenario: 'demo' });

let cli: Cli;
let window: Core;
beforeAll(async () => {
  cli = await demoFolder(sim);
  window = windowCore(cli.dataDir);
}, 60_000);
afterAll(async () => {
  window.close();
  await removeAll(cli);
});

async function windowTokens(): Promise<TokenRow[]> {
  const reply = await window.dispatch('tokens.list', {});
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value as TokenRow[];
}

interface RunRow {
  id: number;
  profile_id: string;
  outcome: SyncRun['outcome'];
  error: string | null;
  owner_pid: number | null;
}

/** The sync runs as the profile store holds them, read by a third connection. */
function runs(): RunRow[] {
  const db = new Database(path.join(cli.dataDir, 'keyflare-profiles.sqlite'), { readonly: true });
  try {
    return db
      .prepare('SELECT id, profile_id, outcome, error, owner_pid FROM sync_runs ORDER BY id')
      .all() as RunRow[];
  } finally {
    db.close();
  }
}

async function until<T>(what: string, probe: () => T | undefined): Promise<T> {
  for (let waited = 0; waited < 20_000; waited += 25) {
    const found = probe();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function profileNamed(label: string): Promise<Profile> {
  const reply = await window.dispatch('profiles.list', {});
  const found = (reply.ok ? (reply.value as Profile[]) : []).find((p) => p.label === label);
  if (!found) throw new Error(`no profile ${label}`);
  return found;
}

function integrity(file: string): string {
  const db = new Database(path.join(cli.dataDir, file), { readonly: true });
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

describe('the window and the command on one data folder', () => {
  it('syncs in both at the same time without an error or a damaged file', async () => {
    // Slow replies, so the two syncs overlap for their whole length; three rounds, because two
    // commits meet only now and then (a commit that read before the other wrote must wait for
    // the write lock, not fail).
    sim.control.setLatency(25);
    try {
      for (let round = 1; round <= 3; round += 1) {
        const [windowRuns, command] = await Promise.all([
          window.dispatch('sync.start', {}),
          cli.run(['sync']),
        ]);
        const runs = windowRuns.ok ? (windowRuns.value as SyncRun[]) : [];
        expect(
          runs.map((run) => run.outcome),
          `round ${round}: ${JSON.stringify(runs.map((run) => run.error))}`,
        ).toEqual(['ok', 'ok']);
        expect(command.code, command.stderr).toBe(0);
        expect(command.stderr).toMatch(/Alice: synced[\s\S]*Bob: synced|Bob: synced[\s\S]*Alice: synced/u);
      }
    } finally {
      sim.control.setLatency(0);
    }
    expect(integrity('keyflare-profiles.sqlite')).toBe('ok');
    expect(integrity('keyflare-cache.sqlite')).toBe('ok');
    const seenByCommand = parseTokens((await cli.run(['tokens', '--json'])).stdout).tokens.map(
      (t) => `${t.profile.id}:${t.id}`,
    );
    expect(seenByCommand.sort()).toEqual((await windowTokens()).map((row) => row.key).sort());
  });

  it('shows the command what the window changed, and the window what the command synced', async () => {
    const studio = (await windowTokens()).find((row) => row.name === 'Studio cache purge');
    if (!studio) throw new Error('Studio cache purge is missing');
    const deleted = await window.dispatch('tokens.delete', {
      profileId: studio.profileId,
      tokenId: studio.id,
    });
    expect(deleted.ok).toBe(true);
    const afterDelete = parseTokens((await cli.run(['tokens', '--json', '--profile', 'Bob'])).stdout).tokens;
    expect(afterDelete.map((t) => t.name)).not.toContain('Studio cache purge');
    expect((await cli.run(['show', 'Studio cache purge'])).code).toBe(3);

    const synced = await cli.run(['sync', '--profile', 'Bob']);
    expect(synced.code).toBe(0);
    const status = await window.dispatch('sync.status', {});
    const bob = (status.ok ? (status.value as { profileId: string; lastRun: SyncRun | null }[]) : []).find(
      (entry) => entry.profileId === studio.profileId,
    );
    expect(bob?.lastRun?.outcome).toBe('ok');
    expect((await windowTokens()).filter((row) => row.profileId === studio.profileId)).toHaveLength(
      afterDelete.length,
    );
  });
});

describe('a sync left running by one process, as seen by the other', () => {
  it('the command starting while the window syncs leaves the window’s sync running', async () => {
    const alice = await profileNamed('Alice');
    const before = runs().length;
    // Slow enough that the window's sync (three rounds of requests) is still fetching when the
    // command has come and gone, even on a loaded machine where two command starts take a second.
    sim.control.setLatency(1_000);
    try {
      const windowSync = window.dispatch('sync.start', { profileId: alice.id });
      const run = await until('the window’s run', () =>
        runs().find((r) => r.id > before && r.profile_id === alice.id && r.outcome === 'running'),
      );
      expect(run.owner_pid).toBe(process.pid);
      // `export` opens the whole core (which closes the runs it finds interrupted) and sends nothing.
      const bobToken = (await windowTokens()).find((row) => row.profileLabel === 'Bob');
      const command = await cli.run(['export', bobToken?.id ?? '', '--format', 'body']);
      expect(command.code, command.stderr).toBe(0);
      expect(runs().find((r) => r.id === run.id)).toMatchObject({ outcome: 'running', error: null });
      const listed = JSON.parse((await cli.run(['profiles', '--json'])).stdout) as {
        profiles: { id: string; lastSyncOutcome: string | null }[];
      };
      expect(listed.profiles.find((p) => p.id === alice.id)?.lastSyncOutcome).toBe('running');
      const finished = await windowSync;
      expect(finished.ok && (finished.value as SyncRun[]).map((r) => r.outcome)).toEqual(['ok']);
    } finally {
      sim.control.setLatency(0);
    }
  });

  it('a sync whose process was killed is closed by the next start, in the other process', async () => {
    const before = runs().length;
    sim.control.setLatency(300);
    const killed = await cli
      .run(['sync', '--profile', 'Alice'], {
        onStart: (child) => {
          void until('the command’s run', () =>
            runs().find((r) => r.id > before && r.outcome === 'running' && r.owner_pid === child.pid),
          ).then(() => child.kill('SIGKILL'));
        },
      })
      .finally(() => sim.control.setLatency(0));
    expect(killed.signal).toBe('SIGKILL');
    const left = runs().filter((r) => r.id > before);
    expect(left.map((r) => r.outcome)).toEqual(['running']);
    // The window is already open; a new start (here, another window core) closes the dead run.
    const next = windowCore(cli.dataDir);
    next.close();
    const closed = runs().find((r) => r.id === left[0]?.id);
    expect(closed?.outcome).toBe('failed');
    expect(JSON.parse(closed?.error ?? '{}')).toMatchObject({
      code: 'CANCELLED',
      message: 'Keyflare was closed while this sync was running.',
    });
  });
});
