/**
 * The access index: which tokens of every login can do what on a zone, an account, every zone
 * or the user, and the reverse, what one token reaches.
 *
 * Every yes or no comes from `evaluateAccess` (evaluate.ts), the evaluation `keyflare can` uses,
 * asked once per permission group the token holds: deny wins, `*` wildcards and account→zones
 * nesting are honoured the same way everywhere. The index only narrows who is asked. Building it
 * files each token under the resources its allow policies name (a zone, all zones of an account,
 * every zone, an account, every account, the user): a deny never grants, so a token no allow
 * policy files under a target cannot have access there. A query then evaluates those candidates
 * only, which keeps it within milliseconds for thousands of tokens (bench/access.ts).
 *
 * A wildcard reaches only what its token's login can: "all zones" or "all accounts" of a user
 * token covers the zones and accounts that login has cached (a zone of another login's account is
 * not its to touch), and of an account-owned token only its own account's. Resources a policy
 * names by id are taken as named.
 *
 * Pure and synchronous: the core builds it from the cache, the renderer's demo backend from its
 * fixtures.
 */
import type { DecodedPolicy, TokenKind, TokenStatus } from '../domain';
import { PERMISSION_SCOPES } from '../domain';
import { type Message, msg } from '../i18n/message';
import { isWritePermission } from '../insights';
import { evaluateAccess } from './evaluate';
import type {
  AccessExplore,
  AccessGrant,
  AccessGroupGrants,
  ExploreTarget,
  TokenReach,
} from './access-schemas';
import type { AccessTarget } from './target';

/** A token as the index needs it: who it is, and its decoded policies. */
export interface IndexToken {
  key: string;
  profileId: string;
  profileLabel: string;
  id: string;
  name: string;
  kind: TokenKind;
  /** The owning account of an account-owned token; null for a user token. */
  accountId: string | null;
  accountName: string | null;
  status: TokenStatus;
  notBefore: string | null;
  expiresOn: string | null;
  policies: readonly DecodedPolicy[];
}

export interface IndexZone {
  profileId: string;
  id: string;
  name: string;
  accountId: string | null;
  accountName: string | null;
}

export interface IndexAccount {
  profileId: string;
  id: string;
  name: string;
}

export interface IndexInput {
  tokens: readonly IndexToken[];
  zones: readonly IndexZone[];
  accounts: readonly IndexAccount[];
  /** The login's user id per profile, for user-level policies. */
  profiles: readonly { id: string; userId: string | null }[];
}

export interface AccessIndex {
  /** Every token with access on the target, grouped by permission group; null for an unknown zone or account. */
  explore(target: ExploreTarget, now: Date): AccessExplore | null;
  /** What one token reaches among its login's cached zones and accounts; null for an unknown token. */
  reach(tokenKey: string): TokenReach | null;
  readonly size: number;
}

interface Group {
  id: string;
  name: string;
  scope: string | null;
}

interface Entry {
  token: IndexToken;
  /** The distinct permission groups of its allow policies. */
  groups: Group[];
  allZones: boolean;
  accountZones: Set<string>;
  zones: Set<string>;
}

type ScopeFilter = (scope: string | null) => boolean;

const zoneScoped: ScopeFilter = (scope) => scope === PERMISSION_SCOPES.zone || scope === null;
const accountScoped: ScopeFilter = (scope) => scope === PERMISSION_SCOPES.account;
const accountOrZoneScoped: ScopeFilter = (scope) =>
  scope === PERMISSION_SCOPES.account || scope === PERMISSION_SCOPES.zone || scope === null;
const userScoped: ScopeFilter = (scope) => scope === PERMISSION_SCOPES.user || scope === null;

function push<K>(map: Map<K, number[]>, key: K, index: number): void {
  const list = map.get(key);
  if (list) list.push(index);
  else map.set(key, [index]);
}

/** Why Cloudflare refuses the token right now, or null when it would accept it. */
export function unusableReason(
  token: Pick<IndexToken, 'status' | 'notBefore' | 'expiresOn'>,
  now: Date,
): string | null {
  if (token.status === 'disabled') return 'disabled';
  const expires = token.expiresOn === null ? Number.NaN : Date.parse(token.expiresOn);
  if (token.status === 'expired' || expires <= now.getTime()) return 'expired';
  const notBefore = token.notBefore === null ? Number.NaN : Date.parse(token.notBefore);
  if (notBefore > now.getTime()) return 'not yet valid';
  return null;
}

/** Group names in the explorer's order: write first, then by name (Cloudflare sends them in any order). */
function groupNames(groups: readonly Group[]): string[] {
  return groups
    .map((g) => g.name)
    .sort((a, b) => Number(isWritePermission(b)) - Number(isWritePermission(a)) || a.localeCompare(b));
}

function byGroupOrder(a: AccessGroupGrants, b: AccessGroupGrants): number {
  if (a.write !== b.write) return a.write ? -1 : 1;
  return a.groupName.localeCompare(b.groupName);
}

function byGrantOrder(a: AccessGrant, b: AccessGrant): number {
  if ((a.unusable === null) !== (b.unusable === null)) return a.unusable === null ? -1 : 1;
  return a.profileLabel.localeCompare(b.profileLabel) || a.tokenName.localeCompare(b.tokenName);
}

export function buildAccessIndex(input: IndexInput): AccessIndex {
  const entries: Entry[] = [];
  const byKey = new Map<string, number>();
  const byZone = new Map<string, number[]>();
  const byAccountZones = new Map<string, number[]>();
  const byAccount = new Map<string, number[]>();
  const allZones: number[] = [];
  const allAccounts: number[] = [];
  const users: number[] = [];

  for (const token of input.tokens) {
    const index = entries.length;
    const groups = new Map<string, Group>();
    const entry: Entry = { token, groups: [], allZones: false, accountZones: new Set(), zones: new Set() };
    const filed = new Set<string>();
    const file = (bucket: string, add: () => void): void => {
      if (filed.has(bucket)) return;
      filed.add(bucket);
      add();
    };
    for (const policy of token.policies) {
      if (policy.effect !== 'allow') continue;
      for (const group of policy.permissionGroups)
        if (!groups.has(group.id))
          groups.set(group.id, { id: group.id, name: group.name, scope: group.scope });
      for (const resource of policy.resources) {
        switch (resource.kind) {
          case 'zone':
            if (resource.zoneId !== null) {
              const zoneId = resource.zoneId;
              entry.zones.add(zoneId);
              file(`z:${zoneId}`, () => push(byZone, zoneId, index));
            }
            break;
          case 'account_zones':
            if (resource.accountId !== null) {
              const accountId = resource.accountId;
              entry.accountZones.add(accountId);
              file(`az:${accountId}`, () => push(byAccountZones, accountId, index));
            }
            break;
          case 'all_zones':
            entry.allZones = true;
            file('all-zones', () => allZones.push(index));
            break;
          case 'account':
            if (resource.accountId !== null) {
              const accountId = resource.accountId;
              file(`a:${accountId}`, () => push(byAccount, accountId, index));
            }
            break;
          case 'all_accounts':
            file('all-accounts', () => allAccounts.push(index));
            break;
          case 'user':
            file('user', () => users.push(index));
            break;
          default:
            break;
        }
      }
    }
    entry.groups = [...groups.values()];
    entries.push(entry);
    byKey.set(token.key, index);
  }

  // Zones and accounts by id across logins (the same zone seen by two logins is one zone).
  const zones = new Map<string, IndexZone>();
  const zonesByProfile = new Map<string, IndexZone[]>();
  for (const zone of input.zones) {
    if (!zones.has(zone.id)) zones.set(zone.id, zone);
    const list = zonesByProfile.get(zone.profileId);
    if (list) list.push(zone);
    else zonesByProfile.set(zone.profileId, [zone]);
  }
  const accountNames = new Map<string, string>();
  const accountsByProfile = new Map<string, IndexAccount[]>();
  for (const account of input.accounts) {
    if (!accountNames.has(account.id)) accountNames.set(account.id, account.name);
    const list = accountsByProfile.get(account.profileId);
    if (list) list.push(account);
    else accountsByProfile.set(account.profileId, [account]);
  }
  const userIds = new Map(input.profiles.map((p) => [p.id, p.userId]));
  const zoneIdsByProfile = new Map(
    [...zonesByProfile.entries()].map(([profileId, list]) => [profileId, new Set(list.map((z) => z.id))]),
  );
  const accountIdsByProfile = new Map(
    [...accountsByProfile.entries()].map(([profileId, list]) => [profileId, new Set(list.map((a) => a.id))]),
  );

  /** Whether a wildcard of this token reaches the account: its login's, and its own when account-owned. */
  const wildcardReachesAccount = (index: number, accountId: string | null): boolean => {
    const token = entries[index]?.token;
    if (!token || accountId === null) return false;
    if (token.kind === 'account' && token.accountId !== accountId) return false;
    return accountIdsByProfile.get(token.profileId)?.has(accountId) ?? false;
  };
  const wildcardReachesZone = (index: number, zone: IndexZone): boolean => {
    const token = entries[index]?.token;
    if (!token) return false;
    if (token.kind === 'account' && token.accountId !== zone.accountId) return false;
    return zoneIdsByProfile.get(token.profileId)?.has(zone.id) ?? false;
  };

  /** The candidates of a target, each once, in the order the tokens were given. */
  const candidates = (...lists: (readonly number[] | undefined)[]): number[] => {
    const seen = new Set<number>();
    for (const list of lists) if (list) for (const index of list) seen.add(index);
    return [...seen].sort((a, b) => a - b);
  };

  const explore = (target: ExploreTarget, now: Date): AccessExplore | null => {
    let ids: number[];
    let filter: ScopeFilter;
    let targetFor: (entry: Entry) => AccessTarget;
    let head: AccessExplore['target'];
    switch (target.kind) {
      case 'zone': {
        const zone = zones.get(target.zoneId);
        if (!zone) return null;
        const accountId = zone.accountId;
        ids = candidates(
          byZone.get(zone.id),
          accountId === null ? undefined : byAccountZones.get(accountId),
          allZones.filter((index) => wildcardReachesZone(index, zone)),
        );
        filter = zoneScoped;
        const fixed: AccessTarget = { kind: 'zone', zoneId: zone.id, accountId, label: `zone ${zone.name}` };
        targetFor = () => fixed;
        head = { kind: 'zone', id: zone.id, label: `zone ${zone.name}`, accountName: zone.accountName };
        break;
      }
      case 'account': {
        const name = accountNames.get(target.accountId);
        if (name === undefined) return null;
        const reaches = (index: number): boolean => wildcardReachesAccount(index, target.accountId);
        ids = candidates(
          byAccount.get(target.accountId),
          allAccounts.filter(reaches),
          byAccountZones.get(target.accountId),
          allZones.filter(reaches),
        );
        filter = accountOrZoneScoped;
        const fixed: AccessTarget = {
          kind: 'account',
          accountId: target.accountId,
          label: `account ${name}`,
        };
        targetFor = () => fixed;
        head = { kind: 'account', id: target.accountId, label: `account ${name}`, accountName: name };
        break;
      }
      case 'all_zones': {
        ids = candidates(allZones);
        filter = zoneScoped;
        const fixed: AccessTarget = { kind: 'all_zones', label: 'every zone' };
        targetFor = () => fixed;
        head = { kind: 'all_zones', id: null, label: 'every zone', accountName: null };
        break;
      }
      case 'user': {
        ids = candidates(users);
        filter = userScoped;
        targetFor = (entry) => ({
          kind: 'user',
          userId: userIds.get(entry.token.profileId) ?? null,
          label: 'the user',
        });
        head = { kind: 'user', id: null, label: 'the user of each login', accountName: null };
        break;
      }
    }

    const groups = new Map<string, AccessGroupGrants>();
    const tokens = new Set<number>();
    const usable = new Set<number>();
    for (const index of ids) {
      const entry = entries[index];
      if (!entry) continue;
      const accessTarget = targetFor(entry);
      const unusable = unusableReason(entry.token, now);
      for (const group of entry.groups) {
        if (!filter(group.scope)) continue;
        const answer = evaluateAccess(entry.token.policies, group.id, accessTarget);
        if (!answer.allowed || answer.decidedBy === null) continue;
        let bucket = groups.get(group.id);
        if (!bucket) {
          bucket = {
            groupId: group.id,
            groupName: group.name,
            write: isWritePermission(group.name),
            grants: [],
          };
          groups.set(group.id, bucket);
        }
        const token = entry.token;
        bucket.grants.push({
          tokenKey: token.key,
          profileId: token.profileId,
          profileLabel: token.profileLabel,
          tokenId: token.id,
          tokenName: token.name,
          kind: token.kind,
          accountName: token.accountName,
          status: token.status,
          unusable,
          policy: {
            number: answer.decidedBy.number,
            summary: answer.decidedBy.summary,
            summaryMessage: answer.decidedBy.summaryMessage,
          },
        });
        tokens.add(index);
        if (unusable === null) usable.add(index);
      }
    }
    const list = [...groups.values()].sort(byGroupOrder);
    for (const group of list) group.grants.sort(byGrantOrder);
    return { target: head, groups: list, tokenCount: tokens.size, usableCount: usable.size };
  };

  const reach = (tokenKey: string): TokenReach | null => {
    const index = byKey.get(tokenKey);
    const entry = index === undefined ? undefined : entries[index];
    if (!entry) return null;
    const { token } = entry;
    const profileZones = zonesByProfile.get(token.profileId) ?? [];
    const zoneGroups = entry.groups.filter((g) => zoneScoped(g.scope));
    const accountGroups = entry.groups.filter((g) => accountScoped(g.scope));
    const userGroups = entry.groups.filter((g) => g.scope === PERMISSION_SCOPES.user);

    const zonesReached: TokenReach['zones'] = [];
    if (zoneGroups.length > 0) {
      const candidatesOf = profileZones.filter(
        (z) =>
          entry.zones.has(z.id) ||
          (z.accountId !== null && entry.accountZones.has(z.accountId)) ||
          (entry.allZones && (token.kind === 'user' || z.accountId === token.accountId)),
      );
      for (const zone of candidatesOf) {
        const target: AccessTarget = {
          kind: 'zone',
          zoneId: zone.id,
          accountId: zone.accountId,
          label: `zone ${zone.name}`,
        };
        const names = groupNames(
          zoneGroups.filter((g) => evaluateAccess(token.policies, g.id, target).allowed),
        );
        if (names.length > 0)
          zonesReached.push({
            zoneId: zone.id,
            zoneName: zone.name,
            accountId: zone.accountId,
            accountName: zone.accountName,
            groups: names,
          });
      }
      zonesReached.sort(
        (a, b) =>
          (a.accountName ?? '').localeCompare(b.accountName ?? '') || a.zoneName.localeCompare(b.zoneName),
      );
    }

    const accounts = new Map<string, TokenReach['accounts'][number]>();
    for (const account of accountsByProfile.get(token.profileId) ?? []) {
      if (token.kind === 'account' && account.id !== token.accountId) continue;
      const target: AccessTarget = {
        kind: 'account',
        accountId: account.id,
        label: `account ${account.name}`,
      };
      const names = groupNames(
        accountGroups.filter((g) => evaluateAccess(token.policies, g.id, target).allowed),
      );
      if (names.length > 0)
        accounts.set(account.id, { accountId: account.id, accountName: account.name, groups: names });
    }
    const accountIds = new Set<string>(accounts.keys());
    for (const zone of zonesReached) {
      if (zone.accountId === null) continue;
      accountIds.add(zone.accountId);
      if (!accounts.has(zone.accountId))
        accounts.set(zone.accountId, {
          accountId: zone.accountId,
          accountName: zone.accountName ?? accountNames.get(zone.accountId) ?? zone.accountId,
          groups: [],
        });
    }

    const userTarget: AccessTarget = {
      kind: 'user',
      userId: userIds.get(token.profileId) ?? null,
      label: 'the user',
    };
    const userNames = groupNames(
      userGroups.filter((g) => evaluateAccess(token.policies, g.id, userTarget).allowed),
    );

    const parts: Message[] = [];
    const zonesInAccounts = new Set(zonesReached.map((z) => z.accountId ?? ''));
    if (zonesReached.length > 0)
      parts.push(msg('access.reach.zones', { zones: zonesReached.length, accounts: zonesInAccounts.size }));
    const accountLevel = [...accounts.values()].filter((a) => a.groups.length > 0).length;
    if (accountLevel > 0) parts.push(msg('access.reach.accountLevel', { count: accountLevel }));
    if (userNames.length > 0) parts.push(msg('access.reach.userLevel'));
    const summary = parts.length > 0 ? parts : [msg('access.reach.nothing')];
    return {
      zones: zonesReached,
      accounts: [...accounts.values()].sort((a, b) => a.accountName.localeCompare(b.accountName)),
      accountCount: accountIds.size,
      userGroups: userNames,
      summary,
    };
  };

  return { explore, reach, size: entries.length };
}
