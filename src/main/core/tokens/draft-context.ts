/**
 * The policy builder's context for a profile and token owner, from the cache alone.
 *
 * Templates, previews, creates and edits all check a draft against what the profile last
 * synced: the permission groups listed for this owner (user groups for user tokens, the
 * account's own groups for its account-owned tokens), its accounts, zones and user.
 */
import type { Profile, TokenOwner } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { msg } from '../../../shared/i18n/message';
import type { BuildContext } from '../../../shared/policy/build-context';
import type { InventoryService } from '../inventory/inventory-service';
import type { Clock } from '../ports';

/** Refuses a profile that has never synced: without its permission groups nothing can be checked. */
export function assertSynced(profile: Profile): void {
  if (profile.lastSyncAt === null) {
    throw new AppError('NOT_FOUND', msg('errors.draft.notSynced'), { profileId: profile.id });
  }
}

/** Refuses an owning account the profile does not see. */
export function assertOwnerKnown(inventory: InventoryService, profile: Profile, owner: TokenOwner): void {
  if (owner.kind === 'user') return;
  if (!inventory.accounts(profile.id).some((account) => account.id === owner.accountId)) {
    throw new AppError('NOT_FOUND', msg('errors.draft.unknownAccount', { accountId: owner.accountId }), {
      profileId: profile.id,
      accountId: owner.accountId,
    });
  }
}

/** The build context for drafts of this owner in this profile. */
export function loadDraftContext(
  inventory: InventoryService,
  clock: Clock,
  profile: Profile,
  owner: TokenOwner,
): BuildContext {
  assertSynced(profile);
  assertOwnerKnown(inventory, profile, owner);
  return inventory.buildContext(profile, owner, clock.now());
}
