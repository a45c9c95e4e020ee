/**
 * User tokens: the token requests at /user/tokens, through the SDK's `user.tokens` resource.
 */
import { msg } from '../../../shared/i18n/message';
import { createParams, updateParams } from './token-body';
import { ROLL_BODY, type OwnerRequests } from './token-endpoints';

export const userTokenRequests: OwnerRequests = {
  names: {
    list: msg('errors.request.listUserTokens'),
    get: msg('errors.request.readUserToken'),
    permissionGroups: msg('errors.request.listUserGroups'),
    verify: msg('errors.request.verifyToken'),
  },
  list: (sdk, r, page, perPage) =>
    sdk.user.tokens.list({ page, per_page: perPage, include_expired: true }, r),
  get: (sdk, r, tokenId) => sdk.user.tokens.get(tokenId, r),
  permissionGroups: (sdk, r) => sdk.user.tokens.permissionGroups.list({}, r),
  verify: (sdk, r) => sdk.user.tokens.verify(r),
  create: (sdk, r, body) => sdk.user.tokens.create(createParams(body), r),
  update: (sdk, r, tokenId, body) => sdk.user.tokens.update(tokenId, updateParams(body), r),
  delete: (sdk, r, tokenId) => sdk.user.tokens.delete(tokenId, r),
  roll: (sdk, r, tokenId) => sdk.user.tokens.value.update(tokenId, { ...r, body: ROLL_BODY }),
};
