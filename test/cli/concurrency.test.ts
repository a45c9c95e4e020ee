/**
 * The window and the command at once: two processes on one data folder (SQLite in WAL mode with a
 * busy timeout). Both sync at the same moment; nothing fails or corrupts, and a change made by
 * one is what the other reads next.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import type { SyncRun, TokenRow } from '../../src/shared/domain';
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
