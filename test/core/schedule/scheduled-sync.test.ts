/**
 * The scheduled sync through the real core and the Cloudflare simulator: it runs through the
 * sync service when due (a recorded run, a sync.finished event, requests to Cloudflare),
 * sync.status shows the next run, the interval setting re-plans it, and a rate-limit block met
 * by any operation of the profile holds it back without a single request, because it goes
 * through the same gateway and request budget as everything else.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncRun, SyncStatus } from '../../../src/shared/domain';
import { startTestSimulator } from '../../support/test-simulator';
import { closeAllCores, makeCore, type Harness } from '../support/core-harness';
import { manualTime, type ManualTime } from '../support/manual-time';
import { addProfile, call } from '../support/sim-profiles';
import { dnsDraft } from '../support/token-harness';

const sim = await startTestSimulator({ scenario: 'demo' });
const HOUR = 60 * 60_000;

afterEach(() => {
  sim.control.clearFaults();
  closeAllCores();
});

/** A core on a hand-moved clock, with a profile synced once, the schedule at every hour. */
async function scheduledCore(): Promise<{ h: Harness; time: ManualTime; profileId: string; synced: string }> {
  const time = manualTime(new Date());
  const h = makeCore({ clock: time.clock, timers: time.timers, schedule: { random: () => 0.5 } });
  const profile = await addProfile(h.core, sim, 'alice-manager');
  const [first] = await call<SyncRun[]>(h.core, 'sync.start', { profileId: profile.id });
  expect(first).toMatchObject({ outcome: 'ok' });
  await call(h.core, 'settings.update', { syncEveryHours: 1 });
  return { h, time, profileId: profile.id, synced: first?.startedAt ?? '' };
}

async function nextSyncAt(h: Harness): Promise<string | null> {
  const [status] = await call<SyncStatus[]>(h.core, 'sync.status', {});
  return status?.nextSyncAt ?? null;
}

function finishedRuns(h: Harness): SyncRun[] {
  return h.events.filter((e) => e.event === 'sync.finished').map((e) => (e.payload as { run: SyncRun }).run);
}

describe('the scheduled sync in the core', () => {
  it('runs through the sync service when due, and sync.status shows when', async () => {
    const { h, time, synced } = await scheduledCore();
    // Not started (no shell): nothing is scheduled.
    await expect(nextSyncAt(h)).resolves.toBeNull();
    h.core.services.schedule.start();
    const due = new Date(Date.parse(synced) + HOUR).toISOString();
    await expect(nextSyncAt(h)).resolves.toBe(due);

    sim.control.resetLog();
    time.advance(HOUR - 1_000);
    expect(sim.control.requestLog()).toEqual([]);
    time.advance(1_000);
    await expect.poll(() => finishedRuns(h)).toHaveLength(2);
    const [, scheduled] = finishedRuns(h);
    expect(scheduled).toMatchObject({ outcome: 'ok', startedAt: due });
    expect(scheduled?.requestCount).toBeGreaterThan(0);
    expect(sim.control.requestLog()).toHaveLength(scheduled?.requestCount ?? -1);
    await expect(nextSyncAt(h)).resolves.toBe(new Date(Date.parse(due) + HOUR).toISOString());
  });

  it('re-plans when the interval changes, stops at 0 and catches up when turned on again', async () => {
    const { h, time, synced } = await scheduledCore();
    h.core.services.schedule.start();
    await call(h.core, 'settings.update', { syncEveryHours: 12 });
    await expect(nextSyncAt(h)).resolves.toBe(new Date(Date.parse(synced) + 12 * HOUR).toISOString());
    await call(h.core, 'settings.update', { syncEveryHours: 0 });
    await expect(nextSyncAt(h)).resolves.toBeNull();
    time.advance(60_000);
    expect(time.pending()).toEqual([]);
    time.jump(2 * HOUR);
    expect(finishedRuns(h)).toHaveLength(1);
    await call(h.core, 'settings.update', { syncEveryHours: 1 });
    time.advance(1_000);
    await expect.poll(() => finishedRuns(h)).toHaveLength(2);
  });

  it('waits out a rate-limit block another operation met, without sending a request', async () => {
    const { h, time, profileId } = await scheduledCore();
    time.jump(2 * HOUR); // overdue: the computer slept
    sim.control.injectFault({
      kind: 'too_many_requests',
      retryAfter: '120',
      method: 'POST',
      times: 'always',
    });
    const create = await h.core.dispatch('tokens.create', {
      profileId,
      owner: { kind: 'user' },
      draft: dnsDraft(sim, 'blocked'),
      keepSecret: false,
    });
    expect(create).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    sim.control.clearFaults();
    sim.control.resetLog();
    const blockedUntil = Date.parse(
      (await call<SyncStatus[]>(h.core, 'sync.status', {}))[0]?.rateLimitedUntil ?? '',
    );
    expect(blockedUntil).toBe(time.now() + 120_000);

    h.core.services.schedule.start();
    await expect(nextSyncAt(h)).resolves.toBe(new Date(blockedUntil + 5_000).toISOString());
    time.advance(120_000);
    expect(sim.control.requestLog()).toEqual([]);
    expect(finishedRuns(h)).toHaveLength(1);
    time.advance(5_000);
    await expect.poll(() => finishedRuns(h)).toHaveLength(2);
    expect(finishedRuns(h)[1]).toMatchObject({ outcome: 'ok' });
    expect(sim.control.requestLog().length).toBeGreaterThan(0);
  });
});
