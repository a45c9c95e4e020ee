/**
 * What a policy's resources can be chosen from, and the rules of the choice: which selector
 * types a permission's scope and the token's owner allow, and the target a new selector starts on.
 */
import type { ResourceSelector, TokenOwner } from '../../../shared/domain';
import type { MessageKey } from '../../../shared/i18n';
import type { ScopeKind } from '../../../shared/policy/scopes';
import { t } from '../../lib/i18n';

export interface ResourceChoices {
  accounts: readonly { id: string; name: string }[];
  zones: readonly { id: string; name: string; accountId: string | null; accountName: string | null }[];
  userId: string | null;
  userLabel: string | null;
}

export type SelectorType = ResourceSelector['type'];

export const TYPE_WORDS: Record<SelectorType, MessageKey> = {
  zone: 'wizard.resources.type.zone',
  account_zones: 'wizard.resources.type.accountZones',
  all_zones: 'wizard.resources.type.allZones',
  account: 'wizard.resources.type.account',
  all_accounts: 'wizard.resources.type.allAccounts',
  user: 'wizard.resources.type.user',
};

/** Zones grouped under their account's name, for the zone picker's option groups. */
export function zonesByAccount(
  zones: ResourceChoices['zones'],
): [string, ResourceChoices['zones'][number][]][] {
  const groups = new Map<string, ResourceChoices['zones'][number][]>();
  for (const zone of zones) {
    const name = zone.accountName ?? t('wizard.resources.otherZones');
    groups.set(name, [...(groups.get(name) ?? []), zone]);
  }
  for (const list of groups.values()) list.sort((a, b) => a.name.localeCompare(b.name));
  return [...groups].sort(([a], [b]) => a.localeCompare(b));
}

export function typesFor(kind: ScopeKind, owner: TokenOwner): SelectorType[] {
  if (kind === 'zone')
    return owner.kind === 'account' ? ['zone', 'account_zones'] : ['zone', 'account_zones', 'all_zones'];
  if (kind === 'account') return owner.kind === 'account' ? ['account'] : ['account', 'all_accounts'];
  if (kind === 'user') return ['user'];
  return [];
}

/** A selector of the given type, pointing at the first sensible target (the user can change it). */
export function defaultSelector(
  type: SelectorType,
  choices: ResourceChoices,
  owner: TokenOwner,
  include = true,
): ResourceSelector | null {
  const ownAccount = owner.kind === 'account' ? owner.accountId : null;
  const zones = ownAccount ? choices.zones.filter((z) => z.accountId === ownAccount) : choices.zones;
  const firstAccount = ownAccount ?? choices.accounts[0]?.id ?? null;
  switch (type) {
    case 'zone':
      return zones[0] ? { type, zoneId: zones[0].id, include } : null;
    case 'account_zones':
      return firstAccount ? { type, accountId: firstAccount, include } : null;
    case 'account':
      return firstAccount ? { type, accountId: firstAccount, include } : null;
    case 'all_zones':
    case 'all_accounts':
      return { type, include };
    case 'user':
      return choices.userId ? { type, userId: choices.userId, include } : null;
  }
}
