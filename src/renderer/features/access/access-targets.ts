/**
 * The access explorer's pickable targets: every zone and account any login has cached (each once,
 * however many logins see it), "every zone" and "the user", searchable by name (and by the words
 * of the window's language for the special two).
 */
import type { ExploreTarget } from '../../../shared/access/access-schemas';
import type { Account, Zone } from '../../../shared/domain';
import type { Translate } from '../../../shared/i18n';

export interface PickableTarget {
  key: string;
  target: ExploreTarget;
  label: string;
  /** The account of a zone, or how many logins see an account. */
  detail: string;
  kind: 'zone' | 'account' | 'all_zones' | 'user';
  search: string;
}

/** "Every zone" and "User", in the window's language; found by their English words too. */
export function specialTargets(t: Translate): PickableTarget[] {
  const everyZone = t('access.targets.everyZone');
  const user = t('access.targets.user');
  return [
    {
      key: 'all_zones',
      target: { kind: 'all_zones' },
      label: everyZone,
      detail: t('access.targets.everyZoneDetail'),
      kind: 'all_zones',
      search: `every zone all zones * ${everyZone}`.toLowerCase(),
    },
    {
      key: 'user',
      target: { kind: 'user' },
      label: user,
      detail: t('access.targets.userDetail'),
      kind: 'user',
      search: `user login me ${user}`.toLowerCase(),
    },
  ];
}

export function pickableTargets(
  zones: readonly Zone[],
  accounts: readonly Account[],
  t: Translate,
): PickableTarget[] {
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
      detail: zone.accountName
        ? t('access.targets.zoneIn', { account: zone.accountName })
        : t('access.targets.zone'),
      kind: 'zone',
      search: `${zone.name} ${zone.accountName ?? ''} ${zone.id}`.toLowerCase(),
    });
  }
  const accountTargets = [...byAccount.values()].map(({ account, logins }): PickableTarget => ({
    key: `account:${account.id}`,
    target: { kind: 'account', accountId: account.id },
    label: account.name,
    detail: t('access.targets.accountDetail', { logins }),
    kind: 'account',
    search: `${account.name} ${account.id}`.toLowerCase(),
  }));
  return [
    ...accountTargets.sort((a, b) => a.label.localeCompare(b.label)),
    ...[...zoneTargets.values()].sort((a, b) => a.label.localeCompare(b.label)),
  ];
}

/** The targets whose name (or account, or id) holds every word typed; the special two first. */
export function matchTargets(
  special: readonly PickableTarget[],
  targets: readonly PickableTarget[],
  query: string,
): PickableTarget[] {
  const words = query.toLowerCase().split(/\s+/u).filter(Boolean);
  if (words.length === 0) return [...special, ...targets];
  return [...special, ...targets].filter((t) => words.every((word) => t.search.includes(word)));
}
