/**
 * What the access explorer and the health view read from the cache and the profile store: every
 * token's decoded policies, a fingerprint that changes whenever that answer would, and the last
 * time Keyflare saw each token rolled.
 *
 * The decoded column is the one the detail panel reads (decoded-columns.ts): the policies with
 * their ids, scopes, accounts and zones, which is what an access question needs. The list's
 * compact facts would not do: they keep names only.
 */
import type { DecodedPolicy, TokenKind, TokenStatus } from '../../../shared/domain';
import { readDecodedColumn, type DecodedColumn } from './decoded-columns';
import type { Db } from './sqlite-file';

/** One cached token with its decoded policies. */
export interface PolicyRow {
  profileId: string;
  id: string;
  kind: TokenKind;
  accountId: string | null;
  accountName: string | null;
  name: string;
  status: TokenStatus;
  notBefore: string | null;
  expiresOn: string | null;
  policies: DecodedPolicy[];
  requestIp: DecodedColumn['requestIp'];
}

interface PolicyColumns {
  profile_id: string;
  id: string;
  kind: TokenKind;
  account_id: string | null;
  account_name: string | null;
  name: string;
  status: TokenStatus;
  not_before: string | null;
  expires_on: string | null;
  decoded: string;
}

/** Every cached token of every profile with its decoded policies, in each profile's list order. */
export function listPolicyRows(db: Db): PolicyRow[] {
  const rows = db
    .prepare(
      `SELECT t.profile_id, t.id, t.kind, t.account_id, a.name AS account_name, t.name, t.status,
              t.not_before, t.expires_on, t.decoded
       FROM tokens t
       LEFT JOIN accounts a ON a.profile_id = t.profile_id AND a.id = t.account_id
       ORDER BY t.profile_id, t.position`,
    )
    .all() as PolicyColumns[];
  return rows.map((c) => {
    const decoded = readDecodedColumn(c.decoded);
    return {
      profileId: c.profile_id,
      id: c.id,
      kind: c.kind,
      accountId: c.account_id,
      accountName: c.account_name,
      name: c.name,
      status: c.status,
      notBefore: c.not_before,
      expiresOn: c.expires_on,
      policies: decoded.policies,
      requestIp: decoded.requestIp,
    };
  });
}

/**
 * A text that changes whenever a token, zone, account or profile label the index is built from
 * does: a sync, a write by this window or by the command line. Reads small columns only, so
 * checking it costs a fraction of rebuilding the index.
 */
export function accessFingerprint(db: Db): string {
  const tokens = db
    .prepare(
      `SELECT count(*) AS n,
              group_concat(profile_id || ':' || id || ':' || status || ':' || ifnull(modified_on, '') || ':' ||
                ifnull(expires_on, '') || ':' || ifnull(not_before, '') || ':' || name || ':' || length(decoded), '|') AS text
       FROM tokens`,
    )
    .get() as { n: number; text: string | null };
  const lists = db
    .prepare(
      `SELECT (SELECT group_concat(profile_id || ':' || id || ':' || name || ':' || ifnull(account_id, ''), '|') FROM zones) AS zones,
              (SELECT group_concat(profile_id || ':' || id || ':' || name, '|') FROM accounts) AS accounts,
              (SELECT group_concat(id || ':' || label || ':' || ifnull(user_id, ''), '|') FROM profiles) AS profiles`,
    )
    .get() as { zones: string | null; accounts: string | null; profiles: string | null };
  return [tokens.n, tokens.text ?? '', lists.zones ?? '', lists.accounts ?? '', lists.profiles ?? ''].join(
    '\n',
  );
}

/** When each token was last rolled, as far as Keyflare's history knows, by `profileId:tokenId`. */
export function lastRolls(db: Db): Map<string, string> {
  const rows = db
    .prepare(
      `SELECT profile_id, token_id, max(at) AS at FROM token_history
       WHERE kind = 'rolled' GROUP BY profile_id, token_id`,
    )
    .all() as { profile_id: string; token_id: string; at: string }[];
  return new Map(rows.map((r) => [`${r.profile_id}:${r.token_id}`, r.at]));
}
