/**
 * A token row as text outside the table: what search matches, and the facts every JSON that
 * names a token writes (the command's `--json`, the report's JSON).
 *
 * One place, so `keyflare tokens --search` finds exactly what the window's search box finds, and
 * the command's JSON and the report's JSON never disagree on what a field is called.
 */
import type { TokenRow } from './domain';

/** Everything search looks in, lowercased: name, permissions, resources, account, profile, IP filter, id. */
export function tokenSearchText(row: TokenRow): string {
  return [
    row.name,
    row.permissionsSummary,
    row.resourcesSummary,
    ...row.permissionNames,
    ...row.resourceNames,
    row.accountName ?? '',
    row.profileLabel,
    row.ipFilterSummary ?? '',
    row.id,
  ]
    .join('\n')
    .toLowerCase();
}

/** The owner, status and dates of a token, in the order both JSON forms write them. */
export function tokenFactsJson(row: TokenRow) {
  return {
    kind: row.kind,
    account: row.accountId === null ? null : { id: row.accountId, name: row.accountName },
    status: row.status,
    issuedOn: row.issuedOn,
    modifiedOn: row.modifiedOn,
    lastUsedOn: row.lastUsedOn,
    notBefore: row.notBefore,
    expiresOn: row.expiresOn,
  };
}
