/**
 * Capabilities refreshed from what a sync saw: the lists it could read, and the credential's own
 * policies (its token appears in the lists it can read, so this costs no extra request).
 */
import type { Capabilities, Profile } from '../../../shared/domain';
import { globalKeyCapabilities, tokenCapabilities } from '../profiles/capabilities';
import type { FetchedSnapshot } from './snapshot-fetcher';

export function refreshCapabilities(
  profile: Profile,
  fetched: FetchedSnapshot,
  checkedAt: string,
): Capabilities {
  const accounts = fetched.accounts.map((a) => ({ id: a.account.id, name: a.account.name }));
  if (profile.credentialKind === 'global_key') return globalKeyCapabilities(accounts, checkedAt);
  const ownId = profile.credentialTokenId;
  const ownToken =
    ownId === null
      ? null
      : profile.credentialKind === 'user_token'
        ? (fetched.userTokens?.find((t) => t.id === ownId) ?? null)
        : (fetched.accounts
            .find((a) => a.account.id === profile.ownerAccountId)
            ?.tokens?.find((t) => t.id === ownId) ?? null);
  const listed = new Map(fetched.accounts.map((a) => [a.account.id, a.tokens !== null]));
  const capabilities = tokenCapabilities({
    kind: profile.credentialKind,
    readUser: fetched.user !== null,
    accounts,
    ownPolicies: ownToken?.token.policies ?? null,
    probes: { listUserTokens: fetched.userTokens !== null, listAccountTokens: listed },
    ownerAccountId: profile.ownerAccountId,
    checkedAt,
  });
  // What the sync could actually list wins over what the policies suggest.
  return {
    ...capabilities,
    listUserTokens: profile.credentialKind === 'user_token' ? fetched.userTokens !== null : false,
    createUserTokens: capabilities.createUserTokens && fetched.userTokens !== null,
    accounts: capabilities.accounts.map((a) => ({ ...a, listTokens: listed.get(a.accountId) ?? false })),
  };
}
