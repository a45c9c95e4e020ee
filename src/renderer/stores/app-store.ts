/**
 * App-wide state: app info (version, cache and keychain state) and the settings.
 */
import { create } from 'zustand';
import type { AppInfo, CacheEvent, Settings } from '../../shared/domain';
import type { AppErrorShape } from '../../shared/errors';
import { getApi, toErrorShape, unwrap } from '../lib/api';

export type ThemeChoice = Settings['theme'];

interface AppState {
  info: AppInfo | null;
  settings: Settings | null;
  loadError: AppErrorShape | null;
  /** A cache reset announced while running (cache.reset event), shown like app.info's cacheEvent. */
  cacheEvent: CacheEvent | null;
  cacheNoticeDismissed: boolean;
  load: () => Promise<void>;
  /** Re-reads app.info (the keychain may have been unlocked since the window opened). */
  refreshInfo: () => Promise<void>;
  updateSettings: (patch: Partial<Settings>) => Promise<void>;
  noteCacheReset: (event: CacheEvent) => void;
  dismissCacheNotice: () => void;
}

export const useAppStore = create<AppState>()((set) => ({
  info: null,
  settings: null,
  loadError: null,
  cacheEvent: null,
  cacheNoticeDismissed: false,
  load: async () => {
    try {
      const api = getApi();
      const [info, settings] = await Promise.all([unwrap(api.app.info({})), unwrap(api.settings.get({}))]);
      set({ info, settings, loadError: null, cacheEvent: info.cacheEvent });
    } catch (error) {
      set({ loadError: toErrorShape(error) });
    }
  },
  refreshInfo: async () => {
    const result = await getApi().app.info({});
    if (result.ok) set({ info: result.value });
  },
  updateSettings: async (patch) => {
    const settings = await unwrap(getApi().settings.update(patch));
    set({ settings });
  },
  noteCacheReset: (event) => set({ cacheEvent: event, cacheNoticeDismissed: false }),
  dismissCacheNotice: () => set({ cacheNoticeDismissed: true }),
}));
