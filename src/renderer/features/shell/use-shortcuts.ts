/**
 * Window-wide keys: Ctrl/Cmd+F or "/" to search, Ctrl/Cmd+N for a new token, Esc to close the
 * detail panel (dialogs handle their own Esc first).
 */
import { useEffect } from 'react';
import { useProfilesStore } from '../../stores/profiles-store';
import { useUiStore } from '../../stores/ui-store';

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
}

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const ui = useUiStore.getState();
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (ui.dialog !== null) return;
      if ((mod && key === 'f') || (!mod && !event.altKey && event.key === '/' && !typingIn(event.target))) {
        event.preventDefault();
        ui.focusSearch();
        return;
      }
      if (mod && key === 'n' && !event.shiftKey) {
        event.preventDefault();
        if (useProfilesStore.getState().profiles.length === 0) {
          ui.openDialog({ kind: 'addProfile' });
          return;
        }
        const view = ui.view;
        ui.openDialog({
          kind: 'wizard',
          target: { mode: 'create', profileId: view.kind === 'all' ? null : view.profileId },
        });
        return;
      }
      if (event.key === 'Escape' && ui.detailOpen) {
        event.preventDefault();
        const key = ui.selectedKey;
        ui.closeDetail();
        // Back to the row the panel was about, so arrows keep working. Keys are `profile:token`
        // ids (letters, digits, - _ :), safe inside a quoted attribute selector.
        if (key)
          requestAnimationFrame(() =>
            document.querySelector<HTMLElement>(`.token-row[data-key="${key}"]`)?.focus(),
          );
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
