/**
 * The tokens table's decoded columns: a token's policies in plain words, computed once when the
 * token is written to the cache.
 *
 * The inventory lists thousands of tokens; decoding them at every read would dominate a cold
 * start. The snapshot is written with its own names (accounts, zones, permission groups, the
 * login's email), so the words are decoded in the same transaction and stay consistent with it.
 * Two columns hold them: `decoded` (everything the detail shows) and `list_facts` (the part the
 * list reads, a fraction of the size).
 */
import { createHash } from 'node:crypto';
import type { CfToken } from '../../../shared/cloudflare-types';
import type { DecodedPolicy } from '../../../shared/domain';
import {
  decodePolicies,
  decodeRequestIp,
  summarizeToken,
  type NameLookup,
  type RequestIp,
  type TokenSummary,
} from '../../../shared/policy/decode';

/** The `decoded` column: the policies, the list's summary fields and the IP filter, decoded. */
export interface DecodedColumn {
  policies: DecodedPolicy[];
  summary: TokenSummary;
  requestIp: RequestIp;
}

/**
 * The `list_facts` column, the part of the decoded column the inventory list reads: its summary fields and, per policy, what
 * the warnings look at (effect, permission group names, resource kinds and labels). A test keeps
 * the list's warnings equal to those computed from the full decoded policies.
 */
export interface ListFacts {
  summary: TokenSummary;
  requestIp: RequestIp;
  policies: {
    effect: DecodedPolicy['effect'];
    groups: string[];
    resources: [DecodedPolicy['resources'][number]['kind'], string][];
  }[];
}

export function listFactsOf(decoded: DecodedColumn): ListFacts {
  return {
    summary: decoded.summary,
    requestIp: decoded.requestIp,
    policies: decoded.policies.map((p) => ({
      effect: p.effect,
      groups: p.permissionGroups.map((g) => g.name),
      resources: p.resources.map((r): [DecodedPolicy['resources'][number]['kind'], string] => [
        r.kind,
        r.label,
      ]),
    })),
  };
}

/** The policies of ListFacts in DecodedPolicy form, for tokenWarnings (ids and keys are not kept). */
export function policiesForWarnings(facts: ListFacts): DecodedPolicy[] {
  return facts.policies.map((p, index) => ({
    id: `policy-${index + 1}`,
    effect: p.effect,
    permissionGroups: p.groups.map((name) => ({ id: '', name, scope: null })),
    resources: p.resources.map(([kind, label]) => ({ key: '', kind, label, accountId: null, zoneId: null })),
    summary: '',
  }));
}

export function decodeToken(
  token: Pick<CfToken, 'policies' | 'condition'>,
  lookup: NameLookup,
): DecodedColumn {
  return {
    policies: decodePolicies(token.policies, lookup),
    summary: summarizeToken(token, lookup),
    requestIp: decodeRequestIp(token.condition),
  };
}

export interface NameSources {
  accounts: readonly { id: string; name: string }[];
  zones: readonly { id: string; name: string; accountId: string | null }[];
  permissionGroups: readonly {
    source: 'user' | 'account';
    id: string;
    name: string;
    scopes: readonly string[];
  }[];
  userLabel: string | null;
}

/** A NameLookup over in-memory lists (the snapshot being written, or rows read from the cache). */
export function lookupFrom(sources: NameSources): NameLookup {
  const accounts = new Map(sources.accounts.map((a) => [a.id, a.name]));
  const zones = new Map(sources.zones.map((z) => [z.id, { name: z.name, accountId: z.accountId }]));
  const groups = new Map<string, { name: string; scope: string }>();
  // The user list first: its scope wins when an id appears in both.
  const ordered = [...sources.permissionGroups].sort((a, b) =>
    a.source === b.source ? 0 : a.source === 'user' ? -1 : 1,
  );
  for (const g of ordered)
    if (!groups.has(g.id)) groups.set(g.id, { name: g.name, scope: g.scopes[0] ?? '' });
  return {
    account: (id) => accounts.get(id) ?? null,
    zone: (id) => zones.get(id) ?? null,
    permissionGroup: (id) => groups.get(id) ?? null,
    userLabel: sources.userLabel,
  };
}

/**
 * The version of the decoded words' wording (decode.ts): bump it whenever they read differently
 * for the same token and names, so the next sync decodes every cached token again instead of
 * showing the old words until some name happens to change. 2: an allow policy and its deny
 * twin read as one exclusion ("all zones except zone x.com").
 */
export const DECODED_WORDS_VERSION = 2;

/** Changes whenever a name the decoded words depend on changes, or their wording does. */
export function namesFingerprint(sources: NameSources): string {
  const accounts = sources.accounts.map((a) => `${a.id}=${a.name}`).sort();
  const zones = sources.zones.map((z) => `${z.id}=${z.name}@${z.accountId ?? ''}`).sort();
  const groups = [
    ...new Set(sources.permissionGroups.map((g) => `${g.id}=${g.name}:${g.scopes.join(',')}`)),
  ].sort();
  return createHash('sha256')
    .update(JSON.stringify([DECODED_WORDS_VERSION, accounts, zones, groups, sources.userLabel]))
    .digest('hex');
}
