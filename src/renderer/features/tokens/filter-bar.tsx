/**
 * The filter bar: profile, kind and status pickers, quick filters and the result count.
 */
import type { Profile } from '../../../shared/domain';
import type { MessageKey } from '../../../shared/i18n';
import { STATUS_WORD } from '../../components/badges';
import { Icon } from '../../components/icons';
import { useT } from '../../lib/i18n';
import {
  activeFilterCount,
  type KindFilter,
  type StatusFilter,
  type TokenFilters,
  type TokenView,
} from '../../lib/token-filter';

export interface FilterBarProps {
  profiles: readonly Profile[];
  view: TokenView;
  filters: TokenFilters;
  query: string;
  shown: number;
  total: number;
  onView: (view: TokenView) => void;
  onFilters: (patch: Partial<TokenFilters>) => void;
  onReset: () => void;
}

const QUICK: {
  key: 'expiringSoon' | 'neverUsed' | 'noExpiry' | 'noIpFilter';
  label: MessageKey;
  hint: MessageKey;
}[] = [
  { key: 'expiringSoon', label: 'tokens.filters.expiringSoon', hint: 'tokens.filters.expiringSoonHint' },
  { key: 'neverUsed', label: 'tokens.filters.neverUsed', hint: 'tokens.filters.neverUsedHint' },
  { key: 'noExpiry', label: 'tokens.filters.noExpiry', hint: 'tokens.filters.noExpiryHint' },
  { key: 'noIpFilter', label: 'tokens.filters.noIpFilter', hint: 'tokens.filters.noIpFilterHint' },
];

const STATUSES = ['active', 'disabled', 'expired'] as const;

export function FilterBar({
  profiles,
  view,
  filters,
  query,
  shown,
  total,
  onView,
  onFilters,
  onReset,
}: FilterBarProps): React.JSX.Element {
  const t = useT();
  const count = activeFilterCount(filters) + (query.trim() ? 1 : 0);
  const profileValue = view.kind === 'all' ? '' : view.profileId;
  return (
    <div className="filter-bar" role="group" aria-label={t('tokens.filters.label')}>
      <Icon name="filter" className="filter-icon" />
      {profiles.length > 1 || view.kind !== 'all' ? (
        <select
          className="select select-sm"
          aria-label={t('tokens.filters.profile')}
          value={profileValue}
          onChange={(event) =>
            onView(event.target.value ? { kind: 'profile', profileId: event.target.value } : { kind: 'all' })
          }
        >
          <option value="">{t('tokens.filters.allProfiles')}</option>
          {profiles.map((profile) => (
            <option key={profile.id} value={profile.id}>
              {profile.label}
            </option>
          ))}
        </select>
      ) : null}
      <select
        className="select select-sm"
        aria-label={t('tokens.filters.kind')}
        value={filters.kind}
        onChange={(event) => onFilters({ kind: event.target.value as KindFilter })}
      >
        <option value="any">{t('tokens.filters.anyKind')}</option>
        <option value="user">{t('tokens.filters.userTokens')}</option>
        <option value="account">{t('tokens.filters.accountOwned')}</option>
      </select>
      <select
        className="select select-sm"
        aria-label={t('tokens.filters.status')}
        value={filters.status}
        onChange={(event) => onFilters({ status: event.target.value as StatusFilter })}
      >
        <option value="any">{t('tokens.filters.anyStatus')}</option>
        {STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(STATUS_WORD[status])}
          </option>
        ))}
      </select>
      {QUICK.map((quick) => (
        <button
          key={quick.key}
          type="button"
          className={`chip${filters[quick.key] ? ' chip-on' : ''}`}
          aria-pressed={filters[quick.key]}
          title={t(quick.hint)}
          onClick={() => onFilters({ [quick.key]: !filters[quick.key] })}
        >
          {filters[quick.key] ? <Icon name="check" size={12} /> : null}
          {t(quick.label)}
        </button>
      ))}
      <span className="filter-spacer" />
      <span className="filter-count" aria-live="polite" data-testid="result-count">
        {shown === total
          ? t('tokens.filters.count', { total })
          : t('tokens.filters.countOf', { shown, total })}
      </span>
      {count > 0 ? (
        <button type="button" className="btn btn-ghost btn-sm" onClick={onReset}>
          {t('tokens.filters.clear')}
        </button>
      ) : null}
    </div>
  );
}
