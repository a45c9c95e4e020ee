/**
 * Account-owned tokens: the token requests at /accounts/{account_id}/tokens, through the SDK's
 * `accounts.tokens` resource. They verify only at their own account's verify endpoint.
 */
import { msg } from '../../../shared/i18n/message';
import { createParams, updateParams } from './token-body';
import { ROLL_BODY, type OwnerRequests } from './token-endpoints';

export function accountTokenRequests(accountId: string): OwnerRequests {
  const account = { account_id: accountId };
  return {
    names: {
      list: msg('errors.request.listAccountTokens'),
      get: msg('errors.request.readAccountToken'),
      permissionGroups: msg('errors.request.listAccountGroups'),
      verify: msg('errors.request.verifyAccountToken'),
    },
    list: (sdk, r, page, perPage) =>
      sdk.accounts.tokens.list({ ...account, page, per_page: perPage, include_expired: true }, r),
    get: (sdk, r, tokenId) => sdk.accounts.tokens.get(tokenId, account, r),
    permissionGroups: (sdk, r) => sdk.accounts.tokens.permissionGroups.list(account, r),
    verify: (sdk, r) => sdk.accounts.tokens.verify(account, r),
    create: (sdk, r, body) => sdk.accounts.tokens.create({ ...account, ...createParams(body) }, r),
    update: (sdk, r, tokenId, body) =>
      sdk.accounts.tokens.update(tokenId, { ...account, ...updateParams(body) }, r),
    delete: (sdk, r, tokenId) => sdk.accounts.tokens.delete(tokenId, account, r),
    roll: (sdk, r, tokenId) => sdk.accounts.tokens.value.update(tokenId, account, { ...r, body: ROLL_BODY }),
  };
}
