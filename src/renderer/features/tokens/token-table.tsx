/**
 * The token table: virtualised rows (only what is on screen is rendered), sortable columns,
 * arrow-key navigation, click or Enter to open a token.
 *
 * ARIA grid semantics with row focus: the selected row holds the tab stop, arrows move it, and
 * aria-rowcount/aria-rowindex tell assistive tech where it is among all rows, not just the
 * rendered ones.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useT } from '../../lib/i18n';
import type { IndexedToken } from '../../lib/token-index';
import type { SortState } from '../../lib/token-sort';
import { COLUMNS } from './columns';
import { rowId, TokenRowView } from './token-row';
import { TokenTableHead } from './token-table-head';

export const ROW_HEIGHT = 48;

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
  const t = useT();
  const scroller = useRef<HTMLDivElement>(null);
  const wantFocus = useRef(false);
  // TanStack Virtual returns fresh functions each render, so the React Compiler skips this
  // component; nothing here relies on compiler memoization (TokenRowView is memoised by hand).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    // Rows past the edge are rendered ahead for scrolling; each costs a search keystroke a mount.
    // Two (96 px) cover a wheel notch; four cost the search keystroke's p95 about 2 ms (six
    // interleaved renderer bench pairs, five of them lower with two: README, "Eighth round").
    overscan: 2,
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
      aria-label={t('tokens.table.label')}
      aria-rowcount={entries.length + 1}
      aria-colcount={COLUMNS.length}
      data-total={total}
      onKeyDown={onKeyDown}
    >
      <TokenTableHead sort={sort} onSort={onSort} />
      <div ref={scroller} className="token-scroll" role="rowgroup" data-testid="token-scroll">
        <div className="token-canvas" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const entry = entries[item.index];
            if (!entry) return null;
            return (
              <TokenRowView
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
