/**
 * The access explorer's pickable targets: every zone and account any login has cached (each once,
 * however many logins see it), "every zone" and "the user", searchable by name.
 */
import type { ExploreTarget } from '../../../shared/access/access-schemas';
import type { Account, Zone } from '../../../shared/domain';

export interface PickableTarget {
  key: string;
  target: ExploreTarget;
  label: string;
  /** The account of a zone, or how many logins see an account. */
  detail: string;
  kind: 'zone' | 'account' | 'all_zones' | 'user';
  search: string;
}

export const EVERY_ZONE: PickableTarget = {
  key: 'all_zones',
  target: { kind: 'all_zones' },
  label: 'Every zone',
  detail: 'Tokens on all zones at once (the zone wildcard)',
  kind: 'all_zones',
  search: 'every zone all zones *',
};

export const THE_USER: PickableTarget = {
  key: 'user',
  target: { kind: 'user' },
  label: 'User',
  detail: 'User-level permissions of each login (API tokens, memberships…)',
  kind: 'user',
  search: 'user login me',
};

export function pickableTargets(zones: readonly Zone[], accounts: readonly Account[]): PickableTarget[] {
  const byAccount = new Map<string, { account: Account; logins: number }>();
  for (const account of accounts) {
    const seen = byAccount.get(account.id);
    if (seen) seen.logins += 1;
    else byAccount.set(account.id, { account, logins: 1 });
  }
  const zoneTargets = new Map<string, PickableTarget>();
  for (const zone of zones) {
    if (zoneTargets.has(zone.id)) continue;
    zoneTargets.set(zone.id, {
      key: `zone:${zone.id}`,
      target: { kind: 'zone', zoneId: zone.id },
      label: zone.name,
      detail: zone.accountName ? `Zone in ${zone.accountName}` : 'Zone',
      kind: 'zone',
      search: `${zone.name} ${zone.accountName ?? ''} ${zone.id}`.toLowerCase(),
    });
  }
  const accountTargets = [...byAccount.values()].map(({ account, logins }): PickableTarget => ({
    key: `account:${account.id}`,
    target: { kind: 'account', accountId: account.id },
    label: account.name,
    detail: `Account${logins > 1 ? ` · seen by ${logins} logins` : ''}`,
    kind: 'account',
    search: `${account.name} ${account.id}`.toLowerCase(),
  }));
  return [
    ...accountTargets.sort((a, b) => a.label.localeCompare(b.label)),
    ...[...zoneTargets.values()].sort((a, b) => a.label.localeCompare(b.label)),
  ];
}

/** The targets whose name (or account, or id) holds every word typed; the special two first. */
export function matchTargets(targets: readonly PickableTarget[], query: string): PickableTarget[] {
  const words = query.toLowerCase().split(/\s+/u).filter(Boolean);
  const special = [EVERY_ZONE, THE_USER];
  if (words.length === 0) return [...special, ...targets];
  return [...special, ...targets].filter((t) => words.every((word) => t.search.includes(word)));
}
