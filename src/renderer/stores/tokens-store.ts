/**
 * The token inventory (every profile's cached tokens) and the open token's detail.
 *
 * The search index is rebuilt here, once per list load or row change, never per keystroke.
 */
import { create } from 'zustand';
import type { TokenDetail, TokenRow, VerifyResult } from '../../shared/domain';
import type { AppErrorShape } from '../../shared/errors';
import { getApi, toErrorShape, unwrap } from '../lib/api';
import { buildTokenIndex, indexToken, type IndexedToken } from '../lib/token-filter';

type LoadState = 'idle' | 'loading' | 'ready' | 'error';

interface TokensState {
  rows: TokenRow[];
  index: IndexedToken[];
  state: LoadState;
  error: AppErrorShape | null;
  detail: TokenDetail | null;
  detailKey: string | null;
  detailState: LoadState;
  detailError: AppErrorShape | null;
  load: () => Promise<void>;
  loadDetail: (key: string) => Promise<void>;
  clearDetail: () => void;
  /** Replaces one row (after a status change, adopt, edit...) and refreshes the open detail. */
  upsertRow: (row: TokenRow) => void;
  removeRow: (key: string) => void;
  applyVerify: (key: string, result: VerifyResult) => void;
}

/** `${profileId}:${tokenId}`, as TokenRow.key. */
export function tokenKey(profileId: string, tokenId: string): string {
  return `${profileId}:${tokenId}`;
}

export function splitTokenKey(key: string): { profileId: string; tokenId: string } {
  const colon = key.indexOf(':');
  return { profileId: key.slice(0, colon), tokenId: key.slice(colon + 1) };
}

export const useTokensStore = create<TokensState>()((set, get) => ({
  rows: [],
  index: [],
  state: 'idle',
  error: null,
  detail: null,
  detailKey: null,
  detailState: 'idle',
  detailError: null,
  load: async () => {
    set({ state: get().state === 'ready' ? 'ready' : 'loading' });
    try {
      const rows = await unwrap(getApi().tokens.list({}));
      set({ rows, index: buildTokenIndex(rows), state: 'ready', error: null });
      const open = get().detailKey;
      if (open !== null) {
        if (rows.some((row) => row.key === open)) await get().loadDetail(open);
        else get().clearDetail();
      }
    } catch (error) {
      set({ state: 'error', error: toErrorShape(error) });
    }
  },
  loadDetail: async (key) => {
    const keepShown = get().detailKey === key && get().detail !== null;
    set({
      detailKey: key,
      detailState: keepShown ? 'ready' : 'loading',
      detailError: null,
      ...(keepShown ? {} : { detail: null }),
    });
    const { profileId, tokenId } = splitTokenKey(key);
    const result = await getApi().tokens.get({ profileId, tokenId });
    // A newer selection may have replaced this one while the call ran.
    if (get().detailKey !== key) return;
    if (result.ok) set({ detail: result.value, detailState: 'ready', detailError: null });
    else set({ detailState: 'error', detailError: result.error });
  },
  clearDetail: () => set({ detail: null, detailKey: null, detailState: 'idle', detailError: null }),
  upsertRow: (row) => {
    const rows = get().rows.slice();
    const index = get().index.slice();
    const at = rows.findIndex((r) => r.key === row.key);
    if (at === -1) {
      rows.push(row);
      index.push(indexToken(row));
    } else {
      rows[at] = row;
      const indexAt = index.findIndex((entry) => entry.row.key === row.key);
      if (indexAt !== -1) index[indexAt] = indexToken(row);
    }
    set({ rows, index });
    if (get().detailKey === row.key) void get().loadDetail(row.key);
  },
  removeRow: (key) => {
    set({
      rows: get().rows.filter((r) => r.key !== key),
      index: get().index.filter((e) => e.row.key !== key),
    });
    if (get().detailKey === key) get().clearDetail();
  },
  applyVerify: (key, result) => {
    const row = get().rows.find((r) => r.key === key);
    if (row) get().upsertRow({ ...row, lastVerify: result });
  },
}));
