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
import type { DecodedPolicy, TokenWarning } from '../../../shared/domain';
import { msg } from '../../../shared/i18n/message';
import { reachWarnings } from '../../../shared/insights';
import {
  decodePolicies,
  decodeRequestIp,
  summarizeToken,
  summaryMessageOf,
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
 * The `list_facts` column, the part of the decoded column the inventory list reads: its summary
 * fields and the warnings about the token's reach (reachWarnings: they depend on its policies and
 * IP filter only, never on the time). A row adds the warnings that depend on the time (expiry,
 * use) when it is read. A test keeps the list's warnings equal to those computed from the full
 * decoded policies.
 *
 * Caches written before the reach warnings were kept hold the policies' facts instead
 * (`LegacyListFacts`); a row of those computes its reach warnings when read, until the next
 * sync rewrites the column (DECODED_WORDS_VERSION 3 changes every fingerprint). Version 3 kept
 * each reach warning's English sentence; a row of those reads the sentence back into its message
 * until the next sync (version 4) rewrites it.
 */
export interface ListFacts {
  summary: TokenSummary;
  reach: TokenWarning[];
}

/**
 * A reach warning as versions 3 of the decoded words kept it: its English sentence
 * (`message: "can create more API tokens (API Tokens Write)"`), before messages were data.
 */
interface SentenceWarning {
  kind: TokenWarning['kind'];
  severity: TokenWarning['severity'];
  message: string;
}

/** list_facts as written before version 3 of the decoded words. */
export interface LegacyListFacts {
  summary: TokenSummary;
  requestIp: RequestIp;
  policies: {
    effect: DecodedPolicy['effect'];
    groups: string[];
    resources: [DecodedPolicy['resources'][number]['kind'], string][];
  }[];
}

/** What a list_facts column may hold, whichever version wrote it. */
export type StoredListFacts =
  ListFacts | { summary: TokenSummary; reach: SentenceWarning[] } | LegacyListFacts;

export function listFactsOf(decoded: DecodedColumn): ListFacts {
  return { summary: decoded.summary, reach: reachWarnings(decoded) };
}

/** The groups a sentence of version 3 named, split back into the message's parameters. */
function messageOfSentence(warning: SentenceWarning): TokenWarning['message'] {
  const text = warning.message;
  const listed = /\(([^)]*)\)/u.exec(text)?.[1] ?? '';
  switch (warning.kind) {
    case 'can_create_tokens':
      return msg('insights.warning.canCreateTokens', { groups: listed });
    case 'no_ip_filter':
      return msg('insights.warning.noIpFilter', { groups: listed });
    default: {
      // "can write everywhere: DNS Write on all zones; Account Settings Write on all accounts"
      const zones = new Set<string>();
      const accounts = new Set<string>();
      for (const clause of text.replace(/^can write everywhere: /u, '').split('; ')) {
        const match = /^(.*) on all (zones|accounts)$/u.exec(clause);
        for (const name of match?.[1]?.split(', ') ?? [])
          (match?.[2] === 'zones' ? zones : accounts).add(name);
      }
      const where = zones.size === 0 ? 'accounts' : accounts.size === 0 ? 'zones' : 'both';
      return msg('insights.warning.broadWrite', {
        where,
        zoneGroups: [...zones].join(', '),
        accountGroups: [...accounts].join(', '),
      });
    }
  }
}

/** The reach warnings of a list_facts column, whichever version wrote it. */
export function reachOf(facts: StoredListFacts): readonly TokenWarning[] {
  if ('reach' in facts) {
    const reach: readonly (TokenWarning | SentenceWarning)[] = facts.reach;
    if (reach.every((warning) => typeof warning.message !== 'string')) return reach as TokenWarning[];
    return reach.map((warning) =>
      typeof warning.message === 'string'
        ? {
            kind: warning.kind,
            severity: warning.severity,
            message: messageOfSentence(warning as SentenceWarning),
          }
        : (warning as TokenWarning),
    );
  }
  return reachWarnings({
    requestIp: facts.requestIp,
    policies: facts.policies.map((p, index) => ({
      id: `policy-${index + 1}`,
      effect: p.effect,
      permissionGroups: p.groups.map((name) => ({ id: '', name, scope: null })),
      resources: p.resources.map(([kind, label]) => ({
        key: '',
        kind,
        label,
        accountId: null,
        zoneId: null,
      })),
      summary: '',
      summaryMessage: msg('outcomes.policy.rawWords', { words: '' }),
    })),
  });
}

/**
 * The `decoded` column as read: a column written before version 5 has no summary messages, so
 * each policy shows its English summary as it is (`outcomes.policy.rawWords`) until the next sync.
 */
export function readDecodedColumn(text: string): DecodedColumn {
  const decoded = JSON.parse(text) as DecodedColumn;
  if (decoded.policies.every((policy) => policy.summaryMessage !== undefined)) return decoded;
  return {
    ...decoded,
    policies: decoded.policies.map((policy) => ({ ...policy, summaryMessage: summaryMessageOf(policy) })),
  };
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
 * The version of the decoded words' wording (decode.ts, and the reach warnings of insights.ts
 * kept in list_facts): bump it whenever they read differently for the same token and names, or
 * the columns change shape, so the next sync decodes every cached token again instead of
 * showing the old words until some name happens to change. 2: an allow policy and its deny twin
 * read as one exclusion ("all zones except zone x.com"). 3: list_facts keeps the reach warnings.
 * 4: the reach warnings are messages (key and parameters), no longer English sentences.
 * 5: each decoded policy also carries its one-line summary as a message (`summaryMessage`).
 */
export const DECODED_WORDS_VERSION = 5;

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
