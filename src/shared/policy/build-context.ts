/**
 * The builder's context: who owns the token, what the profile can grant, names, and "now".
 *
 * Plain maps rather than callbacks so a test or the renderer can build one from lists it
 * already holds; `now` is passed in so date checks are reproducible.
 */
import type { PermissionGroup, TokenOwner } from '../domain';
import type { NameLookup } from './decode';

export interface ZoneInfo {
  name: string;
  accountId: string | null;
}

export interface BuildContext {
  owner: TokenOwner;
  /** The profile's Cloudflare user id, when known: the only user a user resource may name. */
  userId: string | null;
  /** The permission groups this profile may grant to a token of this owner, by id. */
  groups: ReadonlyMap<string, PermissionGroup>;
  /** Account names by id. */
  accounts: ReadonlyMap<string, string>;
  zones: ReadonlyMap<string, ZoneInfo>;
  /** e.g. the login's email, used for the user resource in summaries. */
  userLabel?: string | null;
  now: Date;
}

export interface BuildContextInput {
  owner: TokenOwner;
  userId: string | null;
  groups: readonly PermissionGroup[];
  accounts: readonly { id: string; name: string }[];
  zones: readonly { id: string; name: string; accountId: string | null }[];
  userLabel?: string | null;
  now: Date;
}

/** Builds a BuildContext from the lists the cache or the stores hold. */
export function createBuildContext(input: BuildContextInput): BuildContext {
  const groups = new Map<string, PermissionGroup>();
  // Ids are unique; should a list repeat one, the first entry stands.
  for (const group of input.groups) if (!groups.has(group.id)) groups.set(group.id, group);
  return {
    owner: input.owner,
    userId: input.userId,
    groups,
    accounts: new Map(input.accounts.map((account) => [account.id, account.name])),
    zones: new Map(input.zones.map((zone) => [zone.id, { name: zone.name, accountId: zone.accountId }])),
    userLabel: input.userLabel ?? null,
    now: input.now,
  };
}

/** The decoder's lookup port over a BuildContext, so the builder and the decoder use the same names. */
export function nameLookupFor(
  ctx: Pick<BuildContext, 'groups' | 'accounts' | 'zones' | 'userLabel'>,
): NameLookup {
  return {
    permissionGroup: (id) => {
      const group = ctx.groups.get(id);
      return group ? { name: group.name, scope: group.scope } : null;
    },
    account: (id) => ctx.accounts.get(id) ?? null,
    zone: (id) => ctx.zones.get(id) ?? null,
    userLabel: ctx.userLabel ?? null,
  };
}
