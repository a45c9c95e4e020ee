/**
 * The scheduled sync's rules, with an injected clock and timers: due N hours after the last
 * attempt give or take the jitter, never while that profile syncs, skipped offline and while
 * rate-limited, caught up after a sleep, off at 0.
 */
import { describe, expect, it, vi } from 'vitest';
import { createSyncSchedule, type ScheduleOptions } from '../../../src/main/core/schedule/sync-schedule';
import type { SyncRun, SyncState } from '../../../src/shared/domain';
import { syncStatus } from '../../fixtures/sync-status';
import { manualTime } from '../support/manual-time';

const WORK = '11111111-1111-4111-8111-111111111111';
const HOME = '22222222-2222-4222-8222-222222222222';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const silent = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

function run(
  profileId: string,
  startedAt: string,
  outcome: SyncRun['outcome'] = 'ok',
  code?: string,
): SyncRun {
  return {
    id: 1,
    profileId,
    startedAt,
    endedAt: outcome === 'running' ? null : startedAt,
    outcome,
    requestCount: 10,
    error: code ? { code, message: code } : null,
  };
}

function synced(profileId: string, at: string): SyncState {
  return syncStatus(profileId, { lastSuccessAt: at, lastRun: run(profileId, at) });
}

interface WorldOptions {
  hours?: number;
  random?: () => number;
  states?: SyncState[];
  options?: ScheduleOptions;
  online?: () => boolean;
}

/** A schedule over fake profiles whose syncs end when the test says so. */
function world(setup: WorldOptions = {}) {
  const time = manualTime('2026-03-10T08:00:00.000Z');
  let hours = setup.hours ?? 6;
  const states = new Map(
    (setup.states ?? [synced(WORK, '2026-03-10T07:00:00.000Z')]).map((s) => [s.profileId, s]),
  );
  const started: { profileId: string; at: string }[] = [];
  const pending = new Map<string, () => void>();
  const sync = vi.fn((profileId: string) => {
    const at = new Date(time.now()).toISOString();
    started.push({ profileId, at });
    const before = states.get(profileId);
    if (!before) return Promise.reject(new Error('no such profile'));
    states.set(profileId, { ...before, running: true, lastRun: run(profileId, at, 'running') });
    return new Promise<void>((resolve) => {
      pending.set(profileId, () => {
        const current = states.get(profileId);
        if (current)
          states.set(profileId, {
            ...current,
            running: false,
            lastSuccessAt: at,
            lastRun: run(profileId, at),
          });
        resolve();
      });
    });
  });
  const schedule = createSyncSchedule(
    {
      clock: time.clock,
      timers: time.timers,
      logger: silent,
      everyHours: () => hours,
      states: () => [...states.values()],
      sync,
      random: setup.random ?? (() => 0.5),
    },
    setup.options,
  );
  schedule.start({ online: setup.online ?? (() => true) });
  return {
    time,
    schedule,
    states,
    started,
    sync,
    /** Ends the profile's running sync and lets its promise settle. */
    async finish(profileId: string): Promise<void> {
      pending.get(profileId)?.();
      pending.delete(profileId);
      await Promise.resolve();
      await Promise.resolve();
    },
    setHours(value: number): void {
      hours = value;
    },
    next(profileId = WORK): string | null {
      const state = states.get(profileId);
      return state ? (schedule.withNextSync([state])[0]?.nextSyncAt ?? null) : null;
    },
  };
}

describe('when a profile is due', () => {
  it('syncs N hours after the last attempt, and the status shows that time', () => {
    const w = world();
    expect(w.next()).toBe('2026-03-10T13:00:00.000Z');
    w.time.advance(5 * HOUR - 1_000);
    expect(w.started).toEqual([]);
    w.time.advance(1_000);
    expect(w.started).toEqual([{ profileId: WORK, at: '2026-03-10T13:00:00.000Z' }]);
    expect(w.next()).toBeNull();
  });

  it('jitters by at most 10 % of the interval, never more than 15 minutes, and keeps the time it drew', () => {
    const at = (hours: number, random: number): string | null => {
      const w = world({ hours, random: () => random });
      return w.next();
    };
    // 1 hour: ±6 minutes around 08:00.
    expect(at(1, 0)).toBe('2026-03-10T08:00:30.000Z'); // 07:54 is before the first look (08:00:30)
    expect(at(2, 0)).toBe('2026-03-10T08:48:00.000Z');
    expect(at(2, 0.999_999_999_9)).toBe('2026-03-10T09:12:00.000Z');
    // 6 hours: 10 % would be 36 minutes; capped at 15.
    expect(at(6, 0)).toBe('2026-03-10T12:45:00.000Z');
    expect(at(6, 0.999_999_999_9)).toBe('2026-03-10T13:15:00.000Z');

    let draws = 0;
    const w = world({ random: () => [0.1, 0.9][draws++ % 2] ?? 0 });
    const first = w.next();
    expect(w.next()).toBe(first);
    expect(draws).toBe(1);
  });

  it('plans from the last manual sync too', async () => {
    const w = world();
    w.time.advance(2 * HOUR); // 10:00: the user syncs by hand
    w.states.set(WORK, synced(WORK, '2026-03-10T10:00:00.000Z'));
    w.time.advance(4 * HOUR); // 14:00: past the old due time, not the new one
    expect(w.started).toEqual([]);
    expect(w.next()).toBe('2026-03-10T16:00:00.000Z');
    w.time.advance(2 * HOUR);
    expect(w.started.map((s) => s.at)).toEqual(['2026-03-10T16:00:00.000Z']);
    await w.finish(WORK);
    expect(w.next()).toBe('2026-03-10T22:00:00.000Z');
  });

  it('syncs a profile that never synced at the first look, not before the start delay', () => {
    const never: SyncState = {
      ...synced(HOME, '2026-03-10T07:00:00.000Z'),
      lastSuccessAt: null,
      lastRun: null,
    };
    const w = world({ states: [never] });
    w.time.advance(29_000);
    expect(w.started).toEqual([]);
    w.time.advance(1_000);
    expect(w.started).toEqual([{ profileId: HOME, at: '2026-03-10T08:00:30.000Z' }]);
  });

  it('retries an attempt that could not reach Cloudflare after 30 minutes, not N hours', () => {
    const failed: SyncState = {
      ...synced(WORK, '2026-03-10T06:00:00.000Z'),
      lastRun: run(WORK, '2026-03-10T07:50:00.000Z', 'failed', 'OFFLINE'),
      offline: true,
    };
    const w = world({ states: [failed] });
    expect(w.next()).toBe('2026-03-10T08:20:00.000Z');
    w.time.advance(20 * MINUTE);
    expect(w.started.map((s) => s.at)).toEqual(['2026-03-10T08:20:00.000Z']);
  });
});

describe('when a profile is skipped', () => {
  it('never starts a sync of a profile whose sync is running, and plans from that sync', async () => {
    const w = world();
    w.time.advance(4 * HOUR + 59 * MINUTE); // 12:59: a manual sync starts and is still running at 13:00
    w.states.set(WORK, {
      ...synced(WORK, '2026-03-10T07:00:00.000Z'),
      running: true,
      lastRun: run(WORK, '2026-03-10T07:00:00.000Z', 'running'),
    });
    w.time.advance(30 * MINUTE);
    expect(w.sync).not.toHaveBeenCalled();
    expect(w.next()).toBeNull();
    w.states.set(WORK, synced(WORK, '2026-03-10T12:59:00.000Z'));
    w.time.advance(6 * HOUR);
    expect(w.started.map((s) => s.at)).toEqual(['2026-03-10T18:59:00.000Z']);
    await w.finish(WORK);
  });

  it('skips while the OS is offline and looks again 5 minutes later', () => {
    let online = false;
    const w = world({ online: () => online });
    w.time.advance(5 * HOUR);
    expect(w.started).toEqual([]);
    expect(w.next()).toBe('2026-03-10T13:05:00.000Z');
    w.time.advance(5 * MINUTE);
    expect(w.started).toEqual([]);
    online = true;
    w.time.advance(5 * MINUTE);
    expect(w.started.map((s) => s.at)).toEqual(['2026-03-10T13:10:00.000Z']);
  });

  it('waits until a rate limit ends', () => {
    const w = world();
    w.states.set(WORK, {
      ...synced(WORK, '2026-03-10T07:00:00.000Z'),
      rateLimitedUntil: '2026-03-10T13:04:00.000Z',
    });
    w.time.advance(5 * HOUR);
    expect(w.started).toEqual([]);
    expect(w.next()).toBe('2026-03-10T13:04:05.000Z');
    w.time.advance(4 * MINUTE);
    expect(w.started).toEqual([]);
    w.states.set(WORK, synced(WORK, '2026-03-10T07:00:00.000Z'));
    w.time.advance(5_000);
    expect(w.started.map((s) => s.at)).toEqual(['2026-03-10T13:04:05.000Z']);
  });

  it('does nothing at 0 hours, shows no next time, and plans at once when turned on', () => {
    const w = world({ hours: 0 });
    expect(w.time.pending()).toEqual([]);
    expect(w.next()).toBeNull();
    w.time.advance(24 * HOUR);
    expect(w.started).toEqual([]);
    w.setHours(6);
    w.schedule.refresh();
    // Overdue since 13:00: it runs at the next timer, within a second.
    expect(w.time.pending()).toEqual([1_000]);
    w.time.advance(1_000);
    expect(w.started).toHaveLength(1);
  });

  it('does nothing before start()', () => {
    const time = manualTime('2026-03-10T20:00:00.000Z');
    const sync = vi.fn(() => Promise.resolve());
    const schedule = createSyncSchedule({
      clock: time.clock,
      timers: time.timers,
      logger: silent,
      everyHours: () => 6,
      states: () => [synced(WORK, '2026-03-10T07:00:00.000Z')],
      sync,
    });
    schedule.refresh();
    schedule.wake();
    time.advance(24 * HOUR);
    expect(sync).not.toHaveBeenCalled();
    expect(schedule.withNextSync([synced(WORK, '2026-03-10T07:00:00.000Z')])[0]?.nextSyncAt).toBeNull();
  });
});

describe('after a sleep', () => {
  it('catches up on resume, once the network had its moment', () => {
    const w = world();
    w.time.jump(10 * HOUR); // 18:00: the lid was closed at 08:00, no timer ran
    w.schedule.wake();
    w.time.advance(5_000);
    w.schedule.refresh(); // e.g. a settings change meanwhile: still no sync before the delay
    w.time.advance(9_000);
    expect(w.started).toEqual([]);
    w.time.advance(1_000);
    expect(w.started.map((s) => s.at)).toEqual(['2026-03-10T18:00:15.000Z']);
  });

  it('notices a sleep nobody reported within 15 minutes', () => {
    const w = world();
    expect(Math.max(...w.time.pending())).toBeLessThanOrEqual(15 * MINUTE);
    w.time.jump(10 * HOUR);
    w.time.advance(15 * MINUTE);
    expect(w.started).toHaveLength(1);
  });

  it('forgets an offline skip on wake: the network may be back', () => {
    let online = false;
    const w = world({ online: () => online });
    w.time.advance(5 * HOUR);
    expect(w.next()).toBe('2026-03-10T13:05:00.000Z');
    online = true;
    w.schedule.wake();
    w.time.advance(15_000);
    expect(w.started.map((s) => s.at)).toEqual(['2026-03-10T13:00:15.000Z']);
  });
});
