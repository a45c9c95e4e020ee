/**
 * The access explorer's state: the target asked about and main's answer (access.explore).
 *
 * The answer comes from main's index over every login's cache; asking again after the token list
 * changed (a sync, a bulk action) gives the fresh answer. A newer question replaces an older one
 * still in flight.
 */
import { create } from 'zustand';
import type { AccessExplore, ExploreTarget } from '../../shared/access/access-schemas';
import type { AppErrorShape } from '../../shared/errors';
import { call } from '../lib/api';

type LoadState = 'idle' | 'loading' | 'ready' | 'error';

interface AccessState {
  target: ExploreTarget | null;
  answer: AccessExplore | null;
  state: LoadState;
  error: AppErrorShape | null;
  explore: (target: ExploreTarget) => Promise<void>;
  /** Asks the current question again (the inventory changed). */
  refresh: () => Promise<void>;
}

function sameTarget(a: ExploreTarget | null, b: ExploreTarget): boolean {
  return a !== null && JSON.stringify(a) === JSON.stringify(b);
}

export const useAccessStore = create<AccessState>()((set, get) => ({
  target: null,
  answer: null,
  state: 'idle',
  error: null,
  explore: async (target) => {
    const keep = sameTarget(get().target, target) && get().answer !== null;
    set({ target, state: keep ? 'ready' : 'loading', error: null, ...(keep ? {} : { answer: null }) });
    const result = await call((api) => api.access.explore({ target }));
    if (!sameTarget(get().target, target)) return;
    if (result.ok) set({ answer: result.value, state: 'ready', error: null });
    else set({ state: 'error', error: result.error, answer: null });
  },
  refresh: async () => {
    const target = get().target;
    if (target) await get().explore(target);
  },
}));
