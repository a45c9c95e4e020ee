/**
 * Bulk actions: which rows are picked (ctrl/cmd-click toggles one, shift-click a range, "select
 * all N shown"), then the flow of one action: plan (bulk.plan, nothing sent), confirm, run
 * (bulk.run, progress from bulk.progress events), results, and "enable again" after a disable.
 *
 * The run answers with every token's outcome; the inventory is then read again so the list shows
 * what Cloudflare now holds. Nothing is retried from here: a token that may have changed says so.
 */
import { create } from 'zustand';
import type { BulkAction, BulkPlan, BulkProgress, BulkRun } from '../../shared/bulk/bulk-schemas';
import type { AppErrorShape } from '../../shared/errors';
import { splitTokenKey } from '../../shared/token-key';
import { call } from '../lib/api';
import { useTokensStore } from './tokens-store';

export type BulkPhase = 'planning' | 'planned' | 'running' | 'done';

export interface BulkFlow {
  action: BulkAction;
  /** The keys the flow is about (the picked rows when it started). */
  keys: string[];
  phase: BulkPhase;
  plan: BulkPlan | null;
  run: BulkRun | null;
  progress: BulkProgress | null;
  error: AppErrorShape | null;
}

interface BulkState {
  picked: ReadonlySet<string>;
  /** Where a shift-click range starts: the last row picked by itself. */
  anchor: string | null;
  flow: BulkFlow | null;
  toggle: (key: string) => void;
  /** Adds the rows from the anchor to `key`, in the list's order. */
  pickRange: (key: string, ordered: readonly string[]) => void;
  pickAll: (keys: readonly string[]) => void;
  clear: () => void;
  /** Drops picks of rows no longer in the list (deleted, or gone after a sync). */
  keepOnly: (keys: ReadonlySet<string>) => void;
  /** Asks main what the action would send for the picked rows. */
  start: (action: BulkAction) => Promise<void>;
  /** Sends the planned action (each write once). */
  confirm: () => Promise<void>;
  /** After a disable: enables again the tokens it disabled. */
  enableAgain: () => Promise<void>;
  applyProgress: (progress: BulkProgress) => void;
  closeFlow: () => void;
}

const refsOf = (keys: readonly string[]): { profileId: string; tokenId: string }[] =>
  keys.map((key) => splitTokenKey(key));

export const useBulkStore = create<BulkState>()((set, get) => {
  const plan = async (action: BulkAction, keys: string[]): Promise<void> => {
    set({ flow: { action, keys, phase: 'planning', plan: null, run: null, progress: null, error: null } });
    const result = await call((api) => api.bulk.plan({ action, tokens: refsOf(keys) }));
    const flow = get().flow;
    if (!flow || flow.action !== action || flow.phase !== 'planning') return;
    set({
      flow: result.ok
        ? { ...flow, phase: 'planned', plan: result.value }
        : { ...flow, phase: 'planned', error: result.error },
    });
  };

  const run = async (action: BulkAction, keys: string[]): Promise<void> => {
    const flow = get().flow;
    set({
      flow: {
        action,
        keys,
        phase: 'running',
        plan: flow?.action === action ? flow.plan : null,
        run: null,
        progress: null,
        error: null,
      },
    });
    const result = await call((api) => api.bulk.run({ action, tokens: refsOf(keys), confirmed: true }));
    const current = get().flow;
    if (current) {
      set({
        flow: result.ok
          ? { ...current, phase: 'done', run: result.value }
          : { ...current, phase: 'done', error: result.error },
      });
    }
    await useTokensStore.getState().load();
  };

  return {
    picked: new Set(),
    anchor: null,
    flow: null,
    toggle: (key) => {
      const next = new Set(get().picked);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      set({ picked: next, anchor: key });
    },
    pickRange: (key, ordered) => {
      const anchor = get().anchor;
      const from = anchor === null ? -1 : ordered.indexOf(anchor);
      const to = ordered.indexOf(key);
      if (to === -1) return;
      const [start, end] = from === -1 ? [to, to] : [Math.min(from, to), Math.max(from, to)];
      const next = new Set(get().picked);
      for (const k of ordered.slice(start, end + 1)) next.add(k);
      set({ picked: next, anchor: anchor ?? key });
    },
    pickAll: (keys) => set({ picked: new Set(keys), anchor: null }),
    clear: () => set({ picked: new Set(), anchor: null }),
    keepOnly: (keys) => {
      const picked = get().picked;
      if ([...picked].every((k) => keys.has(k))) return;
      set({ picked: new Set([...picked].filter((k) => keys.has(k))) });
    },
    start: (action) => plan(action, [...get().picked]),
    confirm: async () => {
      const flow = get().flow;
      if (!flow?.plan || flow.phase !== 'planned') return;
      await run(flow.action, flow.keys);
    },
    enableAgain: async () => {
      const flow = get().flow;
      if (flow?.action !== 'disable' || !flow.run) return;
      const disabled = flow.run.results.filter((r) => r.outcome === 'done').map((r) => r.token.key);
      if (disabled.length > 0) await run('enable', disabled);
    },
    applyProgress: (progress) => {
      const flow = get().flow;
      if (flow?.phase === 'running' && flow.action === progress.action) set({ flow: { ...flow, progress } });
    },
    closeFlow: () => set({ flow: null }),
  };
});
