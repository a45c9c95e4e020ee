/**
 * A 429 whose retry-after is 0, a past date or absurd, through the core: one request and a clear
 * RATE_LIMITED within Cloudflare's 5-minute block, further back-off on repeated 429s, every retry
 * counted, and a block that ends when its profile is removed or gets another credential.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Profile, SyncRun, SyncStatus } from '../../../src/shared/domain';
import { DEFAULT_RATE_LIMIT } from '../../../src/sandbox';
import { startTestSimulator } from '../../support/test-simulator';
import { closeAllCores, makeCore } from '../support/core-harness';
import { addProfile, call, credentialInput } from '../support/sim-profiles';

const sim = await startTestSimulator({ scenario: 'demo' });
const FIVE_MINUTES = 5 * 60_000;

beforeEach(() => {
  sim.control.clearFaults();
  sim.control.setRateLimit(DEFAULT_RATE_LIMIT);
  sim.control.resetLog();
});
afterEach(() => closeAllCores());

const hostile = [
  ['0', '0'],
  ['a date in the past', 'Thu, 01 Jan 1970 00:00:00 GMT'],
  ['1e20', '1e20'],
  ['99999999999', '99999999999'],
  ['negative', '-30'],
] as const;

function expectWithinBlock(retryAt: string | undefined, from: number): void {
  const at = Date.parse(retryAt ?? '');
  expect(at).toBeGreaterThanOrEqual(from + 1000 - 50);
  expect(at).toBeLessThanOrEqual(Date.now() + FIVE_MINUTES + 50);
}

describe('profiles.add meeting a 429', () => {
  it.each(hostile)(
    'with retry-after %s sends one request and answers RATE_LIMITED within [1 s, 5 min]',
    async (_name, retryAfter) => {
      const { core } = makeCore();
      sim.control.injectFault({ kind: 'too_many_requests', retryAfter, times: 'always' });
      const started = Date.now();
      const reply = await core.dispatch('profiles.add', {
        label: 'alice',
        credential: credentialInput(sim.credential('alice-manager')),
        baseUrl: sim.baseUrl,
      });
      expect(reply).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
      if (reply.ok) return;
      expectWithinBlock(reply.error.details?.retryAt, started);
      expect(reply.error.message).toContain(reply.error.details?.retryAt ?? 'no retryAt');
      expect(sim.control.requestLog()).toHaveLength(1);
      await expect(call<Profile[]>(core, 'profiles.list', {})).resolves.toEqual([]);
    },
  );
});

describe('a sync meeting 429 after 429', () => {
  it('waits 1 s, then 2 s, then gives up: every 429 is an attempt', { timeout: 20_000 }, async () => {
    const { core } = makeCore();
    const profile = await addProfile(core, sim, 'alice-manager');
    sim.control.injectFault({ kind: 'too_many_requests', retryAfter: '0', times: 'always' });
    sim.control.resetLog();
    const [run] = await call<SyncRun[]>(core, 'sync.start', { profileId: profile.id });
    expect(run).toMatchObject({ outcome: 'failed', error: { code: 'RATE_LIMITED' } });

    const times = sim.control
      .requestLog()
      .map((entry) => Date.parse(entry.time))
      .sort((a, b) => a - b);
    const bursts: number[][] = [];
    for (const time of times) {
      const current = bursts.at(-1);
      if (current && time - (current.at(-1) ?? 0) < 500) current.push(time);
      else bursts.push([time]);
    }
    // Three attempts per request; the requests in flight together are answered together.
    expect(bursts).toHaveLength(3);
    expect(times.length).toBeLessThanOrEqual(12);
    const gap = (i: number): number => (bursts[i + 1]?.[0] ?? 0) - (bursts[i]?.at(-1) ?? 0);
    expect(gap(0)).toBeGreaterThanOrEqual(950);
    expect(gap(1)).toBeGreaterThanOrEqual(1950);
  });
});

describe('a block', () => {
  async function blockedProfile(): Promise<{ core: ReturnType<typeof makeCore>['core']; profile: Profile }> {
    const { core } = makeCore({ sync: { maxRateLimitWaitMs: 500 } });
    const profile = await addProfile(core, sim, 'alice-manager');
    sim.control.injectFault({
      kind: 'too_many_requests',
      retryAfter: '99999999999',
      path: '/user/tokens',
      times: 'always',
    });
    const [run] = await call<SyncRun[]>(core, 'sync.start', { profileId: profile.id });
    expect(run).toMatchObject({ outcome: 'failed', error: { code: 'RATE_LIMITED' } });
    expectWithinBlock(run?.error?.retryAt, Date.now() - 5000);
    const [status] = await call<SyncStatus[]>(core, 'sync.status', {});
    expectWithinBlock(status?.rateLimitedUntil ?? undefined, Date.now() - 5000);
    sim.control.clearFaults();
    sim.control.resetLog();
    return { core, profile };
  }

  it('holds every call of the credential while it lasts', async () => {
    const { core } = await blockedProfile();
    const again = await core.dispatch('profiles.add', {
      label: 'again',
      credential: credentialInput(sim.credential('alice-manager')),
      baseUrl: sim.baseUrl,
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect(sim.control.requestLog()).toEqual([]);
  });

  it('ends when its profile is removed: the credential can be added again at once', async () => {
    const { core, profile } = await blockedProfile();
    await call(core, 'profiles.remove', { profileId: profile.id });
    await addProfile(core, sim, 'alice-manager', 'alice again');
    expect(sim.control.requestLog().length).toBeGreaterThan(0);
  });

  it('ends when the profile gets another credential', async () => {
    const { core, profile } = await blockedProfile();
    await call(core, 'profiles.replaceCredential', {
      profileId: profile.id,
      credential: credentialInput(sim.credential('alice-global-key')),
    });
    await addProfile(core, sim, 'alice-manager', 'manager again');
  });
});
