/**
 * Short confirmations ("Copied — clears in 30 s") and failures, shown in a polite live region.
 */
import { create } from 'zustand';

export type ToastTone = 'success' | 'info' | 'warning' | 'danger';

export interface Toast {
  id: number;
  tone: ToastTone;
  message: string;
  /** A second line with the next step, for failures. */
  detail?: string;
}

interface ToastState {
  toasts: Toast[];
  push: (toast: Omit<Toast, 'id'>, durationMs?: number) => number;
  dismiss: (id: number) => void;
}

let nextId = 1;
const DEFAULT_DURATION_MS = 4_000;
/** Failures stay longer: they carry a next step someone has to read. */
const DANGER_DURATION_MS = 8_000;

export const useToastStore = create<ToastState>()((set, get) => ({
  toasts: [],
  push: (toast, durationMs) => {
    const id = nextId++;
    // The same message again replaces the last one (a second copy is not news); at most four
    // at once, since older confirmations have done their job.
    const previous = get().toasts;
    const last = previous[previous.length - 1];
    const kept =
      last && last.message === toast.message && last.tone === toast.tone ? previous.slice(0, -1) : previous;
    set({ toasts: [...kept.slice(-3), { ...toast, id }] });
    const duration = durationMs ?? (toast.tone === 'danger' ? DANGER_DURATION_MS : DEFAULT_DURATION_MS);
    setTimeout(() => get().dismiss(id), duration);
    return id;
  },
  dismiss: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
}));

/** Shorthand for code outside React. */
export function toast(tone: ToastTone, message: string, detail?: string): void {
  useToastStore.getState().push(detail === undefined ? { tone, message } : { tone, message, detail });
}
