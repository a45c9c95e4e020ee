/**
 * Fetches a profile's whole snapshot from Cloudflare with as few round trips as possible.
 *
 * Round 1, together: /user, /accounts page 1, /user/tokens page 1, user permission groups.
 * Then, for every account at once: its account tokens, its zones (/zones?account.id=) and its
 * permission groups — account tokens first, because they have the most pages. Every list asks
 * page 1 with per_page=50 and then all remaining pages in parallel. A 403 is an answer, not a
 * failure: /user denied means readUser=false, an account's tokens denied mean "no access" to
 * them (tokensAccess 'none'). Account-owned credentials skip the user endpoints (they cannot
 * use them) and the tokens of accounts other than their own. Lists are bounded by Cloudflare's
 * token quotas (paging.ts); a malformed reply anywhere fails the whole fetch, never shortens a list.
 *
 * Warm start: the accounts of the previous snapshot are known, so their lists start in round 1
 * together with /accounts instead of waiting for it (that round would otherwise leave half the
 * concurrency idle). The fresh account list still decides: lists of an account that is gone are
 * dropped, a new account's lists start as soon as /accounts has answered.
 */
import { nullWhenDenied } from '../cloudflare/errors';
import type { Profile } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { msg } from '../../../shared/i18n/message';
import { unnamedAccountName } from '../../../shared/policy/labels';
import type { CallOptions, CloudflareClient } from '../cloudflare/gateway';
import {
  ACCOUNT_TOKEN_QUOTA,
  fetchAllPagesTracked,
  USER_TOKEN_QUOTA,
  type RequestPlanner,
} from '../cloudflare/paging';
import type { Page } from '../cloudflare/replies';
import type { WireAccount, WirePermissionGroup, WireToken, WireUser, WireZone } from '../cloudflare/wire';
import { keepTextOnly, storedToken, type StoredToken } from '../db/stored-token';

export interface FetchedAccount {
  account: WireAccount;
  /** null when the credential may not list them (403). */
  tokens: StoredToken[] | null;
  zones: WireZone[];
  permissionGroups: WirePermissionGroup[];
}

export interface FetchedSnapshot {
  /** null when not allowed (or not attempted for account-owned credentials). */
  user: WireUser | null;
  userTokens: StoredToken[] | null;
  userPermissionGroups: WirePermissionGroup[];
  accounts: FetchedAccount[];
}

/** What the cache already knows, which lets a fetch start sooner and hold less, and who waits for what. */
export interface FetchOptions {
  /** The accounts of the previous snapshot, whose lists start in round 1. */
  knownAccountIds?: readonly string[];
  /**
   * The profile's tokens as the cache holds them, once read (null until then): a fetched token with
   * the same text shares the cached string (keepTextOnly).
   */
  cachedTokens?: () => ReadonlyMap<string, StoredToken> | null;
  /**
   * Called once, when every token list is in (zones or groups may still be travelling), with the
   * tokens in the order the snapshot will hold them: the user's, then each account's in the order
   * of /accounts. Not called when the fetch fails first.
   */
  onTokensListed?: (tokens: StoredToken[]) => void;
}

export async function fetchSnapshot(
  client: CloudflareClient,
  profile: Profile,
  planner: RequestPlanner,
  call: CallOptions,
  { knownAccountIds = [], cachedTokens = () => null, onTokensListed }: FetchOptions = {},
): Promise<FetchedSnapshot> {
  const accountOwned = profile.credentialKind === 'account_token';
  /**
   * A page of tokens as it arrives, with their owner; from the next turn on they are held as their
   * stored text only (keepTextOnly says why).
   */
  const heldAsText =
    (kind: 'user' | 'account', accountId: string | null) =>
    (page: Page<WireToken>): Page<StoredToken> => {
      const items = page.items.map((token) => storedToken(kind, accountId, token));
      setImmediate(() => keepTextOnly(items, cachedTokens()));
      return { ...page, items };
    };

  const userWork = accountOwned
    ? Promise.resolve(null)
    : nullWhenDenied(
        planner.run('user', null, (slot) => client.getUser({ ...call, slot })).then((r) => r.value),
      );
  const accountsWork = fetchAllPagesTracked(
    planner,
    'accounts',
    null,
    (page, perPage, slot) => client.listAccounts(page, perPage, { ...call, slot }),
    { what: msg('errors.request.listAccounts') },
  ).catch((error: unknown) => {
    // An account-owned token that may not list accounts still knows the one it belongs to.
    if (
      accountOwned &&
      error instanceof AppError &&
      error.code === 'PERMISSION_DENIED' &&
      profile.ownerAccountId
    ) {
      return {
        items: [{ id: profile.ownerAccountId, name: unnamedAccountName(profile.ownerAccountId), type: null }],
        lastNode: null,
      };
    }
    throw error;
  });
  const userTokensWork = accountOwned
    ? Promise.resolve(null)
    : nullWhenDenied(
        fetchAllPagesTracked(
          planner,
          'user tokens',
          null,
          (page, perPage, slot) =>
            client
              .tokens({ kind: 'user' })
              .list(page, perPage, { ...call, slot })
              .then(heldAsText('user', null)),
          { what: msg('errors.request.listUserTokens'), maxItems: USER_TOKEN_QUOTA },
        ).then((r) => r.items),
      );
  const userGroupsWork = accountOwned
    ? Promise.resolve(null)
    : nullWhenDenied(
        planner
          .run('user permission groups', null, (slot) =>
            client.tokens({ kind: 'user' }).permissionGroups({ ...call, slot }),
          )
          .then((r) => r.value),
      );

  type AccountLists = {
    tokens: Promise<StoredToken[] | null>;
    zones: Promise<WireZone[] | null>;
    groups: Promise<WirePermissionGroup[] | null>;
  };
  const mayList = (accountId: string): boolean => !accountOwned || accountId === profile.ownerAccountId;
  const startLists = (accountIds: readonly string[], after: number | null): Map<string, AccountLists> => {
    // Scheduling order matters under bounded concurrency: the longest lists go first.
    const tokens = accountIds.map((id) =>
      mayList(id)
        ? nullWhenDenied(
            fetchAllPagesTracked(
              planner,
              `account ${id} tokens`,
              after,
              (page, perPage, slot) =>
                client
                  .tokens({ kind: 'account', accountId: id })
                  .list(page, perPage, { ...call, slot })
                  .then(heldAsText('account', id)),
              {
                what: msg('errors.request.listTokensOfAccount', { accountId: id }),
                maxItems: ACCOUNT_TOKEN_QUOTA,
              },
            ).then((r) => r.items),
          )
        : Promise.resolve(null),
    );
    const zones = accountIds.map((id) =>
      nullWhenDenied(
        fetchAllPagesTracked(
          planner,
          `account ${id} zones`,
          after,
          (page, perPage, slot) => client.listZones(id, page, perPage, { ...call, slot }),
          { what: msg('errors.request.listZonesOfAccount', { accountId: id }) },
        ).then((r) => r.items),
      ),
    );
    const groups = accountIds.map((id) =>
      mayList(id)
        ? nullWhenDenied(
            planner
              .run(`account ${id} permission groups`, after, (slot) =>
                client.tokens({ kind: 'account', accountId: id }).permissionGroups({ ...call, slot }),
              )
              .then((r) => r.value),
          )
        : Promise.resolve(null),
    );
    return new Map(
      accountIds.map((id, i) => [
        id,
        {
          tokens: tokens[i] ?? Promise.resolve(null),
          zones: zones[i] ?? Promise.resolve(null),
          groups: groups[i] ?? Promise.resolve(null),
        },
      ]),
    );
  };
  const speculative = startLists(knownAccountIds, null);
  // Until /accounts has answered nobody awaits these; a failure before then must not be unhandled.
  for (const lists of speculative.values())
    for (const pending of [lists.tokens, lists.zones, lists.groups]) pending.catch(() => null);

  const accountLists = accountsWork.then(({ items: accounts, lastNode }) => {
    // Lists of accounts that are gone are not waited for, so their outcome cannot fail the sync.
    const added = startLists(
      accounts.map((a) => a.id).filter((id) => !speculative.has(id)),
      lastNode,
    );
    return accounts.map((account) => ({
      account,
      lists: speculative.get(account.id) ?? added.get(account.id),
    }));
  });
  if (onTokensListed) {
    const perAccount = accountLists.then((all) =>
      Promise.all(all.map(({ lists }) => lists?.tokens ?? Promise.resolve(null))),
    );
    Promise.all([userTokensWork, perAccount]).then(
      ([user, accounts]) => onTokensListed([...(user ?? []), ...accounts.flatMap((tokens) => tokens ?? [])]),
      () => undefined, // the fetch itself fails with this error
    );
  }
  const accountsReady = accountLists.then((all) =>
    Promise.all(
      all.map(async ({ account, lists }) => {
        const [tokens, zones, groups] = lists
          ? await Promise.all([lists.tokens, lists.zones, lists.groups])
          : [null, null, null];
        return { account, tokens, zones: zones ?? [], permissionGroups: groups ?? [] };
      }),
    ),
  );

  const [user, userTokens, userGroups, accounts] = await Promise.all([
    userWork,
    userTokensWork,
    userGroupsWork,
    accountsReady,
  ]);
  return { user, userTokens, userPermissionGroups: userGroups ?? [], accounts };
}
