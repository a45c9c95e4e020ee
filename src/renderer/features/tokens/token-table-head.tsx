/**
 * The token table's header row: one sort button per column, the active one with its direction.
 */
import { Icon } from '../../components/icons';
import { useT } from '../../lib/i18n';
import type { SortState } from '../../lib/token-sort';
import { COLUMNS } from './columns';

export function TokenTableHead({
  sort,
  onSort,
}: {
  sort: SortState;
  onSort: (key: SortState['key']) => void;
}): React.JSX.Element {
  const t = useT();
  return (
    <div role="rowgroup" className="token-head">
      <div role="row" aria-rowindex={1} className="token-grid token-head-row">
        {COLUMNS.map((column) => {
          const active = sort.key === column.key;
          return (
            <div
              key={column.key}
              role="columnheader"
              className={`cell head-cell ${column.className}`}
              aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
            >
              <button
                type="button"
                className={`sort-button${active ? ' sort-active' : ''}`}
                onClick={() => onSort(column.key)}
                aria-label={column.label ? t(column.label) : undefined}
                title={t(column.sort)}
              >
                {column.icon ? <Icon name={column.icon} size={14} /> : <span>{t(column.title)}</span>}
                {active ? (
                  <Icon name={sort.direction === 'asc' ? 'arrow-up' : 'arrow-down'} size={12} />
                ) : null}
              </button>
            </div>
          );
        })}
      </div>
    </div>
  );
}
