/**
 * Token history in the profile store: what changed, seen by a sync or made by Keyflare.
 *
 * History outlives the tokens it describes (a deleted token keeps its lines) and lives in the
 * profile store, because a sync cannot download it again. Entries carry tokens as Cloudflare
 * describes them, never a secret. Reads come newest first. Each line's words are a message kept
 * as JSON in the `summary` column (message-column.ts); lines from before hold their English
 * sentence, read back into the same message (history-messages.ts).
 */
import type { HistoryEntry, HistoryKind } from '../../../shared/domain';
import type { Message } from '../../../shared/i18n/message';
import { legacyHistoryMessage } from './history-messages';
import { messageColumn, messageFromColumn } from './message-column';
import type { Db } from './sqlite-file';

/** A history line about to be written (the store gives it its id). */
export interface NewHistoryEntry {
  tokenId: string;
  tokenName: string;
  kind: HistoryKind;
  at: string;
  source: 'sync' | 'keyflare';
  /** `history.*`: what changed, worded by each face. */
  message: Message;
  before: unknown;
  after: unknown;
}

export interface HistoryQuery {
  profileId?: string | undefined;
  tokenId?: string | undefined;
  limit?: number | undefined;
}

interface HistoryColumns {
  id: number;
  profile_id: string;
  token_id: string;
  token_name: string;
  kind: HistoryEntry['kind'];
  at: string;
  source: HistoryEntry['source'];
  summary: string;
  before: string | null;
  after: string | null;
}

/** How many lines a read returns when the caller names no limit. */
export const DEFAULT_HISTORY_LIMIT = 200;

/** Appends lines inside the caller's transaction. */
export function insertHistory(db: Db, profileId: string, entries: readonly NewHistoryEntry[]): void {
  if (entries.length === 0) return;
  const insert = db.prepare(
    `INSERT INTO token_history (profile_id, token_id, token_name, kind, at, source, summary, before, after)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const json = (value: unknown): string | null =>
    value === null || value === undefined ? null : JSON.stringify(value);
  for (const e of entries) {
    insert.run(
      profileId,
      e.tokenId,
      e.tokenName,
      e.kind,
      e.at,
      e.source,
      messageColumn(e.message),
      json(e.before),
      json(e.after),
    );
  }
}

/** Appends lines in a transaction of their own (all or none). */
export function recordHistory(db: Db, profileId: string, entries: readonly NewHistoryEntry[]): void {
  db.transaction(() => insertHistory(db, profileId, entries))();
}

/** History newest first, optionally of one profile or one token. */
export function listHistory(db: Db, query: HistoryQuery): HistoryEntry[] {
  const records = db
    .prepare(
      `SELECT * FROM token_history
       WHERE (? IS NULL OR profile_id = ?) AND (? IS NULL OR token_id = ?)
       ORDER BY id DESC LIMIT ?`,
    )
    .all(
      query.profileId ?? null,
      query.profileId ?? null,
      query.tokenId ?? null,
      query.tokenId ?? null,
      query.limit ?? DEFAULT_HISTORY_LIMIT,
    ) as HistoryColumns[];
  return records.map((r) => ({
    id: r.id,
    profileId: r.profile_id,
    tokenId: r.token_id,
    tokenName: r.token_name,
    kind: r.kind,
    at: r.at,
    source: r.source,
    message: messageFromColumn(r.summary, () => legacyHistoryMessage(r.kind, r.token_name, r.summary)),
    before: r.before === null ? null : (JSON.parse(r.before) as unknown),
    after: r.after === null ? null : (JSON.parse(r.after) as unknown),
  }));
}
