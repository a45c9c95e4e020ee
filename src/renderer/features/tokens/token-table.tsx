/**
 * The token table: virtualised rows (only what is on screen is rendered), sortable columns,
 * arrow-key navigation, click or Enter to open a token.
 *
 * ARIA grid semantics with row focus: the selected row holds the tab stop, arrows move it, and
 * aria-rowcount/aria-rowindex tell assistive tech where it is among all rows, not just the
 * rendered ones.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useLayoutEffect, useRef } from 'react';
import type { TokenRow } from '../../../shared/domain';
import { KindBadge, SecretKept, StatusBadge, VerifyBadge } from '../../components/badges';
import { Icon } from '../../components/icons';
import { formatDay, formatRelativeShort, toTime } from '../../lib/format';
import type { IndexedToken, SortState } from '../../lib/token-filter';
import { COLUMNS } from './columns';

export const ROW_HEIGHT = 48;
const DAY_MS = 86_400_000;

export interface TokenTableProps {
  entries: readonly IndexedToken[];
  total: number;
  sort: SortState;
  onSort: (key: SortState['key']) => void;
  selectedKey: string | null;
  /** `open` true opens the detail panel; false leaves it as it is (arrows move the selection). */
  onSelect: (key: string, open: boolean) => void;
  now: Date;
  /** Rows picked for a bulk action (bulk-bar.tsx). */
  picked?: ReadonlySet<string>;
  /** Ctrl/cmd-click or ctrl+space picks one row, shift-click or shift+space a range. */
  onPick?: (key: string, range: boolean) => void;
}

/** The first range of an IP filter, and how many more: a CIDR must never break mid-address. */
function IpCell({ summary }: { summary: string }): React.JSX.Element {
  const ranges = summary
    .split(/;\s*/u)
    .flatMap((part) => {
      const negative = part.startsWith('not from ');
      return part
        .replace(/^(only|not) from /u, '')
        .split(/,\s*/u)
        .map((range) => (negative ? `not ${range}` : range));
    })
    .filter(Boolean);
  return (
    <span className="ip-cell">
      <span className="cell-line">{ranges[0]}</span>
      {ranges.length > 1 ? <span className="cell-line muted">+{ranges.length - 1} more</span> : null}
    </span>
  );
}

function rowId(key: string): string {
  return `token-row-${key.replace(/[^A-Za-z0-9_-]/gu, '_')}`;
}

function ExpiresCell({ iso, now }: { iso: string | null; now: Date }): React.JSX.Element {
  const time = toTime(iso);
  if (time === null) return <span className="muted">Never</span>;
  const left = time - now.getTime();
  const tone = left <= 0 ? 'cell-danger' : left <= 30 * DAY_MS ? 'cell-warn' : '';
  return (
    <time className={tone} dateTime={iso ?? undefined} title={formatDay(iso) ?? undefined}>
      {formatRelativeShort(iso, now)}
    </time>
  );
}

const Row = memo(function Row({
  row,
  index,
  selected,
  tabbable,
  top,
  now,
  onSelect,
  picked,
  onPick,
}: {
  row: TokenRow;
  index: number;
  selected: boolean;
  tabbable: boolean;
  top: number;
  now: Date;
  onSelect: (key: string, open: boolean) => void;
  picked: boolean;
  onPick: ((key: string, range: boolean) => void) | undefined;
}): React.JSX.Element {
  const worst =
    row.warnings.find((w) => w.severity === 'danger') ?? row.warnings.find((w) => w.severity === 'warning');
  return (
    <div
      role="row"
      id={rowId(row.key)}
      data-key={row.key}
      aria-rowindex={index + 2}
      aria-selected={selected}
      tabIndex={tabbable ? 0 : -1}
      className={`token-row token-grid${selected ? ' token-row-selected' : ''}${picked ? ' token-row-picked' : ''}${index % 2 === 1 ? ' token-row-alt' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      onMouseDown={(event) => {
        // A shift-click picks a range; it must not select the page's text on the way.
        if (onPick && event.shiftKey) event.preventDefault();
      }}
      onClick={(event) => {
        if (onPick && (event.ctrlKey || event.metaKey || event.shiftKey)) onPick(row.key, event.shiftKey);
        else onSelect(row.key, true);
      }}
    >
      <div role="gridcell" className="cell col-name" title={row.name}>
        {picked ? (
          <span className="picked-mark">
            <Icon name="check" size={12} />
            <span className="visually-hidden">Selected for a bulk action: </span>
          </span>
        ) : null}
        <span className="cell-name clamp">{row.name}</span>
        {worst ? (
          <span
            className={`warn-dot warn-dot-${worst.severity}`}
            title={row.warnings.map((w) => w.message).join('\n')}
          >
            <Icon name="alert" size={12} />
            <span className="visually-hidden">{`${row.warnings.length} warning${row.warnings.length === 1 ? '' : 's'}: ${worst.message}`}</span>
          </span>
        ) : null}
      </div>
      <div
        role="gridcell"
        className="cell col-profile"
        title={`${row.profileLabel}${row.accountName ? ` · ${row.accountName}` : ''}`}
      >
        <span className="cell-line">{row.profileLabel}</span>
        {row.isCredential ? (
          <span className="cell-line cell-credential">
            <Icon name="key" size={11} /> credential
          </span>
        ) : row.accountName ? (
          <span className="cell-line muted">{row.accountName}</span>
        ) : null}
      </div>
      <div role="gridcell" className="cell col-kind">
        <KindBadge kind={row.kind} />
      </div>
      <div role="gridcell" className="cell col-status">
        <StatusBadge status={row.status} />
      </div>
      <div role="gridcell" className="cell col-permissions" title={row.permissionsSummary}>
        <span className="clamp">{row.permissionsSummary || <span className="muted">None</span>}</span>
      </div>
      <div role="gridcell" className="cell col-resources" title={row.resourcesSummary}>
        <span className="clamp">{row.resourcesSummary || <span className="muted">None</span>}</span>
      </div>
      <div role="gridcell" className="cell col-ip" title={row.ipFilterSummary ?? 'Works from any IP address'}>
        {row.ipFilterSummary ? (
          <IpCell summary={row.ipFilterSummary} />
        ) : (
          <span className="muted">Any IP</span>
        )}
      </div>
      <div role="gridcell" className="cell col-used">
        {row.lastUsedOn ? (
          <span title={formatDay(row.lastUsedOn) ?? undefined}>
            {formatRelativeShort(row.lastUsedOn, now)}
          </span>
        ) : (
          <span className="muted">Never</span>
        )}
      </div>
      <div role="gridcell" className="cell col-expires">
        <ExpiresCell iso={row.expiresOn} now={now} />
      </div>
      <div role="gridcell" className="cell col-secret">
        <SecretKept kept={row.secretKept} />
      </div>
      <div role="gridcell" className="cell col-verify">
        <VerifyBadge result={row.lastVerify} now={now} />
      </div>
    </div>
  );
});

export function TokenTable({
  entries,
  total,
  sort,
  onSort,
  selectedKey,
  onSelect,
  now,
  picked,
  onPick,
}: TokenTableProps): React.JSX.Element {
  const scroller = useRef<HTMLDivElement>(null);
  const wantFocus = useRef(false);
  // TanStack Virtual returns fresh functions each render, so the React Compiler skips this
  // component; nothing here relies on compiler memoization (Row is memoised by hand).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const selectedIndex = selectedKey === null ? -1 : entries.findIndex((e) => e.row.key === selectedKey);

  // Keep the selected row on screen when it changes (arrows, search narrowing the list).
  useLayoutEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  useEffect(() => {
    if (!wantFocus.current || selectedKey === null) return;
    wantFocus.current = false;
    document.getElementById(rowId(selectedKey))?.focus({ preventScroll: true });
  });

  const move = (to: number, open: boolean): void => {
    const entry = entries[Math.max(0, Math.min(entries.length - 1, to))];
    if (!entry) return;
    wantFocus.current = true;
    onSelect(entry.row.key, open);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>): void => {
    if (entries.length === 0) return;
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const from = selectedIndex === -1 ? -1 : selectedIndex;
    switch (event.key) {
      case 'ArrowDown':
        move(from + 1, false);
        break;
      case 'ArrowUp':
        move(from === -1 ? 0 : from - 1, false);
        break;
      case 'PageDown':
        move(from + page, false);
        break;
      case 'PageUp':
        move(from - page, false);
        break;
      case 'Home':
        move(0, false);
        break;
      case 'End':
        move(entries.length - 1, false);
        break;
      case 'Enter':
      case ' ':
        if (event.key === ' ' && onPick && (event.ctrlKey || event.metaKey || event.shiftKey)) {
          if (selectedKey !== null) onPick(selectedKey, event.shiftKey);
        } else if (selectedIndex >= 0) onSelect(selectedKey ?? '', true);
        else move(0, true);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const items = virtualizer.getVirtualItems();
  const tabbableKey =
    selectedKey !== null && items.some((item) => entries[item.index]?.row.key === selectedKey)
      ? selectedKey
      : (entries[items[0]?.index ?? 0]?.row.key ?? null);

  return (
    <div
      className="token-table"
      role="grid"
      aria-label="Tokens"
      aria-rowcount={entries.length + 1}
      aria-colcount={COLUMNS.length}
      data-total={total}
      onKeyDown={onKeyDown}
    >
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
                  aria-label={column.label}
                  title={`Sort by ${(column.label ?? column.title).toLowerCase()}`}
                >
                  {column.icon ? <Icon name={column.icon} size={14} /> : <span>{column.title}</span>}
                  {active ? (
                    <Icon name={sort.direction === 'asc' ? 'arrow-up' : 'arrow-down'} size={12} />
                  ) : null}
                </button>
              </div>
            );
          })}
        </div>
      </div>
      <div ref={scroller} className="token-scroll" role="rowgroup" data-testid="token-scroll">
        <div className="token-canvas" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const entry = entries[item.index];
            if (!entry) return null;
            return (
              <Row
                key={entry.row.key}
                row={entry.row}
                index={item.index}
                selected={entry.row.key === selectedKey}
                tabbable={entry.row.key === tabbableKey}
                top={item.start}
                now={now}
                onSelect={onSelect}
                picked={picked?.has(entry.row.key) ?? false}
                onPick={onPick}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
