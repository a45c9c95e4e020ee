/**
 * The Health view's state: main's report (health.list), snooze, ignore and restore, and saving
 * a report of the listed tokens (reports.save).
 *
 * A snooze or ignore answers from main and the report is read again, so the counts and the
 * sidebar badge agree with what main will remind about.
 */
import { create } from 'zustand';
import type { AppErrorShape, Result } from '../../shared/errors';
import type { HealthDismissal, HealthReport, TokenProblemKind } from '../../shared/health/health-schemas';
import type { ReportFormat, ReportSaved } from '../../shared/reports/report-schemas';
import { call } from '../lib/api';

type LoadState = 'idle' | 'loading' | 'ready' | 'error';

/** The token and problem a snooze, ignore or restore is about. */
export interface ProblemRef {
  profileId: string;
  tokenId: string;
  kind: TokenProblemKind;
}

interface HealthState {
  report: HealthReport | null;
  state: LoadState;
  error: AppErrorShape | null;
  load: () => Promise<void>;
  /** Snoozes for `days`, or ignores when `days` is null. */
  dismiss: (problem: ProblemRef, days: number | null) => Promise<Result<HealthDismissal>>;
  restore: (problem: ProblemRef) => Promise<Result<{ restored: boolean }>>;
  saveReport: (
    format: ReportFormat,
    tokens: { profileId: string; tokenId: string }[],
    filters: string,
  ) => Promise<Result<ReportSaved>>;
}

export const useHealthStore = create<HealthState>()((set, get) => ({
  report: null,
  state: 'idle',
  error: null,
  load: async () => {
    set({ state: get().report ? 'ready' : 'loading' });
    const result = await call((api) => api.health.list({}));
    if (result.ok) set({ report: result.value, state: 'ready', error: null });
    else set({ state: 'error', error: result.error });
  },
  dismiss: async (problem, days) => {
    const result = await call((api) =>
      api.health.dismiss({ ...problem, ...(days === null ? {} : { days }) }),
    );
    if (result.ok) await get().load();
    return result;
  },
  restore: async (problem) => {
    const result = await call((api) => api.health.restore(problem));
    if (result.ok) await get().load();
    return result;
  },
  saveReport: (format, tokens, filters) => call((api) => api.reports.save({ format, tokens, filters })),
}));
