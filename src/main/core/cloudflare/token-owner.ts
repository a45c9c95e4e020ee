/**
 * User or account token: the one place the endpoint is chosen by TokenOwner.
 *
 * Operations in tokens/ and sync/ pass the token's owner to the client and never branch on it
 * themselves; the preview names the same endpoint the write goes to.
 */
import type { TokenOwner } from '../../../shared/domain';
import { accountTokenRequests } from './account-tokens';
import { tokenEndpoints, type CallPolicies, type TokenEndpoints } from './token-endpoints';
import { userTokenRequests } from './user-tokens';

/** The token endpoints of one owner, over the given policies. */
export function tokenEndpointsOf(policies: CallPolicies): (owner: TokenOwner) => TokenEndpoints {
  const user = tokenEndpoints(policies, userTokenRequests);
  return (owner) =>
    owner.kind === 'user' ? user : tokenEndpoints(policies, accountTokenRequests(owner.accountId));
}

/** The endpoint a create goes to, as the preview shows it: "POST /user/tokens". */
export function createEndpoint(owner: TokenOwner): string {
  return owner.kind === 'user' ? 'POST /user/tokens' : `POST /accounts/${owner.accountId}/tokens`;
}

/** The endpoint an edit goes to, as the preview shows it: "PUT /user/tokens/<id>". */
export function updateEndpoint(owner: TokenOwner, tokenId: string): string {
  return owner.kind === 'user'
    ? `PUT /user/tokens/${tokenId}`
    : `PUT /accounts/${owner.accountId}/tokens/${tokenId}`;
}
