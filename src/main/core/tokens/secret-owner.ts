/**
 * Where a pasted secret verifies: the user endpoint or one account's endpoint.
 *
 * An explicit owner wins. Otherwise the prefix decides: `cfut_` is a user token, `cfat_` an
 * account-owned token, `cfk_` a Global API Key (which no verify endpoint takes). An account
 * secret goes only to the one account it can belong to — the profile's own account for an
 * account-owned credential, or the profile's only account — and is never tried against several
 * accounts in turn, because that would carry one account's token to another (SECURITY.md 15).
 * Older secrets have no prefix and verify at the user endpoint unless an owner says otherwise.
 */
import type { Profile, TokenOwner } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { InventoryService } from '../inventory/inventory-service';

function invalid(path: string, message: string): AppError {
  return new AppError('VALIDATION', `${message} Nothing was sent.`, { issues: [{ path, message }] });
}

export function ownerForSecret(
  inventory: InventoryService,
  profile: Profile,
  secret: string,
  owner: TokenOwner | undefined,
): TokenOwner {
  if (secret.startsWith('cfk_')) {
    throw invalid('secret', 'This is a Global API Key, not an API token: only API tokens can be verified.');
  }
  const accounts = inventory.accounts(profile.id);
  if (owner) {
    if (owner.kind === 'account' && !accounts.some((account) => account.id === owner.accountId)) {
      throw invalid('owner.accountId', `This profile does not see account ${owner.accountId}.`);
    }
    if (owner.kind === 'account' && secret.startsWith('cfut_')) {
      throw invalid('owner', 'A secret starting with cfut_ belongs to a user token, not to an account.');
    }
    if (owner.kind === 'user' && secret.startsWith('cfat_')) {
      throw invalid(
        'owner',
        'A secret starting with cfat_ belongs to an account-owned token: choose its account.',
      );
    }
    return owner;
  }
  if (!secret.startsWith('cfat_')) return { kind: 'user' };
  const only = profile.ownerAccountId ?? (accounts.length === 1 ? (accounts[0]?.id ?? null) : null);
  if (only === null) {
    throw invalid(
      'owner',
      'This is an account-owned token: choose the account it belongs to, so it is verified there and nowhere else.',
    );
  }
  return { kind: 'account', accountId: only };
}
