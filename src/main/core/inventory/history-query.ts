/**
 * Token history as the UI reads it: newest first, optionally for one profile or one token.
 */
import type { HistoryEntry } from '../../../shared/domain';
import type { Db } from '../db/sqlite-file';

interface HistoryRecord {
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

export function listHistory(
  db: Db,
  query: { profileId?: string; tokenId?: string; limit?: number },
): HistoryEntry[] {
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
      query.limit ?? 200,
    ) as HistoryRecord[];
  return records.map((r) => ({
    id: r.id,
    profileId: r.profile_id,
    tokenId: r.token_id,
    tokenName: r.token_name,
    kind: r.kind,
    at: r.at,
    source: r.source,
    summary: r.summary,
    before: r.before === null ? null : (JSON.parse(r.before) as unknown),
    after: r.after === null ? null : (JSON.parse(r.after) as unknown),
  }));
}
