/**
 * A TokenRow built in memory for a token the cache could not take.
 *
 * Only for the rare create whose cache write fails after Cloudflare already made the token: the
 * reply must still carry the secret (it exists nowhere else), and the reply's schema needs a row.
 * The next sync writes the real row.
 */
import type { Profile, TokenRow } from '../../../shared/domain';
import { tokenWarnings } from '../../../shared/insights';
import {
  decodePolicies,
  decodeRequestIp,
  summarizeToken,
  type NameLookup,
} from '../../../shared/policy/decode';
import type { SnapshotToken } from '../db/snapshot-repository';

export function provisionalRow(
  profile: Profile,
  entry: SnapshotToken,
  names: NameLookup,
  secretKept: boolean,
  now: Date,
): TokenRow {
  const token = entry.token;
  return {
    key: `${profile.id}:${token.id}`,
    profileId: profile.id,
    profileLabel: profile.label,
    id: token.id,
    name: token.name,
    kind: entry.kind,
    accountId: entry.accountId,
    accountName: entry.accountId === null ? null : names.account(entry.accountId),
    status: token.status,
    issuedOn: token.issued_on ?? null,
    modifiedOn: token.modified_on ?? null,
    lastUsedOn: token.last_used_on ?? null,
    notBefore: token.not_before ?? null,
    expiresOn: token.expires_on ?? null,
    ...summarizeToken(token, names),
    secretKept,
    isCredential: false,
    lastVerify: null,
    warnings: tokenWarnings(
      {
        status: token.status,
        expiresOn: token.expires_on ?? null,
        notBefore: token.not_before ?? null,
        lastUsedOn: token.last_used_on ?? null,
        issuedOn: token.issued_on ?? null,
        policies: decodePolicies(token.policies, names),
        requestIp: decodeRequestIp(token.condition),
      },
      now,
    ),
  };
}
