/**
 * Main -> renderer events: sync progress and completion, clipboard cleared, bulk progress, and a
 * clicked reminder (health.open).
 */
import { useEffect } from 'react';
import { getApi } from '../../lib/api';
import { useProfilesStore } from '../../stores/profiles-store';
import { t } from '../../lib/i18n';
import { toast } from '../../stores/toast-store';
import { useTokensStore } from '../../stores/tokens-store';
import { useBulkStore } from '../../stores/bulk-store';
import { useUiStore } from '../../stores/ui-store';

export function useEvents(): void {
  useEffect(() => {
    const api = getApi();
    // Progress events can come many times a second; the full status (rate limits, offline) is
    // read from the cache at most every 500 ms, which is plenty for a person watching.
    let pending: ReturnType<typeof setTimeout> | null = null;
    const refreshStatusSoon = (): void => {
      if (pending !== null) return;
      pending = setTimeout(() => {
        pending = null;
        void useProfilesStore.getState().loadSyncStatus();
      }, 500);
    };
    const off = [
      api.on('sync.progress', (progress) => {
        useProfilesStore.getState().applyProgress(progress);
        refreshStatusSoon();
      }),
      api.on('sync.finished', ({ profileId, run }) => {
        useProfilesStore.getState().applyFinished(profileId, run);
        void useProfilesStore.getState().load();
        void useTokensStore.getState().load();
      }),
      api.on('clipboard.cleared', () => toast('info', t('shell.clipboardCleared'))),
      api.on('bulk.progress', (progress) => useBulkStore.getState().applyProgress(progress)),
      // A reminder was clicked: the shell brought the window up; show what needs care.
      api.on('health.open', () => useUiStore.getState().setScreen('health')),
    ];
    return () => {
      if (pending !== null) clearTimeout(pending);
      for (const unsubscribe of off) unsubscribe();
    };
  }, []);
}
