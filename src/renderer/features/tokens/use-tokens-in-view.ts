/**
 * The tokens the main area shows: those in the sidebar's view (all, a profile, or every token
 * that reaches an account), sorted, then narrowed by the search and the filters. `inView` counts
 * for "n of m"; `shown` is what the table lists. Sorting and the view run when the list, the sort
 * or the view change, never per keystroke.
 */
import { useMemo } from 'react';
import type { Account, Profile } from '../../../shared/domain';
import { accountReach, createTokenSearch, filterTokens, NO_FILTERS } from '../../lib/token-filter';
import type { IndexedToken } from '../../lib/token-index';
import { sortTokens } from '../../lib/token-sort';
import { useProfilesStore } from '../../stores/profiles-store';
import { useTokensStore } from '../../stores/tokens-store';
import { useUiStore } from '../../stores/ui-store';

export interface TokensInView {
  profile: Profile | null;
  account: Account | null;
  inView: IndexedToken[];
  shown: IndexedToken[];
}

export function useTokensInView(now: Date): TokensInView {
  const profiles = useProfilesStore((s) => s.profiles);
  const accounts = useProfilesStore((s) => s.accounts);
  const zones = useProfilesStore((s) => s.zones);
  const index = useTokensStore((s) => s.index);
  const ui = useUiStore();

  const view = ui.view;
  const profile = view.kind === 'all' ? null : (profiles.find((p) => p.id === view.profileId) ?? null);
  const account =
    view.kind === 'account'
      ? (accounts.find((a) => a.profileId === view.profileId && a.id === view.accountId) ?? null)
      : null;

  const reach = useMemo(() => {
    if (view.kind !== 'account' || !account) return null;
    const zoneNames = zones
      .filter((z) => z.profileId === view.profileId && z.accountId === account.id)
      .map((z) => z.name);
    return accountReach(view.profileId, account, zoneNames);
  }, [view, account, zones]);

  const sorted = useMemo(() => sortTokens(index, ui.sort), [index, ui.sort]);
  const inView = useMemo(
    () =>
      filterTokens(sorted, {
        query: '',
        filters: NO_FILTERS,
        view,
        reach,
        now,
      }),
    [sorted, view, reach, now],
  );
  // A keystroke searches the rows the previous query matched, or finds its answer remembered.
  const search = useMemo(
    () => createTokenSearch(inView, { filters: ui.filters, view: { kind: 'all' }, now }),
    [inView, ui.filters, now],
  );
  const shown = useMemo(() => search(ui.query), [search, ui.query]);

  return { profile, account, inView, shown };
}
