/**
 * templates.list: the dashboard templates resolved against a profile's synced permission groups.
 *
 * Resolution itself (by name AND scope, "(All read permissions)", drafts, missing labels) is
 * src/shared/templates; this only feeds it the cached groups of the right list for the owner,
 * so no request reaches Cloudflare and the answer matches what a create will accept.
 */
import type { Profile, ResolvedTemplate, TokenOwner } from '../../../shared/domain';
import { resolveTemplates } from '../../../shared/templates/resolve';
import type { InventoryService } from '../inventory/inventory-service';
import { assertOwnerKnown, assertSynced } from './draft-context';

export function listTemplates(
  inventory: InventoryService,
  profile: Profile,
  owner: TokenOwner,
): ResolvedTemplate[] {
  assertSynced(profile);
  assertOwnerKnown(inventory, profile, owner);
  return resolveTemplates(inventory.permissionGroups(profile.id, owner), {
    owner,
    userId: profile.userId,
    accountIds: inventory.accounts(profile.id).map((account) => account.id),
  });
}
