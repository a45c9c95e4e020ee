/**
 * App-wide state: app info (version, cache and keychain state) and the theme.
 */
import { create } from 'zustand';
import type { AppInfo, Settings } from '../../shared/domain';
import type { AppErrorShape } from '../../shared/errors';
import { getApi, toErrorShape, unwrap } from '../lib/api';

export type ThemeChoice = Settings['theme'];

interface AppState {
  info: AppInfo | null;
  settings: Settings | null;
  loadError: AppErrorShape | null;
  load: () => Promise<void>;
  updateSettings: (patch: Partial<Settings>) => Promise<void>;
}

export const useAppStore = create<AppState>()((set) => ({
  info: null,
  settings: null,
  loadError: null,
  load: async () => {
    try {
      const api = getApi();
      const [info, settings] = await Promise.all([unwrap(api.app.info({})), unwrap(api.settings.get({}))]);
      set({ info, settings, loadError: null });
    } catch (error) {
      set({ loadError: toErrorShape(error) });
    }
  },
  updateSettings: async (patch) => {
    const settings = await unwrap(getApi().settings.update(patch));
    set({ settings });
  },
}));
