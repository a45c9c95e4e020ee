/**
 * The filter bar: profile, kind and status pickers, quick filters and the result count.
 */
import type { Profile } from '../../../shared/domain';
import { Icon } from '../../components/icons';
import { plural } from '../../lib/format';
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
  label: string;
  hint: string;
}[] = [
  { key: 'expiringSoon', label: 'Expiring soon', hint: 'Expires within 30 days' },
  { key: 'neverUsed', label: 'Never used', hint: 'Cloudflare has no record of it being used' },
  { key: 'noExpiry', label: 'No expiry', hint: 'Works until someone deletes it' },
  { key: 'noIpFilter', label: 'No IP filter', hint: 'Works from any IP address' },
];

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
  const count = activeFilterCount(filters) + (query.trim() ? 1 : 0);
  const profileValue = view.kind === 'all' ? '' : view.profileId;
  return (
    <div className="filter-bar" role="group" aria-label="Filters">
      <Icon name="filter" className="filter-icon" />
      {profiles.length > 1 || view.kind !== 'all' ? (
        <select
          className="select select-sm"
          aria-label="Profile"
          value={profileValue}
          onChange={(event) =>
            onView(event.target.value ? { kind: 'profile', profileId: event.target.value } : { kind: 'all' })
          }
        >
          <option value="">All profiles</option>
          {profiles.map((profile) => (
            <option key={profile.id} value={profile.id}>
              {profile.label}
            </option>
          ))}
        </select>
      ) : null}
      <select
        className="select select-sm"
        aria-label="Kind"
        value={filters.kind}
        onChange={(event) => onFilters({ kind: event.target.value as KindFilter })}
      >
        <option value="any">Any kind</option>
        <option value="user">User tokens</option>
        <option value="account">Account-owned</option>
      </select>
      <select
        className="select select-sm"
        aria-label="Status"
        value={filters.status}
        onChange={(event) => onFilters({ status: event.target.value as StatusFilter })}
      >
        <option value="any">Any status</option>
        <option value="active">Active</option>
        <option value="disabled">Disabled</option>
        <option value="expired">Expired</option>
      </select>
      {QUICK.map((quick) => (
        <button
          key={quick.key}
          type="button"
          className={`chip${filters[quick.key] ? ' chip-on' : ''}`}
          aria-pressed={filters[quick.key]}
          title={quick.hint}
          onClick={() => onFilters({ [quick.key]: !filters[quick.key] })}
        >
          {filters[quick.key] ? <Icon name="check" size={12} /> : null}
          {quick.label}
        </button>
      ))}
      <span className="filter-spacer" />
      <span className="filter-count" aria-live="polite" data-testid="result-count">
        {shown === total ? plural(total, 'token') : `${shown.toLocaleString()} of ${plural(total, 'token')}`}
      </span>
      {count > 0 ? (
        <button type="button" className="btn btn-ghost btn-sm" onClick={onReset}>
          Clear filters
        </button>
      ) : null}
    </div>
  );
}
