/**
 * What a profile may do with one of its tokens (TokenDetail.allowed), from its capabilities.
 */
import type { Profile, TokenDetail, TokenRow } from '../../../shared/domain';

export function tokenPermissions(profile: Profile, row: TokenRow): TokenDetail['allowed'] {
  const caps = profile.capabilities;
  let canWrite: boolean;
  let reason: string | null = null;
  if (row.kind === 'user') {
    canWrite = caps.createUserTokens;
    if (!canWrite) {
      reason =
        profile.credentialKind === 'account_token'
          ? 'This profile signs in with an account-owned token, which cannot change user tokens.'
          : 'This profile’s credential cannot change user tokens: it lacks the “API Tokens Write” permission.';
    }
  } else {
    const account = caps.accounts.find((a) => a.accountId === row.accountId);
    canWrite = account?.createTokens ?? false;
    if (!canWrite) {
      reason = `This profile’s credential cannot change the tokens of account ${row.accountName ?? row.accountId ?? ''}: it lacks the “Account API Tokens Write” permission there.`;
    }
  }
  if (canWrite && row.isCredential) {
    return {
      edit: true,
      roll: false,
      delete: false,
      reason:
        'This token is the credential of this profile: rolling or deleting it would lock Keyflare out. Replace the profile’s credential first.',
    };
  }
  return { edit: canWrite, roll: canWrite, delete: canWrite, reason };
}
