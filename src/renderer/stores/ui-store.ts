/**
 * What the window shows: the sidebar view, search, filters, sort, the selected token and
 * which dialog is open. Plain UI state, no API calls.
 */
import { create } from 'zustand';
import type { TokenDraft, TokenOwner } from '../../shared/domain';
import type { ImportResult } from '../../shared/export/export-schemas';
import { NO_FILTERS, type TokenFilters, type TokenView } from '../lib/token-filter';
import { DEFAULT_SORT, type SortKey, type SortState } from '../lib/token-sort';

/** A create that starts from a draft: an import, a duplicate (`report` says what resolved). */
export interface WizardStartDraft {
  owner: TokenOwner;
  draft: TokenDraft;
  report: ImportResult | null;
}

export type WizardTarget =
  { mode: 'create'; profileId: string | null; start?: WizardStartDraft } | { mode: 'edit'; tokenKey: string };

/** The main area's screen: the token list, the access explorer or the Health view. */
export type Screen = 'tokens' | 'access' | 'health';

/** A part of the settings dialog that a notice may open it at. */
export type SettingsSection = 'general' | 'keychain';

export type Dialog =
  | { kind: 'addProfile' }
  | { kind: 'profile'; profileId: string }
  | { kind: 'settings'; section?: SettingsSection }
  | { kind: 'wizard'; target: WizardTarget };

interface UiState {
  screen: Screen;
  view: TokenView;
  query: string;
  filters: TokenFilters;
  sort: SortState;
  selectedKey: string | null;
  detailOpen: boolean;
  dialog: Dialog | null;
  /** Bumped to ask the search box to take focus (Ctrl+F, "/"). */
  searchFocusRequest: number;
  setScreen: (screen: Screen) => void;
  /** Shows the token list at this view (a sidebar entry). */
  setView: (view: TokenView) => void;
  setQuery: (query: string) => void;
  setFilters: (patch: Partial<TokenFilters>) => void;
  resetFilters: () => void;
  toggleSort: (key: SortKey) => void;
  select: (key: string | null, open?: boolean) => void;
  closeDetail: () => void;
  openDialog: (dialog: Dialog) => void;
  closeDialog: () => void;
  focusSearch: () => void;
}

export const useUiStore = create<UiState>()((set, get) => ({
  screen: 'tokens',
  view: { kind: 'all' },
  query: '',
  filters: NO_FILTERS,
  sort: DEFAULT_SORT,
  selectedKey: null,
  detailOpen: false,
  dialog: null,
  searchFocusRequest: 0,
  setScreen: (screen) => set({ screen }),
  setView: (view) => set({ view, screen: 'tokens' }),
  setQuery: (query) => set({ query }),
  setFilters: (patch) => set({ filters: { ...get().filters, ...patch } }),
  resetFilters: () => set({ filters: NO_FILTERS, query: '' }),
  toggleSort: (key) => {
    const current = get().sort;
    set({
      sort:
        current.key === key
          ? { key, direction: current.direction === 'asc' ? 'desc' : 'asc' }
          : { key, direction: 'asc' },
    });
  },
  select: (key, open) =>
    set({ selectedKey: key, detailOpen: key === null ? false : (open ?? get().detailOpen) }),
  closeDetail: () => set({ detailOpen: false }),
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),
  focusSearch: () => set({ searchFocusRequest: get().searchFocusRequest + 1 }),
}));
