/**
 * Tokens in the cache: reads sized to the question, and the writes of single tokens.
 *
 * The tokens table, its policy rows and the latest verify result of each token form one group.
 * Reads come in three sizes: a row (what the list shows, and what every token operation answers
 * with), a row with its stored token (what an operation on an existing token starts from), and
 * the detail's columns (the decoded policies on top). A row is read from the compact list_facts
 * column, never from the decoded policies, so answering with a row costs one indexed lookup.
 *
 * Writes outside a sync (create, update, roll, verify, keep a secret) are each their own
 * transaction. putToken and removeToken also note the token in the write journal, in the same
 * transaction, so a sync whose fetch began before the write cannot undo it when it commits. The
 * secret_kept flag and verify results are not journaled: a snapshot commit never takes them from
 * Cloudflare's data, it keeps what the cache holds at commit time.
 */
import type { Profile, TokenKind, TokenRow, TokenWarning, VerifyResult } from '../../../shared/domain';
import { type Message, msg } from '../../../shared/i18n/message';
import { warningsWithReach } from '../../../shared/insights';
import type { NameLookup } from '../../../shared/policy/decode';
import { tokenKey } from '../../../shared/token-key';
import {
  decodeToken,
  listFactsOf,
  lookupFrom,
  reachOf,
  readDecodedColumn,
  type DecodedColumn,
  type StoredListFacts,
} from './decoded-columns';
import { insertHistory, type NewHistoryEntry } from './history-repository';
import { readNameSources } from './lists-repository';
import { messageColumn, messageFromColumn } from './message-column';
import type { Db } from './sqlite-file';
import { storedFromRaw, type StoredToken } from './stored-token';
import { tokenRowWriter } from './token-row-writer';
import { journalTokenWrite } from './token-write-journal';

/** The columns a row is made of (the tokens table joined with its account and verify result). */
interface RowColumns {
  id: string;
  kind: TokenKind;
  account_id: string | null;
  name: string;
  status: TokenRow['status'];
  issued_on: string | null;
  modified_on: string | null;
  last_used_on: string | null;
  not_before: string | null;
  expires_on: string | null;
  list_facts: string;
  account_name: string | null;
  secret_kept: number;
  v_outcome: VerifyResult['outcome'] | null;
  v_checked_at: string | null;
  v_expires_on: string | null;
  v_not_before: string | null;
  v_message: string | null;
}

/** A row with the token as stored, for an operation on an existing token. */
export interface RowWithStored {
  row: TokenRow;
  stored: StoredToken;
}

/** A row with the stored token and the decoded column, for the detail. */
export interface DetailColumns extends RowWithStored {
  decoded: DecodedColumn;
}

/** The profile's cached tokens by id, as stored, with their place in the list and secret flag. */
export type StoredTokens = Map<string, StoredToken & { position: number; secretKept: boolean }>;

const rowSelect = (extra = ''): string => `
  SELECT ${extra} t.id, t.kind, t.account_id, t.name, t.status, t.issued_on, t.modified_on, t.last_used_on, t.not_before,
         t.expires_on, t.list_facts, t.secret_kept, a.name AS account_name,
         v.outcome AS v_outcome, v.checked_at AS v_checked_at, v.expires_on AS v_expires_on,
         v.not_before AS v_not_before, v.message AS v_message
  FROM tokens t
  LEFT JOIN verify_results v ON v.profile_id = t.profile_id AND v.token_id = t.id
  LEFT JOIN accounts a ON a.profile_id = t.profile_id AND a.id = t.account_id
  WHERE t.profile_id = ?`;
/**
 * The list's query. It reads the tokens table through the tokens_list index alone (cache
 * migration 6): a column added to rowSelect belongs in that index too, or the list reads every
 * token's bulky columns again (test/core/db/list-facts.test.ts checks the plan).
 */
export const LIST_SELECT = `${rowSelect()} ORDER BY t.position`;
const ROW_SELECT = `${rowSelect()} AND t.id = ?`;
const ROW_WITH_STORED_SELECT = `${rowSelect('t.raw,')} AND t.id = ?`;
const DETAIL_SELECT = `${rowSelect('t.raw, t.decoded,')} AND t.id = ?`;

function lastVerifyOf(c: Omit<RowColumns, 'list_facts'>): VerifyResult | null {
  if (!c.v_outcome || !c.v_checked_at) return null;
  return {
    outcome: c.v_outcome,
    checkedAt: c.v_checked_at,
    expiresOn: c.v_expires_on,
    notBefore: c.v_not_before,
    message: messageFromColumn(c.v_message, () => savedVerifyMessage(c)),
  };
}

/** What a verify result saved as an English sentence (before messages were data) says, by its outcome. */
function savedVerifyMessage(c: Omit<RowColumns, 'list_facts'>): Message {
  switch (c.v_outcome) {
    case 'active':
      return msg('verify.outcome.active', { expiresDay: c.v_expires_on ?? 'none' });
    case 'disabled':
      return msg('verify.outcome.disabled');
    case 'expired':
      return msg('verify.outcome.expired', { expiresDay: c.v_expires_on ?? 'none' });
    case 'not_yet_valid':
      return msg('verify.outcome.notYetValid', { notBeforeDay: c.v_not_before ?? 'none' });
    case 'network_error':
      return msg('verify.networkError', { code: 'none' });
    default:
      return msg('verify.refused.invalid', { said: 'none', codes: '' });
  }
}

/** A token's facts as its rows use them: the summary, and the reach warnings (made on first use). */
interface RowFacts {
  summary: StoredListFacts['summary'];
  reach: () => readonly TokenWarning[];
}

function rowFacts(facts: StoredListFacts): RowFacts {
  let reach: readonly TokenWarning[] | null = null;
  return { summary: facts.summary, reach: () => (reach ??= reachOf(facts)) };
}

/** The row of one token: its columns, the profile's facts about it and the warnings as of `now`. */
function toRow(profile: Profile, c: Omit<RowColumns, 'list_facts'>, facts: RowFacts, now: Date): TokenRow {
  const summary = facts.summary;
  return {
    key: tokenKey(profile.id, c.id),
    profileId: profile.id,
    profileLabel: profile.label,
    id: c.id,
    name: c.name,
    kind: c.kind,
    accountId: c.account_id,
    accountName: c.account_name,
    status: c.status,
    issuedOn: c.issued_on,
    modifiedOn: c.modified_on,
    lastUsedOn: c.last_used_on,
    notBefore: c.not_before,
    expiresOn: c.expires_on,
    permissionsSummary: summary.permissionsSummary,
    resourcesSummary: summary.resourcesSummary,
    ipFilterSummary: summary.ipFilterSummary,
    permissionNames: summary.permissionNames,
    resourceNames: summary.resourceNames,
    secretKept: c.secret_kept === 1,
    isCredential: profile.credentialTokenId === c.id,
    lastVerify: lastVerifyOf(c),
    warnings: warningsWithReach(
      {
        status: c.status,
        expiresOn: c.expires_on,
        notBefore: c.not_before,
        lastUsedOn: c.last_used_on,
        issuedOn: c.issued_on,
      },
      facts.reach,
      now,
    ),
  };
}

const rowOf = (profile: Profile, c: RowColumns, now: Date): TokenRow =>
  toRow(profile, c, rowFacts(JSON.parse(c.list_facts) as StoredListFacts), now);

/**
 * Every cached token of the profile as a list row, in Cloudflare's order, handed to `visit` one at
 * a time: nothing holds the list, so a caller that writes each row out (`tokens --json`) leaves
 * each one garbage at once instead of thousands of rows outliving the read and being copied by
 * every young-generation collection.
 */
export function eachTokenRow(db: Db, profile: Profile, now: Date, visit: (row: TokenRow) => void): void {
  // Tokens made for the same job share their facts' text (the same permissions on the same
  // resources): each distinct text is parsed once per list, its reach warnings made once, and
  // its rows share what it holds. The records are iterated, not gathered: each one is garbage as
  // soon as its row is made.
  const facts = new Map<string, RowFacts>();
  for (const c of db.prepare(LIST_SELECT).iterate(profile.id) as IterableIterator<RowColumns>) {
    let shared = facts.get(c.list_facts);
    if (shared === undefined) {
      shared = rowFacts(JSON.parse(c.list_facts) as StoredListFacts);
      facts.set(c.list_facts, shared);
    }
    visit(toRow(profile, c, shared, now));
  }
}

/** One cached token's row; null when the cache does not hold it. */
export function findTokenRow(db: Db, profile: Profile, tokenId: string, now: Date): TokenRow | null {
  const c = db.prepare(ROW_SELECT).get(profile.id, tokenId) as RowColumns | undefined;
  return c ? rowOf(profile, c, now) : null;
}

/** One cached token's row and stored token, in one read; null when the cache does not hold it. */
export function findRowWithStored(
  db: Db,
  profile: Profile,
  tokenId: string,
  now: Date,
): RowWithStored | null {
  const c = db.prepare(ROW_WITH_STORED_SELECT).get(profile.id, tokenId) as
    (RowColumns & { raw: string }) | undefined;
  return c ? { row: rowOf(profile, c, now), stored: storedFromRaw(c.kind, c.account_id, c.id, c.raw) } : null;
}

/** What the detail of one cached token is read from; null when the cache does not hold it. */
export function findDetailColumns(
  db: Db,
  profile: Profile,
  tokenId: string,
  now: Date,
): DetailColumns | null {
  const c = db.prepare(DETAIL_SELECT).get(profile.id, tokenId) as
    (RowColumns & { raw: string; decoded: string }) | undefined;
  if (!c) return null;
  return {
    row: rowOf(profile, c, now),
    stored: storedFromRaw(c.kind, c.account_id, c.id, c.raw),
    decoded: readDecodedColumn(c.decoded),
  };
}

/**
 * The row the cache would answer for a token it could not take, built in memory.
 *
 * Only for the rare create whose cache write fails after Cloudflare already made the token: the
 * reply must still carry the secret (it exists nowhere else), and the reply's schema needs a row.
 * It is made by the same rules as a cached row, from the same decoded facts; the next sync
 * writes the real one.
 */
export function provisionalRow(
  profile: Profile,
  stored: StoredToken,
  names: NameLookup,
  secretKept: boolean,
  now: Date,
): TokenRow {
  const t = stored.token;
  const columns: Omit<RowColumns, 'list_facts'> = {
    id: t.id,
    kind: stored.kind,
    account_id: stored.accountId,
    name: t.name,
    status: t.status,
    issued_on: t.issued_on ?? null,
    modified_on: t.modified_on ?? null,
    last_used_on: t.last_used_on ?? null,
    not_before: t.not_before ?? null,
    expires_on: t.expires_on ?? null,
    account_name: stored.accountId === null ? null : names.account(stored.accountId),
    secret_kept: secretKept ? 1 : 0,
    v_outcome: null,
    v_checked_at: null,
    v_expires_on: null,
    v_not_before: null,
    v_message: null,
  };
  return toRow(profile, columns, rowFacts(listFactsOf(decodeToken(t, names))), now);
}

/** Whether the cache holds this token. */
export function hasToken(db: Db, profileId: string, tokenId: string): boolean {
  return (
    db.prepare('SELECT 1 FROM tokens WHERE profile_id = ? AND id = ?').get(profileId, tokenId) !== undefined
  );
}

/** The ids of the profile's cached tokens. */
export function listTokenIds(db: Db, profileId: string): Set<string> {
  return new Set(db.prepare('SELECT id FROM tokens WHERE profile_id = ?').pluck().all(profileId) as string[]);
}

/** The profile's cached tokens as stored (their objects are parsed only when looked at). */
export function readStoredTokens(db: Db, profileId: string): StoredTokens {
  const rows = db
    .prepare('SELECT id, kind, account_id, raw, position, secret_kept FROM tokens WHERE profile_id = ?')
    .all(profileId) as {
    id: string;
    kind: TokenKind;
    account_id: string | null;
    raw: string;
    position: number;
    secret_kept: number;
  }[];
  return new Map(
    rows.map((r) => [
      r.id,
      Object.assign(storedFromRaw(r.kind, r.account_id, r.id, r.raw), {
        position: r.position,
        secretKept: r.secret_kept === 1,
      }),
    ]),
  );
}

/**
 * What the cache holds, as a value that changes whenever anything is written to it: by this
 * connection (its count of changed rows) or by another one, e.g. the command line's while the
 * window syncs (SQLite's `data_version` of the cache file). Equal values, nothing written between.
 */
export function cacheVersion(db: Db): string {
  const changes = db.prepare('SELECT total_changes()').pluck().get() as number;
  const version = db.pragma('cache.data_version', { simple: true }) as number;
  return `${changes}:${version}`;
}

/** Inserts or replaces one token (e.g. after create or update), keeping its secret_kept flag. */
export function putToken(
  db: Db,
  profileId: string,
  stored: StoredToken,
  history: readonly NewHistoryEntry[] = [],
): void {
  db.transaction(() => {
    const existing = db
      .prepare('SELECT secret_kept, position FROM tokens WHERE profile_id = ? AND id = ?')
      .get(profileId, stored.token.id) as { secret_kept: number; position: number } | undefined;
    const position =
      existing?.position ??
      (db
        .prepare('SELECT COALESCE(MAX(position), -1) + 1 FROM tokens WHERE profile_id = ?')
        .pluck()
        .get(profileId) as number);
    const writer = tokenRowWriter(db);
    writer.remove(profileId, stored.token.id);
    writer.insert(
      profileId,
      stored,
      position,
      existing?.secret_kept === 1,
      lookupFrom(readNameSources(db, profileId)),
    );
    insertHistory(db, profileId, history);
    journalTokenWrite(db, profileId, stored.token.id);
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
    messageColumn(result.message),
  );
}

/** Drops the verify results of the profile's tokens that `keep` rejects (inside the caller's transaction). */
export function dropVerifyResults(db: Db, profileId: string, keep: (tokenId: string) => boolean): void {
  const ids = db
    .prepare('SELECT token_id FROM verify_results WHERE profile_id = ?')
    .pluck()
    .all(profileId) as string[];
  const drop = db.prepare('DELETE FROM verify_results WHERE profile_id = ? AND token_id = ?');
  for (const id of ids) if (!keep(id)) drop.run(profileId, id);
}
