/**
 * Single-token writes outside a sync: what token operations (create, update, roll, verify, keep
 * a secret) record in the cache. Each call is its own transaction.
 *
 * putToken and removeToken also note the token in the write journal, in the same transaction, so
 * a sync whose fetch began before the write cannot undo it when it commits. The secret_kept flag
 * and verify results are not journaled: a snapshot commit never takes them from Cloudflare's data,
 * it keeps what the cache holds at commit time.
 */
import type { VerifyResult } from '../../../shared/domain';
import { lookupFrom } from '../inventory/decoded-token';
import type { Db } from './sqlite-file';
import { tokenRowWriter } from './token-row-writer';
import { journalTokenWrite } from './token-write-journal';
import {
  insertHistory,
  readNameSources,
  type NewHistoryEntry,
  type SnapshotToken,
} from './snapshot-repository';

/** Inserts or replaces one token (e.g. after create or update), keeping its secret_kept flag. */
export function putToken(
  db: Db,
  profileId: string,
  entry: SnapshotToken,
  history: readonly NewHistoryEntry[] = [],
): void {
  db.transaction(() => {
    const existing = db
      .prepare('SELECT secret_kept, position FROM tokens WHERE profile_id = ? AND id = ?')
      .get(profileId, entry.token.id) as { secret_kept: number; position: number } | undefined;
    const position =
      existing?.position ??
      (
        db
          .prepare('SELECT COALESCE(MAX(position), -1) + 1 AS next FROM tokens WHERE profile_id = ?')
          .get(profileId) as { next: number }
      ).next;
    const writer = tokenRowWriter(db);
    writer.remove(profileId, entry.token.id);
    writer.insert(
      profileId,
      entry,
      position,
      existing?.secret_kept === 1,
      lookupFrom(readNameSources(db, profileId)),
    );
    insertHistory(db, profileId, history);
    journalTokenWrite(db, profileId, entry.token.id);
  })();
}

/** Removes one token (e.g. after delete); its history stays. */
export function removeToken(
  db: Db,
  profileId: string,
  tokenId: string,
  history: readonly NewHistoryEntry[] = [],
): void {
  db.transaction(() => {
    tokenRowWriter(db).remove(profileId, tokenId);
    db.prepare('DELETE FROM verify_results WHERE profile_id = ? AND token_id = ?').run(profileId, tokenId);
    insertHistory(db, profileId, history);
    journalTokenWrite(db, profileId, tokenId);
  })();
}

/** Records whether the keychain keeps this token's secret (a flag only, never the secret). */
export function setSecretKept(db: Db, profileId: string, tokenId: string, kept: boolean): void {
  db.prepare('UPDATE tokens SET secret_kept = ? WHERE profile_id = ? AND id = ?').run(
    kept ? 1 : 0,
    profileId,
    tokenId,
  );
}

export function recordHistory(db: Db, profileId: string, entries: readonly NewHistoryEntry[]): void {
  db.transaction(() => insertHistory(db, profileId, entries))();
}

/** Keeps the latest verify result of a token. */
export function saveVerifyResult(db: Db, profileId: string, tokenId: string, result: VerifyResult): void {
  db.prepare(
    `INSERT INTO verify_results (profile_id, token_id, outcome, checked_at, expires_on, not_before, message)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (profile_id, token_id) DO UPDATE SET outcome = excluded.outcome, checked_at = excluded.checked_at,
       expires_on = excluded.expires_on, not_before = excluded.not_before, message = excluded.message`,
  ).run(
    profileId,
    tokenId,
    result.outcome,
    result.checkedAt,
    result.expiresOn,
    result.notBefore,
    result.message,
  );
}
