/**
 * The sandbox: whether the window shows sample data, and entering or leaving it.
 *
 * Entering or leaving swaps every answer main gives (profiles, tokens, settings, health…), so
 * after either the window reloads rather than patching each store: nothing of the real profiles
 * can linger on a sandbox screen, or the other way round. `reload` is a field so renderer tests
 * can watch it (jsdom cannot reload a page).
 */
import { create } from 'zustand';
import type { SandboxStatus } from '../../shared/sandbox/contract-channels';
import type { AppErrorShape } from '../../shared/errors';
import { call } from '../lib/api';

interface SandboxState {
  status: SandboxStatus | null;
  /** 'entering' or 'leaving' while main prepares or removes the sample data. */
  busy: 'entering' | 'leaving' | null;
  error: AppErrorShape | null;
  load: () => Promise<void>;
  enter: () => Promise<void>;
  leave: () => Promise<void>;
  /** Reloads the window so every screen reads from the core main now shows. */
  reload: () => void;
}

export const useSandboxStore = create<SandboxState>()((set, get) => {
  const swap = async (busy: 'entering' | 'leaving'): Promise<void> => {
    if (get().busy) return;
    set({ busy, error: null });
    const result = await call((api) => (busy === 'entering' ? api.sandbox.enter({}) : api.sandbox.leave({})));
    if (!result.ok) {
      set({ busy: null, error: result.error });
      return;
    }
    set({ status: result.value });
    get().reload();
  };
  return {
    status: null,
    busy: null,
    error: null,
    load: async () => {
      const result = await call((api) => api.sandbox.status({}));
      if (result.ok) set({ status: result.value });
    },
    enter: () => swap('entering'),
    leave: () => swap('leaving'),
    reload: () => window.location.reload(),
  };
});
