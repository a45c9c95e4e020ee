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
import { tokenPermissions } from '../inventory/token-permissions';
import type { OperationTarget } from './operation-target';

/** Throws PERMISSION_DENIED, with the reason, when the profile may not create a token for this owner. */
export function assertMayCreate(profile: Profile, owner: TokenOwner): void {
  const caps = profile.capabilities;
  if (owner.kind === 'user') {
    if (caps.createUserTokens) return;
    const reason =
      profile.credentialKind === 'account_token'
        ? 'This profile signs in with an account-owned token, which cannot create user tokens. Nothing was created.'
        : 'This profile’s credential cannot create user tokens: it lacks the “API Tokens Write” permission. Nothing was created.';
    throw new AppError('PERMISSION_DENIED', reason, { profileId: profile.id });
  }
  const account = caps.accounts.find((candidate) => candidate.accountId === owner.accountId);
  if (account?.createTokens) return;
  const name = account?.accountName ?? owner.accountId;
  const reason =
    profile.credentialKind === 'account_token' && profile.ownerAccountId !== owner.accountId
      ? `This profile signs in with a token owned by another account, so it cannot create tokens in ${name}. Nothing was created.`
      : `This profile’s credential cannot create tokens in account ${name}: it lacks the “Account API Tokens Write” permission there. Nothing was created.`;
  throw new AppError('PERMISSION_DENIED', reason, { profileId: profile.id, accountId: owner.accountId });
}

export type ExistingTokenAction = 'edit' | 'roll' | 'delete' | 'disable';

/** Throws PERMISSION_DENIED (or CONFLICT for the profile's own credential) when the action is not allowed. */
export function assertMayChange(target: OperationTarget, action: ExistingTokenAction): void {
  // tokenPermissions: `edit` is whether the credential may write this token at all.
  const allowed = tokenPermissions(target.profile, target.row);
  const details = { profileId: target.profile.id, tokenId: target.row.id };
  if (!allowed.edit) {
    throw new AppError(
      'PERMISSION_DENIED',
      `${allowed.reason ?? 'This profile may not change this token.'} Nothing was changed.`,
      details,
    );
  }
  if (target.row.isCredential && action !== 'edit') {
    throw new AppError(
      'CONFLICT',
      'This token is the credential of this profile: rolling, disabling or deleting it would lock Keyflare out. Replace the profile’s credential first. Nothing was changed.',
      details,
    );
  }
}
