/**
 * Whether a profile may write a token, decided before anything is sent.
 *
 * The profile's capabilities (read from its credential's own policies at add and sync) say
 * whether it may create or change user tokens and each account's tokens. Refusing here means
 * a plain reason instead of Cloudflare's terse 403, and no request at all. A token that is the
 * profile's own credential may be edited, but not rolled, deleted or disabled: that would lock
 * Keyflare out of the login.
 */
import type { Profile, TokenOwner } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { msg, nest, type Message } from '../../../shared/i18n/message';
import { tokenPermissions } from '../inventory/token-permissions';
import type { OperationTarget } from './operation-target';

/** Throws PERMISSION_DENIED, with the reason, when the profile may not create a token for this owner. */
export function assertMayCreate(profile: Profile, owner: TokenOwner): void {
  const caps = profile.capabilities;
  if (owner.kind === 'user') {
    if (caps.createUserTokens) return;
    const reason =
      profile.credentialKind === 'account_token'
        ? msg('errors.write.denied.accountTokenUser')
        : msg('errors.write.denied.userTokens');
    throw new AppError('PERMISSION_DENIED', reason, { profileId: profile.id });
  }
  const account = caps.accounts.find((candidate) => candidate.accountId === owner.accountId);
  if (account?.createTokens) return;
  const name = account?.accountName ?? owner.accountId;
  const reason =
    profile.credentialKind === 'account_token' && profile.ownerAccountId !== owner.accountId
      ? msg('errors.write.denied.otherAccount', { account: name })
      : msg('errors.write.denied.accountTokens', { account: name });
  throw new AppError('PERMISSION_DENIED', reason, { profileId: profile.id, accountId: owner.accountId });
}

export type ExistingTokenAction = 'edit' | 'roll' | 'delete' | 'disable';

/** Throws PERMISSION_DENIED (or CONFLICT for the profile's own credential) when the action is not allowed. */
export function assertMayChange(target: OperationTarget, action: ExistingTokenAction): void {
  // tokenPermissions: `edit` is whether the credential may write this token at all.
  const allowed = tokenPermissions(target.profile, target.row);
  const details = { profileId: target.profile.id, tokenId: target.row.id };
  if (!allowed.edit) {
    const reason = (allowed.reason as Message | null) ?? msg('errors.write.denied.mayNotChange');
    throw new AppError(
      'PERMISSION_DENIED',
      msg('errors.write.denied.change', nest('reason', reason)),
      details,
    );
  }
  if (target.row.isCredential && action !== 'edit') {
    throw new AppError('CONFLICT', msg('errors.write.ownCredential'), details);
  }
}
