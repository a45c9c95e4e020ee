/**
 * The rate gate under any sequence of replies: Cloudflare's 1,200 requests per 5 minutes per
 * credential hold, a block lasts 1 s to 5 minutes and grows on repeated 429s, and whatever a
 * reply's headers say can only make Keyflare slower, never faster.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RateGate } from '../../../src/main/core/cloudflare/rate-gate';

const FIVE_MINUTES = 5 * 60_000;

function manualClock(): { now: () => Date; advance: (ms: number) => void; ms: () => number } {
  let at = Date.parse('2026-05-01T12:00:00.000Z');
  return { now: () => new Date(at), advance: (ms) => void (at += ms), ms: () => at };
}

const hostileHeaders = fc.record(
  {
    'retry-after': fc.constantFrom(
      '0',
      '-1',
      '1e20',
      '99999999999',
      'Thu, 01 Jan 1970 00:00:00 GMT',
      'soon',
      '3',
    ),
    ratelimit: fc.constantFrom(
      '"default";r=999999;t=0',
      '"default";r=0;t=1e20',
      '"default";r=1199;t=300',
      'limit=100000, remaining=100000, reset=0',
    ),
    'ratelimit-policy': fc.constantFrom(
      '"default";q=1000000;w=1',
      '"default";q=1200;w=300',
      '"burst";q=3;w=1',
      '"default";q=0;w=0',
      '"hourly";q=1000000;w=3600',
    ),
  },
  { requiredKeys: [] },
);

const reply = fc.record({
  status: fc.constantFrom(200, 200, 200, 429, 503),
  headers: hostileHeaders,
  /** How long the reply takes to come back (ms). */
  latency: fc.integer({ min: 0, max: 2000 }),
});

describe('RateGate under any replies', () => {
  it('never sends more than 1,200 requests in any 5 minutes, and never waits more than 5 minutes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(reply, { minLength: 200, maxLength: 1600 }), async (replies) => {
        const clock = manualClock();
        const gate = new RateGate({ clock });
        const sent: number[] = [];
        for (const { status, headers, latency } of replies) {
          const wait = gate.waitNeeded();
          expect(wait).toBeLessThanOrEqual(FIVE_MINUTES + 1);
          clock.advance(wait);
          const sentAt = await gate.take();
          sent.push(sentAt);
          clock.advance(latency);
          gate.observe(status, new Headers(headers), sentAt);
          gate.release();
          if (status === 429) {
            const blocked = gate.blockedUntil();
            expect(blocked).not.toBeNull();
            const left = (blocked?.getTime() ?? 0) - clock.ms();
            expect(left).toBeGreaterThanOrEqual(1000 - latency);
            expect(left).toBeLessThanOrEqual(FIVE_MINUTES);
          }
        }
        let from = 0;
        for (let to = 0; to < sent.length; to += 1) {
          while ((sent[from] ?? 0) <= (sent[to] ?? 0) - FIVE_MINUTES) from += 1;
          expect(to - from + 1).toBeLessThanOrEqual(1200);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('doubles a block for each 429 to a request sent after the previous block began', async () => {
    const clock = manualClock();
    const gate = new RateGate({ clock });
    const zero = new Headers({ 'retry-after': '0' });
    const blocks: number[] = [];
    for (let i = 0; i < 11; i += 1) {
      clock.advance(gate.waitNeeded());
      const sentAt = await gate.take();
      gate.observe(429, zero, sentAt);
      gate.release();
      blocks.push((gate.blockedUntil()?.getTime() ?? 0) - clock.ms());
    }
    expect(blocks).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300].map((s) => s * 1000));
    // A success ends the streak: the next 429 blocks for 1 s again.
    clock.advance(gate.waitNeeded());
    gate.observe(200, new Headers(), await gate.take());
    const sentAt = await gate.take();
    gate.observe(429, zero, sentAt);
    expect((gate.blockedUntil()?.getTime() ?? 0) - clock.ms()).toBe(1000);
  });

  it('does not escalate for requests that were already in flight when the block began', async () => {
    const clock = manualClock();
    const gate = new RateGate({ clock });
    const inFlight = await Promise.all(Array.from({ length: 8 }, () => gate.take()));
    for (const sentAt of inFlight) gate.observe(429, new Headers({ 'retry-after': '0' }), sentAt);
    expect((gate.blockedUntil()?.getTime() ?? 0) - clock.ms()).toBe(1000);
  });

  it('lets a block end early when the credential leaves, keeping the requests already counted', async () => {
    const clock = manualClock();
    const gate = new RateGate({ clock, budget: { limit: 20, windowMs: FIVE_MINUTES } });
    for (let i = 0; i < 19; i += 1) await gate.take();
    gate.observe(429, new Headers({ 'retry-after': '99999999999' }), clock.ms());
    expect(gate.waitNeeded()).toBe(FIVE_MINUTES);
    gate.endBlock();
    expect(gate.blockedUntil()).toBeNull();
    // 19 of the 19 the budget allows (20 less the safety margin) are still in the window.
    expect(gate.waitNeeded()).toBeGreaterThan(FIVE_MINUTES - 1000);
  });
});
