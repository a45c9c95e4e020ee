/**
 * Profiles (Cloudflare logins), their cached accounts and zones, and each profile's sync state.
 *
 * Credentials never pass through here: the add and replace forms hand the secret straight to
 * window.api from their own component state, and nothing that comes back carries it.
 */
import { create } from 'zustand';
import type { ChannelInput } from '../../shared/contract';
import type { Account, Profile, SyncProgress, SyncRun, SyncStatus, Zone } from '../../shared/domain';
import { isErrorCode, type AppErrorShape } from '../../shared/errors';
import { getApi, toErrorShape, unwrap } from '../lib/api';

type LoadState = 'idle' | 'loading' | 'ready' | 'error';

interface ProfilesState {
  profiles: Profile[];
  accounts: Account[];
  zones: Zone[];
  /** By profile id. */
  sync: Record<string, SyncStatus>;
  state: LoadState;
  error: AppErrorShape | null;
  /** The last failure of a sync someone started here, by profile id (cleared by the next start). */
  syncErrors: Record<string, AppErrorShape>;
  load: () => Promise<void>;
  loadSyncStatus: () => Promise<void>;
  startSync: (profileId?: string) => Promise<SyncRun[] | null>;
  cancelSync: (profileId: string) => Promise<void>;
  applyProgress: (progress: SyncProgress) => void;
  applyFinished: (profileId: string, run: SyncRun) => void;
  add: (input: ChannelInput<'profiles.add'>) => Promise<Profile>;
  rename: (profileId: string, label: string) => Promise<Profile>;
  replaceCredential: (input: ChannelInput<'profiles.replaceCredential'>) => Promise<Profile>;
  remove: (profileId: string) => Promise<void>;
}

function upsert(profiles: Profile[], profile: Profile): Profile[] {
  const index = profiles.findIndex((p) => p.id === profile.id);
  if (index === -1) return [...profiles, profile];
  const next = profiles.slice();
  next[index] = profile;
  return next;
}

function emptyStatus(profileId: string): SyncStatus {
  return {
    profileId,
    running: false,
    progress: null,
    lastSuccessAt: null,
    lastRun: null,
    offline: false,
    rateLimitedUntil: null,
  };
}

export const useProfilesStore = create<ProfilesState>()((set, get) => ({
  profiles: [],
  accounts: [],
  zones: [],
  sync: {},
  state: 'idle',
  error: null,
  syncErrors: {},
  load: async () => {
    set({ state: get().state === 'ready' ? 'ready' : 'loading' });
    try {
      const api = getApi();
      const profiles = await unwrap(api.profiles.list({}));
      // Accounts, zones and sync state are secondary: the sidebar is useful without them.
      const [accounts, zones] = await Promise.all([
        unwrap(api.accounts.list({})).catch(() => get().accounts),
        unwrap(api.zones.list({})).catch(() => get().zones),
      ]);
      set({ profiles, accounts, zones, state: 'ready', error: null });
      await get().loadSyncStatus();
    } catch (error) {
      set({ state: 'error', error: toErrorShape(error) });
    }
  },
  loadSyncStatus: async () => {
    const result = await getApi().sync.status({});
    if (!result.ok) return;
    const sync: Record<string, SyncStatus> = {};
    for (const status of result.value) sync[status.profileId] = status;
    set({ sync });
  },
  startSync: async (profileId) => {
    const ids = profileId ? [profileId] : get().profiles.map((p) => p.id);
    const syncErrors = { ...get().syncErrors };
    const sync = { ...get().sync };
    for (const id of ids) {
      delete syncErrors[id];
      sync[id] = { ...(sync[id] ?? emptyStatus(id)), running: true, progress: null };
    }
    set({ syncErrors, sync });
    const result = await getApi().sync.start(profileId ? { profileId } : {});
    if (!result.ok) {
      const failed = { ...get().syncErrors };
      for (const id of ids) failed[id] = result.error;
      const stopped = { ...get().sync };
      for (const id of ids)
        stopped[id] = { ...(stopped[id] ?? emptyStatus(id)), running: false, progress: null };
      set({ syncErrors: failed, sync: stopped });
      return null;
    }
    for (const run of result.value) {
      if (run.outcome !== 'running') get().applyFinished(run.profileId, run);
      if (run.outcome === 'failed' && run.error) {
        const error: AppErrorShape = {
          code: isErrorCode(run.error.code) ? run.error.code : 'INTERNAL',
          message: run.error.message,
          ...(run.error.retryAt ? { details: { retryAt: run.error.retryAt } } : {}),
        };
        set({ syncErrors: { ...get().syncErrors, [run.profileId]: error } });
      }
    }
    await get().load();
    return result.value;
  },
  cancelSync: async (profileId) => {
    await getApi().sync.cancel({ profileId });
    await get().loadSyncStatus();
  },
  applyProgress: (progress) => {
    const current = get().sync[progress.profileId] ?? emptyStatus(progress.profileId);
    set({ sync: { ...get().sync, [progress.profileId]: { ...current, running: true, progress } } });
  },
  applyFinished: (profileId, run) => {
    const current = get().sync[profileId] ?? emptyStatus(profileId);
    set({
      sync: {
        ...get().sync,
        [profileId]: {
          ...current,
          running: false,
          progress: null,
          lastRun: run,
          lastSuccessAt:
            run.outcome === 'ok' ? (run.endedAt ?? current.lastSuccessAt) : current.lastSuccessAt,
        },
      },
    });
  },
  add: async (input) => {
    const profile = await unwrap(getApi().profiles.add(input));
    set({ profiles: upsert(get().profiles, profile), state: 'ready' });
    return profile;
  },
  rename: async (profileId, label) => {
    const profile = await unwrap(getApi().profiles.rename({ profileId, label }));
    set({ profiles: upsert(get().profiles, profile) });
    return profile;
  },
  replaceCredential: async (input) => {
    const profile = await unwrap(getApi().profiles.replaceCredential(input));
    set({ profiles: upsert(get().profiles, profile) });
    return profile;
  },
  remove: async (profileId) => {
    await unwrap(getApi().profiles.remove({ profileId }));
    const sync = { ...get().sync };
    delete sync[profileId];
    set({
      profiles: get().profiles.filter((p) => p.id !== profileId),
      accounts: get().accounts.filter((a) => a.profileId !== profileId),
      zones: get().zones.filter((z) => z.profileId !== profileId),
      sync,
    });
  },
}));

/** The sync status of a profile, or an idle one when the core has not reported it yet. */
export function syncStatusOf(sync: Record<string, SyncStatus>, profileId: string): SyncStatus {
  return sync[profileId] ?? emptyStatus(profileId);
}
