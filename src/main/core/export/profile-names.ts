/**
 * A profile's names for one token owner: its permission groups, accounts, zones and user, as the
 * policy code reads them (exports comment ids with them, recipes and imports resolve by them).
 */
import type { Profile, TokenOwner } from '../../../shared/domain';
import { createBuildContext, type BuildContext } from '../../../shared/policy/build-context';
import type { ImportTarget } from '../../../shared/export/import';
import type { InventoryService } from '../inventory/inventory-service';
import type { Clock } from '../ports';

export function profileContext(
  inventory: InventoryService,
  clock: Clock,
  profile: Profile,
  owner: TokenOwner,
): BuildContext {
  return createBuildContext({
    owner,
    userId: profile.userId,
    groups: inventory.permissionGroups(profile.id, owner),
    accounts: inventory.accounts(profile.id),
    zones: inventory.zones(profile.id),
    userLabel: profile.email ?? profile.label,
    now: clock.now(),
  });
}

export function importTarget(inventory: InventoryService, profile: Profile, owner: TokenOwner): ImportTarget {
  return {
    profileId: profile.id,
    owner,
    userId: profile.userId,
    userLabel: profile.email ?? profile.label,
    groups: inventory.permissionGroups(profile.id, owner),
    accounts: inventory.accounts(profile.id),
    zones: inventory.zones(profile.id),
  };
}
