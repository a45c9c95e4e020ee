/**
 * Keychain entries nothing refers to (Settings → Keychain): list, re-attach as a profile, forget.
 *
 * Names entries only; a secret never reaches the renderer. Re-attaching reloads the profiles and
 * the token list, since the profile (and its cached snapshot, after a sync) is back.
 */
import { create } from 'zustand';
import type { KeychainEntry } from '../../shared/domain';
import type { AppErrorShape, Result } from '../../shared/errors';
import { call } from '../lib/api';
import { useProfilesStore } from './profiles-store';

interface KeychainState {
  entries: KeychainEntry[] | null;
  loadError: AppErrorShape | null;
  load: () => Promise<void>;
  reattach: (input: { profileId: string; label: string; baseUrl?: string }) => Promise<Result<unknown>>;
  forget: (entry: KeychainEntry) => Promise<Result<unknown>>;
}

export const useKeychainStore = create<KeychainState>()((set, get) => ({
  entries: null,
  loadError: null,
  load: async () => {
    const result = await call((api) => api.keychain.entries({}));
    if (result.ok) set({ entries: result.value, loadError: null });
    else set({ loadError: result.error });
  },
  reattach: async (input) => {
    const result = await call((api) => api.keychain.reattach(input));
    if (result.ok) {
      await Promise.all([get().load(), useProfilesStore.getState().load()]);
    }
    return result;
  },
  forget: async (entry) => {
    const result = await call((api) =>
      api.keychain.forget(
        entry.tokenId === null
          ? { profileId: entry.profileId }
          : { profileId: entry.profileId, tokenId: entry.tokenId },
      ),
    );
    if (result.ok) await get().load();
    return result;
  },
}));
