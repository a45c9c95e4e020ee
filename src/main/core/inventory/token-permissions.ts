/**
 * What a profile may do with one of its tokens (TokenDetail.allowed), from its capabilities; the
 * reason is a message (outcomes.allowed.*) each face words.
 */
import type { Profile, TokenDetail, TokenRow } from '../../../shared/domain';
import { type Message, msg } from '../../../shared/i18n/message';

export function tokenPermissions(profile: Profile, row: TokenRow): TokenDetail['allowed'] {
  const caps = profile.capabilities;
  let canWrite: boolean;
  let reason: Message | null = null;
  if (row.kind === 'user') {
    canWrite = caps.createUserTokens;
    if (!canWrite) {
      reason = msg(
        profile.credentialKind === 'account_token'
          ? 'outcomes.allowed.accountTokenNoUserTokens'
          : 'outcomes.allowed.noUserTokensWrite',
      );
    }
  } else {
    const account = caps.accounts.find((a) => a.accountId === row.accountId);
    canWrite = account?.createTokens ?? false;
    if (!canWrite) {
      reason = msg('outcomes.allowed.noAccountTokensWrite', {
        account: row.accountName ?? row.accountId ?? '',
      });
    }
  }
  if (canWrite && row.isCredential) {
    return {
      edit: true,
      roll: false,
      delete: false,
      reason: msg('outcomes.allowed.ownCredential'),
    };
  }
  return { edit: canWrite, roll: canWrite, delete: canWrite, reason };
}
