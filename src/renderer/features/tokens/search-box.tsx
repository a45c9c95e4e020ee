/**
 * The token search: focused by Ctrl+F or /, Escape clears it, Down or Enter moves into the
 * table's first shown row (Enter also opens it).
 */
import { useEffect, useRef } from 'react';
import { Icon } from '../../components/icons';
import { useT } from '../../lib/i18n';
import type { IndexedToken } from '../../lib/token-index';
import { useUiStore } from '../../stores/ui-store';

export function SearchBox({ shown }: { shown: readonly IndexedToken[] }): React.JSX.Element {
  const t = useT();
  const query = useUiStore((s) => s.query);
  const setQuery = useUiStore((s) => s.setQuery);
  const select = useUiStore((s) => s.select);
  const focusRequest = useUiStore((s) => s.searchFocusRequest);
  const searchBox = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (focusRequest > 0) {
      searchBox.current?.focus();
      searchBox.current?.select();
    }
  }, [focusRequest]);

  return (
    <div className="search">
      <Icon name="search" className="search-icon" />
      <input
        ref={searchBox}
        type="search"
        className="input search-input"
        placeholder={t('tokens.search.placeholder')}
        aria-label={t('tokens.search.label')}
        aria-keyshortcuts="Control+F /"
        // Names, ids and zones are not prose: no spelling marks, and no spell check between keystrokes.
        spellCheck={false}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && query) {
            event.stopPropagation();
            setQuery('');
          } else if (event.key === 'ArrowDown' || event.key === 'Enter') {
            const first = shown[0];
            if (first) {
              event.preventDefault();
              select(first.row.key, event.key === 'Enter');
              document.querySelector<HTMLElement>('.token-row[tabindex="0"]')?.focus();
            }
          }
        }}
      />
      <kbd className="search-kbd" aria-hidden="true">
        /
      </kbd>
    </div>
  );
}
