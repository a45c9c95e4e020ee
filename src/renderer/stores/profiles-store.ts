/**
 * Profiles (Cloudflare logins), their cached accounts and zones, each profile's sync state, and
 * what a profile's credential may grant (permission groups, templates) for the wizard.
 *
 * Credentials pass through here without being kept: `add` and `replaceCredential` hand the form's
 * input to main and hold nothing of it, and nothing that comes back carries it. Every call answers
 * with the result envelope; a write's caller shows its failure.
 */
import { create } from 'zustand';
import type { ChannelInput } from '../../shared/contract';
import type {
  Account,
  PermissionGroup,
  Profile,
  ResolvedTemplate,
  SyncProgress,
  SyncRun,
  SyncStatus,
  TokenOwner,
  Zone,
} from '../../shared/domain';
import { isErrorCode, type AppErrorShape, type Result } from '../../shared/errors';
import type { MessageKey } from '../../shared/i18n/message';
import { call } from '../lib/api';

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
  add: (input: ChannelInput<'profiles.add'>) => Promise<Result<Profile>>;
  rename: (profileId: string, label: string) => Promise<Result<Profile>>;
  replaceCredential: (input: ChannelInput<'profiles.replaceCredential'>) => Promise<Result<Profile>>;
  remove: (profileId: string) => Promise<Result<unknown>>;
  /** The permission groups a token of this owner may hold (read fresh each time: a sync may change them). */
  permissionGroups: (profileId: string, owner: TokenOwner) => Promise<Result<PermissionGroup[]>>;
  /** Cloudflare's templates, resolved against this profile's permission groups. */
  templates: (profileId: string, owner: TokenOwner) => Promise<Result<ResolvedTemplate[]>>;
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
    nextSyncAt: null,
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
    const profiles = await call((api) => api.profiles.list({}));
    if (!profiles.ok) {
      set({ state: 'error', error: profiles.error });
      return;
    }
    // Accounts, zones and sync state are secondary: the sidebar is useful without them.
    const [accounts, zones] = await Promise.all([
      call((api) => api.accounts.list({})),
      call((api) => api.zones.list({})),
    ]);
    set({
      profiles: profiles.value,
      accounts: accounts.ok ? accounts.value : get().accounts,
      zones: zones.ok ? zones.value : get().zones,
      state: 'ready',
      error: null,
    });
    await get().loadSyncStatus();
  },
  loadSyncStatus: async () => {
    const result = await call((api) => api.sync.status({}));
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
    const result = await call((api) => api.sync.start(profileId ? { profileId } : {}));
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
          ...(run.error.key ? { key: run.error.key as MessageKey, params: run.error.params ?? {} } : {}),
          ...(run.error.retryAt ? { details: { retryAt: run.error.retryAt } } : {}),
        };
        set({ syncErrors: { ...get().syncErrors, [run.profileId]: error } });
      }
    }
    await get().load();
    return result.value;
  },
  cancelSync: async (profileId) => {
    await call((api) => api.sync.cancel({ profileId }));
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
    const result = await call((api) => api.profiles.add(input));
    if (result.ok) set({ profiles: upsert(get().profiles, result.value), state: 'ready' });
    return result;
  },
  rename: async (profileId, label) => {
    const result = await call((api) => api.profiles.rename({ profileId, label }));
    if (result.ok) set({ profiles: upsert(get().profiles, result.value) });
    return result;
  },
  replaceCredential: async (input) => {
    const result = await call((api) => api.profiles.replaceCredential(input));
    if (result.ok) set({ profiles: upsert(get().profiles, result.value) });
    return result;
  },
  remove: async (profileId) => {
    const result = await call((api) => api.profiles.remove({ profileId }));
    if (!result.ok) return result;
    const sync = { ...get().sync };
    delete sync[profileId];
    set({
      profiles: get().profiles.filter((p) => p.id !== profileId),
      accounts: get().accounts.filter((a) => a.profileId !== profileId),
      zones: get().zones.filter((z) => z.profileId !== profileId),
      sync,
    });
    return result;
  },
  permissionGroups: (profileId, owner) => call((api) => api.permissionGroups.list({ profileId, owner })),
  templates: (profileId, owner) => call((api) => api.templates.list({ profileId, owner })),
}));

/** The sync status of a profile, or an idle one when the core has not reported it yet. */
export function syncStatusOf(sync: Record<string, SyncStatus>, profileId: string): SyncStatus {
  return sync[profileId] ?? emptyStatus(profileId);
}
