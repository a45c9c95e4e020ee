/**
 * Access targets: the resource a question about a token is asked of, resolved from plain text.
 *
 * `keyflare can <token> <permission> <resource>` takes the resource as a person types it: a zone
 * name or id ("example.com"), an account name or id ("Acme Corp"), or "user" (the token's login).
 * A prefix picks the kind when a name could be both: `zone:example.com`, `account:Acme Corp`,
 * `user:<id>`. Names compare case-insensitively; a name several zones or accounts share is
 * reported with its candidates instead of guessed at.
 */

/**
 * What a question is asked of: one zone, one account, every zone (the access explorer's "all
 * zones": a zone-scoped permission on each zone at once), or the user.
 */
export type AccessTarget =
  | { kind: 'zone'; zoneId: string; accountId: string | null; label: string }
  | { kind: 'account'; accountId: string; label: string }
  | { kind: 'all_zones'; label: string }
  | { kind: 'user'; userId: string | null; label: string };

/** The zones, accounts and user the token's profile knows (from the cache). */
export interface KnownResources {
  zones: readonly { id: string; name: string; accountId: string | null }[];
  accounts: readonly { id: string; name: string }[];
  user: { id: string | null; email: string | null } | null;
}

export type TargetResolution =
  | { ok: true; target: AccessTarget }
  | {
      ok: false;
      reason: 'unknown' | 'ambiguous';
      message: string;
      candidates: string[];
      /** The name as typed, without its `zone:`/`account:` prefix ('' when nothing was named). */
      name: string;
      /** What was asked for: the prefix typed, or 'any' (a zone or an account). */
      kind: 'zone' | 'account' | 'any';
      /** How many resources the name matches (ambiguous). */
      count: number;
    };

type Prefix = 'zone' | 'account' | 'user';

function splitPrefix(text: string): { prefix: Prefix | null; rest: string } {
  const match = /^(zone|account|user)\s*:\s*(.*)$/iu.exec(text);
  if (!match) return { prefix: null, rest: text };
  return { prefix: (match[1] ?? '').toLowerCase() as Prefix, rest: (match[2] ?? '').trim() };
}

function zoneTarget(zone: KnownResources['zones'][number]): AccessTarget {
  return { kind: 'zone', zoneId: zone.id, accountId: zone.accountId, label: `zone ${zone.name}` };
}

function accountTarget(account: KnownResources['accounts'][number]): AccessTarget {
  return { kind: 'account', accountId: account.id, label: `account ${account.name}` };
}

function userTarget(known: KnownResources, id: string | null): AccessTarget {
  const userId = id ?? known.user?.id ?? null;
  const name = id ?? known.user?.email ?? known.user?.id ?? 'of this login';
  return { kind: 'user', userId, label: `user ${name}` };
}

/** Resolves a resource as typed into a target, or says why it cannot. */
export function resolveTarget(input: string, known: KnownResources): TargetResolution {
  const text = input.trim();
  const { prefix, rest } = splitPrefix(text);
  if (prefix === 'user' || (prefix === null && /^(user|me)$/iu.test(text))) {
    return { ok: true, target: userTarget(known, prefix === 'user' && rest.length > 0 ? rest : null) };
  }
  if (rest.length === 0) {
    return {
      ok: false,
      reason: 'unknown',
      message: 'Name a zone, an account or "user".',
      candidates: [],
      name: '',
      kind: prefix ?? 'any',
      count: 0,
    };
  }
  const lower = rest.toLowerCase();
  const zones =
    prefix === 'account' ? [] : known.zones.filter((z) => z.id === rest || z.name.toLowerCase() === lower);
  const accounts =
    prefix === 'zone' ? [] : known.accounts.filter((a) => a.id === rest || a.name.toLowerCase() === lower);
  const matches = [...zones.map(zoneTarget), ...accounts.map(accountTarget)];
  const only = matches[0];
  if (matches.length === 1 && only) return { ok: true, target: only };
  if (matches.length === 0) {
    const what = prefix === 'zone' ? 'zone' : prefix === 'account' ? 'account' : 'zone or account';
    return {
      ok: false,
      reason: 'unknown',
      message: `No ${what} named “${rest}” is in the cache; sync to refresh it, or give its id.`,
      candidates: [],
      name: rest,
      kind: prefix ?? 'any',
      count: 0,
    };
  }
  const candidates = [
    ...zones.map((z) => `zone:${z.id} (${z.name})`),
    ...accounts.map((a) => `account:${a.id} (${a.name})`),
  ];
  return {
    ok: false,
    reason: 'ambiguous',
    message: `“${rest}” names ${matches.length} resources; give one of them as shown.`,
    candidates,
    name: rest,
    kind: prefix ?? 'any',
    count: matches.length,
  };
}
