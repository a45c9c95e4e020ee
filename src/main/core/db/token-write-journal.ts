/**
 * The token write journal: which tokens Keyflare itself wrote while a sync may have been fetching.
 *
 * A sync fetches for a while and then replaces the profile's snapshot in one transaction. A token
 * Keyflare created, edited or deleted in between is fresher in the cache than in what the sync
 * fetched (the fetched list may predate the write), so the commit must not undo it. Every
 * single-token write notes the token here in its own transaction; a sync takes `journalMark`
 * before its fetch begins and its commit asks `writtenSince` which rows to leave as they are.
 * Only ids are journaled: never a secret, nor anything Cloudflare did not already tell the cache.
 */
import type { Db } from './sqlite-file';

/** The journal's position now: every write noted later has a higher seq (AUTOINCREMENT never reuses one). */
export function journalMark(db: Db): number {
  return (db.prepare('SELECT COALESCE(MAX(seq), 0) AS mark FROM token_writes').get() as { mark: number })
    .mark;
}

/** Notes that Keyflare wrote this token (inside the caller's transaction). */
export function journalTokenWrite(db: Db, profileId: string, tokenId: string): void {
  db.prepare('DELETE FROM token_writes WHERE profile_id = ? AND token_id = ?').run(profileId, tokenId);
  db.prepare('INSERT INTO token_writes (profile_id, token_id) VALUES (?, ?)').run(profileId, tokenId);
}

/** Ids of the profile's tokens Keyflare wrote after `mark`. */
export function writtenSince(db: Db, profileId: string, mark: number): Set<string> {
  const rows = db
    .prepare('SELECT token_id FROM token_writes WHERE profile_id = ? AND seq > ?')
    .all(profileId, mark) as { token_id: string }[];
  return new Set(rows.map((row) => row.token_id));
}

/**
 * Forgets the profile's journal (inside a snapshot commit).
 *
 * Only one sync of a profile runs at a time, and the next one takes its mark after this commit,
 * so no later commit can need an entry written before now.
 */
export function clearJournal(db: Db, profileId: string): void {
  db.prepare('DELETE FROM token_writes WHERE profile_id = ?').run(profileId);
}
