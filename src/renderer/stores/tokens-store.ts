/**
 * The token inventory (every profile's cached tokens), the open token's detail, and every call
 * that reads or changes a token.
 *
 * Each operation answers with the result envelope after applying a success to the inventory, so
 * the screen that asked only shows the outcome. A secret (create, roll) passes through to the
 * show-once panel and is never kept here. The search index is rebuilt once per list load or row
 * change, never per keystroke.
 */
import { create } from 'zustand';
import type { ChannelInput, ChannelOutput } from '../../shared/contract';
import type {
  CopyFormat,
  ShowOnceSecret,
  TokenDetail,
  TokenDraft,
  TokenEdit,
  TokenPreview,
  TokenRow,
  VerifyResult,
} from '../../shared/domain';
import type { AppErrorShape, Result } from '../../shared/errors';
import { splitTokenKey } from '../../shared/token-key';
import { call } from '../lib/api';
import { buildTokenIndex, indexToken, type IndexedToken } from '../lib/token-index';
import { watchSearchLanguage } from '../lib/token-search-words';

type LoadState = 'idle' | 'loading' | 'ready' | 'error';

/** The token an operation is about (a TokenRow is one). */
export type TokenTarget = Pick<TokenRow, 'key' | 'profileId' | 'id'>;

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

  /** The draft Edit starts from, read fresh from main's cache (exact, or why there is none). */
  editDraft: (token: TokenTarget) => Promise<Result<TokenEdit>>;
  preview: (input: ChannelInput<'tokens.preview'>) => Promise<Result<TokenPreview>>;
  create: (input: ChannelInput<'tokens.create'>) => Promise<Result<ShowOnceSecret>>;
  update: (token: TokenTarget, draft: TokenDraft) => Promise<Result<TokenRow>>;
  setStatus: (token: TokenTarget, status: 'active' | 'disabled') => Promise<Result<TokenRow>>;
  deleteToken: (token: TokenTarget) => Promise<Result<unknown>>;
  roll: (token: TokenTarget, keepSecret: boolean) => Promise<Result<ShowOnceSecret>>;
  /** Keeps a secret the user already has; the secret goes to main and is not held here. */
  adopt: (token: TokenTarget, secret: string) => Promise<Result<TokenRow>>;
  forgetSecret: (token: TokenTarget) => Promise<Result<TokenRow>>;
  verify: (token: TokenTarget) => Promise<Result<VerifyResult>>;
  /** Verifies every kept secret of a profile, then reloads the list (each row's last verify changed). */
  verifyAll: (profileId: string) => Promise<Result<ChannelOutput<'tokens.verifyAll'>>>;
  /** Main writes the clipboard (and clears it later); the answer says when. */
  copy: (token: TokenTarget, format: CopyFormat) => Promise<Result<ChannelOutput<'clipboard.copy'>>>;
}

function ref(token: TokenTarget): { profileId: string; tokenId: string } {
  return { profileId: token.profileId, tokenId: token.id };
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
    const result = await call((api) => api.tokens.list({}));
    if (!result.ok) {
      set({ state: 'error', error: result.error });
      return;
    }
    const rows = result.value;
    set({ rows, index: buildTokenIndex(rows), state: 'ready', error: null });
    const open = get().detailKey;
    if (open !== null) {
      if (rows.some((row) => row.key === open)) await get().loadDetail(open);
      else get().clearDetail();
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
    const result = await call((api) => api.tokens.get({ profileId, tokenId }));
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

  editDraft: async (token) => {
    const result = await call((api) => api.tokens.get(ref(token)));
    return result.ok ? { ok: true, value: result.value.edit } : result;
  },
  preview: (input) => call((api) => api.tokens.preview(input)),
  create: async (input) => {
    const result = await call((api) => api.tokens.create(input));
    if (result.ok) get().upsertRow(result.value.token);
    return result;
  },
  update: async (token, draft) => {
    const result = await call((api) => api.tokens.update({ ...ref(token), draft }));
    if (result.ok) get().upsertRow(result.value);
    return result;
  },
  setStatus: async (token, status) => {
    const result = await call((api) => api.tokens.setStatus({ ...ref(token), status }));
    if (result.ok) get().upsertRow(result.value);
    return result;
  },
  deleteToken: async (token) => {
    const result = await call((api) => api.tokens.delete(ref(token)));
    if (result.ok) get().removeRow(token.key);
    return result;
  },
  roll: async (token, keepSecret) => {
    const result = await call((api) => api.tokens.roll({ ...ref(token), keepSecret }));
    if (result.ok) get().upsertRow(result.value.token);
    return result;
  },
  adopt: async (token, secret) => {
    const result = await call((api) => api.tokens.adopt({ ...ref(token), secret }));
    if (result.ok) get().upsertRow(result.value);
    return result;
  },
  forgetSecret: async (token) => {
    const result = await call((api) => api.tokens.forgetSecret(ref(token)));
    if (result.ok) get().upsertRow(result.value);
    return result;
  },
  verify: async (token) => {
    const result = await call((api) => api.tokens.verify(ref(token)));
    if (result.ok) get().applyVerify(token.key, result.value);
    return result;
  },
  verifyAll: async (profileId) => {
    const result = await call((api) => api.tokens.verifyAll({ profileId }));
    if (result.ok) void get().load();
    return result;
  },
  copy: (token, format) => call((api) => api.clipboard.copy({ ...ref(token), format })),
}));

// Search also finds the words the rows show, which change with the language: index them again.
watchSearchLanguage(() => {
  useTokensStore.setState((state) => ({ index: buildTokenIndex(state.rows) }));
});
