/**
 * App-wide state: app info (version, data files and keychain state) and the settings.
 */
import { create } from 'zustand';
import type { AppInfo, DataFileStore, Settings } from '../../shared/domain';
import type { AppErrorShape, Result } from '../../shared/errors';
import { call } from '../lib/api';

export type ThemeChoice = Settings['theme'];

interface AppState {
  info: AppInfo | null;
  settings: Settings | null;
  loadError: AppErrorShape | null;
  /** Data-file notices (app.info's dataEvents) the user dismissed, by store. */
  dismissedDataNotices: DataFileStore[];
  load: () => Promise<void>;
  /** Re-reads app.info (the keychain may have been unlocked since the window opened). */
  refreshInfo: () => Promise<void>;
  /** Saves a change; the answer says whether it was saved (the dialog shows a failure). */
  updateSettings: (patch: Partial<Settings>) => Promise<Result<Settings>>;
  dismissDataNotice: (store: DataFileStore) => void;
}

export const useAppStore = create<AppState>()((set) => ({
  info: null,
  settings: null,
  loadError: null,
  dismissedDataNotices: [],
  load: async () => {
    const [info, settings] = await Promise.all([
      call((api) => api.app.info({})),
      call((api) => api.settings.get({})),
    ]);
    if (!info.ok) {
      set({ loadError: info.error });
      return;
    }
    // A refused data folder has no settings to read; its banner (from app.info) says why.
    const refused = info.value.dataEvents.some((event) => event.kind === 'newer_schema');
    set({
      info: info.value,
      settings: settings.ok ? settings.value : null,
      loadError: settings.ok || refused ? null : settings.error,
    });
  },
  refreshInfo: async () => {
    const result = await call((api) => api.app.info({}));
    if (result.ok) set({ info: result.value });
  },
  updateSettings: async (patch) => {
    const result = await call((api) => api.settings.update(patch));
    if (result.ok) set({ settings: result.value });
    return result;
  },
  dismissDataNotice: (store) => set((s) => ({ dismissedDataNotices: [...s.dismissedDataNotices, store] })),
}));
