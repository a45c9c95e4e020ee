/**
 * Rate limiter: Cloudflare's defaults and headers, 429 with retry-after, blocking until the
 * window resets, per-credential buckets, and runtime configuration.
 */
import { describe, expect, it } from 'vitest';
import { call, controlCall, failure } from '../support/test-http';
import { startTestSimulator } from '../support/test-simulator';

let clock = Date.parse('2030-01-01T00:00:00Z');
const sim = await startTestSimulator({
  now: () => new Date(clock),
  rateLimit: { limit: 3, windowMs: 60_000 },
});
const alice = sim.credential('alice-manager');
const bob = sim.credential('bob-manager');

describe('rate limit', () => {
  it('blocks every call of the credential after the limit until the window resets', async () => {
    sim.control.resetRateLimits();
    const first = await call(sim, '/user/tokens/verify', { as: alice });
    expect(first.headers.get('ratelimit')).toBe('"default";r=2;t=60');
    expect(first.headers.get('ratelimit-policy')).toBe('"default";q=3;w=60');
    expect(first.headers.get('retry-after')).toBeNull();
    await call(sim, '/zones', { as: alice });
    await call(sim, '/accounts', { as: alice });

    clock += 15_000;
    const limited = await call(sim, '/user/tokens', { as: alice });
    expect(failure(limited)).toEqual({
      status: 429,
      code: 971,
      message: 'Please wait and consider throttling your request speed',
    });
    expect(limited.headers.get('retry-after')).toBe('45');
    expect(limited.headers.get('ratelimit')).toBe('"default";r=0;t=45');

    // Every endpoint of that credential is blocked, other credentials are not.
    expect((await call(sim, '/user/tokens/verify', { as: alice })).status).toBe(429);
    expect((await call(sim, '/user/tokens/verify', { as: bob })).status).toBe(200);

    clock += 44_000;
    expect((await call(sim, '/zones', { as: alice })).headers.get('retry-after')).toBe('1');
    clock += 1_000;
    const after = await call(sim, '/user/tokens/verify', { as: alice });
    expect(after.status).toBe(200);
    expect(after.headers.get('ratelimit')).toBe('"default";r=2;t=60');
  });

  it('counts failed requests too (an invalid secret has its own bucket)', async () => {
    sim.control.resetRateLimits();
    const bad = `cfut_${'Z'.repeat(40)}`;
    for (let i = 0; i < 3; i += 1) expect((await call(sim, '/zones', { as: bad })).status).toBe(403);
    expect((await call(sim, '/zones', { as: bad })).status).toBe(429);
    expect((await call(sim, '/zones', { as: alice })).status).toBe(200);
  });

  it('logs rate-limited requests', async () => {
    sim.control.resetRateLimits();
    sim.control.resetLog();
    for (let i = 0; i < 4; i += 1) await call(sim, '/user/tokens/verify', { as: bob });
    expect(sim.control.requestLog().map((entry) => [entry.status, entry.fault])).toEqual([
      [200, null],
      [200, null],
      [200, null],
      [429, 'rate_limited'],
    ]);
  });

  it('is reconfigured at runtime (control API and route), resetting counters', async () => {
    sim.control.setRateLimit({ limit: 1, windowMs: 10_000 });
    expect((await call(sim, '/zones', { as: alice })).headers.get('ratelimit-policy')).toBe(
      '"default";q=1;w=10',
    );
    expect((await call(sim, '/zones', { as: alice })).status).toBe(429);
    const reply = await controlCall(sim, '/rate-limit', 'POST', { limit: 1200, windowMs: 300_000 });
    expect(reply.json).toMatchObject({ ok: true, rateLimit: { limit: 1200, windowMs: 300_000 } });
    const fresh = await call(sim, '/zones', { as: alice });
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('ratelimit')).toBe('"default";r=1199;t=300');
    expect(fresh.headers.get('ratelimit-policy')).toBe('"default";q=1200;w=300');
    expect((await controlCall(sim, '/rate-limit', 'POST', { limit: 0, windowMs: 1 })).status).toBe(400);
  });
});
