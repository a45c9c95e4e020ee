/**
 * Rotations as the profile store keeps them: one row per rotation with overlap, its step, the
 * old and new token ids and what the old one gets. Never a secret. Each step is written before
 * the write it stands for is sent, so a row found in `creating` or `retiring` after a restart is
 * a write whose outcome is unknown, which resume then checks with Cloudflare.
 */
import type { RotationState } from '../../../shared/export/export-schemas';
import type { TokenOwner } from '../../../shared/domain';
import { type Message, msg } from '../../../shared/i18n/message';
import { messageColumn, messageFromColumn } from './message-column';
import type { Db } from './sqlite-file';

export interface RotationRow {
  id: number;
  profileId: string;
  oldTokenId: string;
  oldTokenName: string;
  owner: TokenOwner;
  newTokenId: string | null;
  state: RotationState;
  retireAction: 'disable' | 'delete' | null;
  secretLost: boolean;
  startedAt: string;
  updatedAt: string;
  /** A closing note (cancelled, done early), as a message; stored as its JSON. */
  note: Message | null;
}

interface Record {
  id: number;
  profile_id: string;
  old_token_id: string;
  old_token_name: string;
  owner: string;
  new_token_id: string | null;
  state: RotationState;
  retire_action: 'disable' | 'delete' | null;
  secret_lost: number;
  started_at: string;
  updated_at: string;
  note: string | null;
}

function toRow(record: Record): RotationRow {
  return {
    id: record.id,
    profileId: record.profile_id,
    oldTokenId: record.old_token_id,
    oldTokenName: record.old_token_name,
    owner: JSON.parse(record.owner) as TokenOwner,
    newTokenId: record.new_token_id,
    state: record.state,
    retireAction: record.retire_action,
    secretLost: record.secret_lost === 1,
    startedAt: record.started_at,
    updatedAt: record.updated_at,
    note:
      record.note === null
        ? null
        : messageFromColumn(record.note, () => msg('outcomes.policy.rawWords', { words: record.note ?? '' })),
  };
}

export function insertRotation(
  db: Db,
  row: Pick<RotationRow, 'profileId' | 'oldTokenId' | 'oldTokenName' | 'owner' | 'startedAt'>,
): number {
  const result = db
    .prepare(
      `INSERT INTO rotations (profile_id, old_token_id, old_token_name, owner, state, started_at, updated_at)
       VALUES (?, ?, ?, ?, 'creating', ?, ?)`,
    )
    .run(
      row.profileId,
      row.oldTokenId,
      row.oldTokenName,
      JSON.stringify(row.owner),
      row.startedAt,
      row.startedAt,
    );
  return Number(result.lastInsertRowid);
}

export function updateRotation(
  db: Db,
  id: number,
  patch: Partial<Pick<RotationRow, 'newTokenId' | 'state' | 'retireAction' | 'secretLost' | 'note'>> & {
    updatedAt: string;
  },
): void {
  const sets: string[] = ['updated_at = @updatedAt'];
  const values: { [key: string]: string | number | null } = { id, updatedAt: patch.updatedAt };
  if (patch.newTokenId !== undefined) {
    sets.push('new_token_id = @newTokenId');
    values['newTokenId'] = patch.newTokenId;
  }
  if (patch.state !== undefined) {
    sets.push('state = @state');
    values['state'] = patch.state;
  }
  if (patch.retireAction !== undefined) {
    sets.push('retire_action = @retireAction');
    values['retireAction'] = patch.retireAction;
  }
  if (patch.secretLost !== undefined) {
    sets.push('secret_lost = @secretLost');
    values['secretLost'] = patch.secretLost ? 1 : 0;
  }
  if (patch.note !== undefined) {
    sets.push('note = @note');
    values['note'] = patch.note === null ? null : messageColumn(patch.note);
  }
  db.prepare(`UPDATE rotations SET ${sets.join(', ')} WHERE id = @id`).run(values);
}

export function deleteRotation(db: Db, id: number): void {
  db.prepare('DELETE FROM rotations WHERE id = ?').run(id);
}

export function findRotation(db: Db, id: number): RotationRow | null {
  const record = db.prepare('SELECT * FROM rotations WHERE id = ?').get(id) as Record | undefined;
  return record ? toRow(record) : null;
}

/** Rotations of a profile (or all), optionally only those a token took part in, newest first. */
export function listRotations(db: Db, query: { profileId?: string; tokenId?: string }): RotationRow[] {
  const records = db
    .prepare(
      `SELECT * FROM rotations
       WHERE (@profileId IS NULL OR profile_id = @profileId)
         AND (@tokenId IS NULL OR old_token_id = @tokenId OR new_token_id = @tokenId)
       ORDER BY id DESC`,
    )
    .all({ profileId: query.profileId ?? null, tokenId: query.tokenId ?? null }) as Record[];
  return records.map(toRow);
}
