/**
 * Capabilities: what a credential may do with tokens, read from its own token's policies.
 *
 * A credential's own policies answer "may it list/create user tokens, list/create the tokens of
 * account X" without trying (a create attempt would be a write). The four permission groups that
 * matter are matched by id and, as a fallback, by name within their scope (ids are the stable
 * key; names repeat across scopes). Deny policies win over allow policies, as in Cloudflare.
 */
import type { CfPolicy } from '../../../shared/cloudflare-types';
import type { Capabilities } from '../../../shared/domain';
import { PERMISSION_SCOPES } from '../../../shared/domain';
import { type Message, msg } from '../../../shared/i18n/message';
import { classifyResource, flattenResources } from '../../../shared/policy/resource-keys';

interface GroupRef {
  id: string;
  name: string;
  scope: string;
}

export const TOKEN_GROUPS = {
  userRead: {
    id: '0cc3a61731504c89b99ec1be78b77aa0',
    name: 'API Tokens Read',
    scope: PERMISSION_SCOPES.user,
  },
  userWrite: {
    id: '686d18d5ac6c441c867cbf6771e58a0a',
    name: 'API Tokens Write',
    scope: PERMISSION_SCOPES.user,
  },
  accountRead: {
    id: 'eb56a6953c034b9d97dd838155666f06',
    name: 'Account API Tokens Read',
    scope: PERMISSION_SCOPES.account,
  },
  accountWrite: {
    id: '5bc3f8b21c554832afc660159ab75fa4',
    name: 'Account API Tokens Write',
    scope: PERMISSION_SCOPES.account,
  },
} as const satisfies Record<string, GroupRef>;

type Target = { kind: 'user' } | { kind: 'account'; accountId: string };

function policyHasGroup(policy: CfPolicy, groups: readonly GroupRef[]): boolean {
  return policy.permission_groups.some((g) =>
    groups.some((want) => g.id === want.id || (g.name !== undefined && g.name === want.name)),
  );
}

function policyCovers(policy: CfPolicy, target: Target): boolean {
  return flattenResources(policy.resources).some(({ key, parentKey }) => {
    const resource = classifyResource(key, parentKey);
    if (target.kind === 'user') return resource.kind === 'user';
    return (
      resource.kind === 'all_accounts' ||
      (resource.kind === 'account' && resource.accountId === target.accountId)
    );
  });
}

/** Whether policies grant any of `groups` on `target` (an allow that no deny cancels). */
export function grants(policies: readonly CfPolicy[], groups: readonly GroupRef[], target: Target): boolean {
  const matching = policies.filter((p) => policyHasGroup(p, groups) && policyCovers(p, target));
  return matching.some((p) => p.effect === 'allow') && !matching.some((p) => p.effect === 'deny');
}

export interface AccountRef {
  id: string;
  name: string;
}

/** Everything allowed: a Global API Key acts with the full rights of its login. */
export function globalKeyCapabilities(accounts: readonly AccountRef[], checkedAt: string): Capabilities {
  return {
    readUser: true,
    listUserTokens: true,
    createUserTokens: true,
    accounts: accounts.map((a) => ({
      accountId: a.id,
      accountName: a.name,
      listTokens: true,
      createTokens: true,
    })),
    checkedAt,
    notes: [],
  };
}

export interface PolicyCapabilityInput {
  kind: 'user_token' | 'account_token';
  readUser: boolean;
  accounts: readonly AccountRef[];
  /** The credential's own policies, or null when it may not read its own token. */
  ownPolicies: readonly CfPolicy[] | null;
  /** Results of cheap list probes, used when the own policies are unknown. */
  probes: { listUserTokens: boolean | null; listAccountTokens: Map<string, boolean> };
  ownerAccountId: string | null;
  checkedAt: string;
}

/** Capabilities of an API token, from its own policies or, failing that, from probes. */
export function tokenCapabilities(input: PolicyCapabilityInput): Capabilities {
  const notes: Message[] = [];
  const own = input.ownPolicies;
  if (!input.readUser) {
    notes.push(
      msg(
        input.kind === 'account_token'
          ? 'capabilities.note.accountTokenNoUserDetails'
          : 'capabilities.note.noUserDetails',
      ),
    );
  }
  let listUserTokens = false;
  let createUserTokens = false;
  if (input.kind === 'account_token') {
    notes.push(msg('capabilities.note.accountTokenNoUserTokens'));
  } else if (own) {
    listUserTokens = grants(own, [TOKEN_GROUPS.userRead, TOKEN_GROUPS.userWrite], { kind: 'user' });
    createUserTokens = grants(own, [TOKEN_GROUPS.userWrite], { kind: 'user' });
    if (!listUserTokens) notes.push(msg('capabilities.note.cannotListUserTokens'));
    else if (!createUserTokens) notes.push(msg('capabilities.note.cannotWriteUserTokens'));
  } else {
    listUserTokens = input.probes.listUserTokens ?? false;
    if (!listUserTokens) notes.push(msg('capabilities.note.cannotListUserTokens'));
  }
  if (!own && input.kind === 'user_token') {
    notes.push(msg('capabilities.note.ownPoliciesUnknown'));
  }

  const accounts = input.accounts.map((account) => {
    if (input.kind === 'account_token' && account.id !== input.ownerAccountId) {
      return { accountId: account.id, accountName: account.name, listTokens: false, createTokens: false };
    }
    const target: Target = { kind: 'account', accountId: account.id };
    const listTokens = own
      ? grants(own, [TOKEN_GROUPS.accountRead, TOKEN_GROUPS.accountWrite], target)
      : (input.probes.listAccountTokens.get(account.id) ?? false);
    const createTokens = own ? grants(own, [TOKEN_GROUPS.accountWrite], target) : false;
    if (!listTokens) notes.push(msg('capabilities.note.cannotListAccountTokens', { account: account.name }));
    else if (!createTokens && own)
      notes.push(msg('capabilities.note.cannotCreateAccountTokens', { account: account.name }));
    return { accountId: account.id, accountName: account.name, listTokens, createTokens };
  });
  return {
    readUser: input.readUser,
    listUserTokens,
    createUserTokens,
    accounts,
    checkedAt: input.checkedAt,
    notes,
  };
}
