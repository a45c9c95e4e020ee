/**
 * Profile-store migration 2: the history table is rebuilt to admit `rotation` entries. A store
 * written before it keeps every history line with its id, ids keep counting up from there, and
 * the new kind is accepted while an unknown kind is still refused.
 */
import { describe, expect, it } from 'vitest';
import { openDataFiles } from '../../../src/main/core/db/data-files';
import { PROFILE_STORE_MIGRATIONS } from '../../../src/main/core/db/profile-store-migrations';
import { insertStoredProfile } from '../support/stored-profile';
import type { Db } from '../../../src/main/core/db/sqlite-file';
import { tempDir } from '../support/core-harness';

const now = (): Date => new Date('2026-03-01T10:00:00.000Z');

function history(db: Db): { id: number; kind: string; summary: string }[] {
  return db.prepare('SELECT id, kind, summary FROM token_history ORDER BY id').all() as {
    id: number;
    kind: string;
    summary: string;
  }[];
}

function addLine(db: Db, profileId: string, kind: string, summary: string): void {
  db.prepare(
    `INSERT INTO token_history (profile_id, token_id, token_name, kind, at, source, summary) VALUES (?, 'tok', 'CI', ?, ?, 'keyflare', ?)`,
  ).run(profileId, kind, now().toISOString(), summary);
}

describe('profile-store migration 2', () => {
  it('keeps every history line and its id, and admits rotation entries', () => {
    const dataDir = tempDir();
    const before = openDataFiles({
      dataDir,
      now,
      profileStoreMigrations: PROFILE_STORE_MIGRATIONS.filter((m) => m.version === 1),
    });
    const old = before.db;
    if (!old) throw new Error('no store');
    const profileId = insertStoredProfile(old, now());
    for (const summary of ['one', 'two', 'three']) addLine(old, profileId, 'created', summary);
    old.prepare('DELETE FROM token_history WHERE summary = ?').run('three');
    expect(() => addLine(old, profileId, 'rotation', 'too early')).toThrow(/CHECK constraint/u);
    const kept = history(old);
    old.close();

    const after = openDataFiles({ dataDir, now }).db;
    if (!after) throw new Error('no store');
    expect(history(after)).toEqual(kept);
    addLine(after, profileId, 'rotation', 'rotation started');
    const lines = history(after);
    // AUTOINCREMENT survives the rebuild: the deleted id 3 is never handed out again.
    expect(lines.at(-1)).toEqual({ id: 4, kind: 'rotation', summary: 'rotation started' });
    expect(() => addLine(after, profileId, 'renamed', 'unknown kind')).toThrow(/CHECK constraint/u);
    expect(after.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'rotations'").get()).toEqual({
      n: 1,
    });
    after.close();
  });
});
