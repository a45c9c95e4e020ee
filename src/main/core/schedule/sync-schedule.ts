/**
 * Scheduled sync: every profile syncs on its own about every N hours (`Settings.syncEveryHours`,
 * 0 = off), so reminders work from a fresh inventory without anyone pressing Sync.
 *
 * - Due: N hours after the profile's last sync attempt (manual or scheduled), give or take a
 *   jitter of up to 10 % of N (at most 15 minutes), drawn once per attempt so the time the status
 *   bar shows does not move, and so profiles and installations do not all call at the same
 *   minute. A profile never synced is due at the first look. An attempt that failed because
 *   Cloudflare could not be reached (OFFLINE, TIMEOUT) is retried after 30 minutes instead.
 * - Skipped: while a sync of that profile runs (it becomes the new last attempt), while the OS
 *   says there is no network (looked at again 5 minutes later), and while Cloudflare
 *   rate-limits the profile (it waits until the block ends).
 * - Caught up: Node's timers stop while the computer sleeps, so due times are wall-clock times
 *   compared with the injected clock; `wake()` (the shell calls it on resume and unlock) looks
 *   again once the network had a moment to come back, and the timer never sleeps longer than 15
 *   minutes, so a suspend nobody reported is noticed too.
 * - The same sync service runs it as a manual sync: one sync per profile at a time, the same
 *   request planner and per-credential rate gate, so the request budget is shared.
 *
 * Nothing happens until `start()`: a core without a shell (tests, the e2e bridge) never syncs
 * on its own.
 */
import type { SyncState, SyncStatus } from '../../../shared/domain';
import { isAppError } from '../../../shared/errors';
import type { Clock, Logger, Timers } from '../ports';

const HOUR_MS = 60 * 60_000;
const JITTER_SHARE = 0.1;
const MAX_JITTER_MS = 15 * 60_000;
/** A rate-limit block has ended a little before the first call after it. */
const RATE_LIMIT_MARGIN_MS = 5_000;
const MIN_TIMER_MS = 1_000;

/** Logs why the schedule could not read the profiles, except for a folder it must never touch. */
function logUnreadable(logger: Logger, message: string, error: unknown): void {
  // A data folder from a newer Keyflare stays refused; saying so every 15 minutes helps nobody.
  if (isAppError(error) && error.code === 'CACHE_NEWER') return;
  logger.warn(message, { code: isAppError(error) ? error.code : 'unknown' });
}

export interface ScheduleDeps {
  clock: Clock;
  timers: Timers;
  logger: Logger;
  /** The interval setting; 0 turns the schedule off. */
  everyHours(): number;
  /** Every profile's sync state (the sync service's `status()`). */
  states(): SyncState[];
  /** Starts (or joins) a sync of one profile; settles when it ends. */
  sync(profileId: string): Promise<unknown>;
  /** A number in [0, 1) for the jitter (Math.random by default). */
  random?: () => number;
}

export interface ScheduleOptions {
  /** The first look after start, so logging in is not slowed by syncs. */
  startDelayMs?: number;
  /** After a resume or an unlock, how long the network gets to come back before overdue syncs run. */
  wakeDelayMs?: number;
  /** The longest the timer sleeps: a wall-clock jump nobody reported is noticed within it. */
  maxTimerMs?: number;
  /** How soon a profile skipped while offline is looked at again. */
  offlineRetryMs?: number;
  /** The retry of an attempt that could not reach Cloudflare (when shorter than the interval). */
  unreachableRetryMs?: number;
}

export interface SyncSchedule {
  /** Starts looking; `online` answers whether the OS has a network (Electron's net.isOnline). */
  start(options?: { online?: () => boolean }): void;
  stop(): void;
  /** Plans again now: the interval changed, or a sync ended. */
  refresh(): void;
  /** The computer woke up or was unlocked: overdue syncs run after a short delay. */
  wake(): void;
  /** The states with the time each profile's scheduled sync runs next (null: off or running). */
  withNextSync(states: readonly SyncState[]): SyncStatus[];
}

export function createSyncSchedule(deps: ScheduleDeps, options: ScheduleOptions = {}): SyncSchedule {
  const startDelayMs = options.startDelayMs ?? 30_000;
  const wakeDelayMs = options.wakeDelayMs ?? 15_000;
  const maxTimerMs = options.maxTimerMs ?? 15 * 60_000;
  const offlineRetryMs = options.offlineRetryMs ?? 5 * 60_000;
  const unreachableRetryMs = options.unreachableRetryMs ?? 30 * 60_000;
  const random = deps.random ?? Math.random;

  let started = false;
  let online: () => boolean = () => true;
  let handle: unknown = null;
  /** No sync starts before this (the start delay); a profile never synced is due then. */
  let firstLookAt = 0;
  /** The jitter drawn for each profile's last attempt. */
  const jitters = new Map<string, { base: string; ms: number }>();
  /** Profiles skipped while offline, not looked at again before this time. */
  const deferred = new Map<string, number>();
  /** Syncs this schedule started that have not ended. */
  const launched = new Set<string>();

  const now = (): number => deps.clock.now().getTime();

  const jitterFor = (profileId: string, base: string, waitMs: number): number => {
    const known = jitters.get(profileId);
    if (known?.base === base) return known.ms;
    const span = Math.min(waitMs * JITTER_SHARE, MAX_JITTER_MS);
    const ms = Math.round((random() * 2 - 1) * span);
    jitters.set(profileId, { base, ms });
    return ms;
  };

  /** When the profile's scheduled sync is due, in ms since the epoch. */
  const nextFor = (state: SyncState, intervalMs: number): number => {
    const last = state.lastRun;
    const base = last?.startedAt ?? state.lastSuccessAt;
    let next = firstLookAt;
    if (base) {
      const unreachable =
        last?.outcome === 'failed' && (last.error?.code === 'OFFLINE' || last.error?.code === 'TIMEOUT');
      const waitMs = unreachable ? Math.min(intervalMs, unreachableRetryMs) : intervalMs;
      next = Math.max(next, Date.parse(base) + waitMs + jitterFor(state.profileId, base, waitMs));
    }
    if (state.rateLimitedUntil)
      next = Math.max(next, Date.parse(state.rateLimitedUntil) + RATE_LIMIT_MARGIN_MS);
    const notBefore = deferred.get(state.profileId);
    return notBefore === undefined ? next : Math.max(next, notBefore);
  };

  const busy = (state: SyncState): boolean => state.running || launched.has(state.profileId);

  const intervalMs = (): number => {
    const hours = deps.everyHours();
    return hours > 0 ? hours * HOUR_MS : 0;
  };

  const disarm = (): void => {
    if (handle !== null) deps.timers.clearTimeout(handle);
    handle = null;
  };

  const arm = (delayMs: number): void => {
    disarm();
    handle = deps.timers.setTimeout(look, Math.min(Math.max(delayMs, MIN_TIMER_MS), maxTimerMs));
  };

  /** Sets the timer for the earliest due profile (or the longest sleep). */
  const plan = (): void => {
    if (!started) return;
    let interval: number;
    let states: SyncState[];
    try {
      interval = intervalMs();
      states = interval > 0 ? deps.states() : [];
    } catch (error) {
      // A data folder that cannot be read now (refused, locked) may be readable later.
      logUnreadable(deps.logger, 'scheduled sync not planned', error);
      arm(maxTimerMs);
      return;
    }
    if (interval === 0) {
      disarm();
      return;
    }
    const at = now();
    const earliest = Math.min(
      at + maxTimerMs,
      ...states.filter((state) => !busy(state)).map((state) => nextFor(state, interval)),
    );
    arm(Math.max(earliest, firstLookAt) - at);
  };

  const launch = (profileId: string): void => {
    launched.add(profileId);
    deps.logger.info('scheduled sync', { profileId });
    void deps
      .sync(profileId)
      .catch((error: unknown) => {
        deps.logger.warn('scheduled sync not run', {
          profileId,
          code: isAppError(error) ? error.code : 'unknown',
        });
      })
      .finally(() => {
        launched.delete(profileId);
        plan();
      });
  };

  /** Starts every due profile's sync that may run now, then plans the next look. */
  function look(): void {
    handle = null;
    if (!started) return;
    try {
      const interval = intervalMs();
      const at = now();
      if (interval > 0 && at >= firstLookAt) {
        for (const state of deps.states()) {
          if (busy(state) || nextFor(state, interval) > at) continue;
          if (!online()) {
            deferred.set(state.profileId, at + offlineRetryMs);
            deps.logger.info('scheduled sync skipped: offline', { profileId: state.profileId });
            continue;
          }
          deferred.delete(state.profileId);
          launch(state.profileId);
        }
      }
    } catch (error) {
      logUnreadable(deps.logger, 'scheduled sync look failed', error);
    }
    plan();
  }

  return {
    start(startOptions = {}) {
      if (started) return;
      started = true;
      online = startOptions.online ?? (() => true);
      firstLookAt = now() + startDelayMs;
      plan();
    },
    stop() {
      started = false;
      disarm();
    },
    refresh: plan,
    wake() {
      if (!started) return;
      deferred.clear();
      // Overdue syncs run after the delay; none may start before it (the network is coming back).
      firstLookAt = Math.max(firstLookAt, now() + wakeDelayMs);
      arm(wakeDelayMs);
    },
    withNextSync(states) {
      const interval = started ? intervalMs() : 0;
      const at = now();
      return states.map((state) => ({
        ...state,
        nextSyncAt:
          interval > 0 && !busy(state)
            ? new Date(Math.max(nextFor(state, interval), at)).toISOString()
            : null,
      }));
    },
  };
}
