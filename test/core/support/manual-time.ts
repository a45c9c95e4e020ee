/**
 * A clock and timers the test moves by hand: `advance` runs every timer that falls due on the
 * way, in order; `jump` moves the clock without running any, as a computer that slept does.
 */
import type { Clock, Timers } from '../../../src/main/core/ports';

export interface ManualTime {
  clock: Clock;
  timers: Timers;
  /** Moves the clock forward by `ms`, running each timer due on the way at its own time. */
  advance(ms: number): void;
  /** Moves the clock without running timers (a suspend the timers did not see). */
  jump(ms: number): void;
  /** Delays (from now) of the timers still waiting, soonest first. */
  pending(): number[];
  now(): number;
}

export function manualTime(start: Date | string): ManualTime {
  let now = new Date(start).getTime();
  let next = 0;
  const waiting = new Map<number, { at: number; fn: () => void }>();
  const soonest = (until: number): [number, { at: number; fn: () => void }] | undefined =>
    [...waiting.entries()]
      .filter(([, t]) => t.at <= until)
      .sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
  return {
    clock: { now: () => new Date(now) },
    timers: {
      setTimeout(fn, ms) {
        next += 1;
        waiting.set(next, { at: now + Math.max(0, ms), fn });
        return next;
      },
      clearTimeout(handle) {
        waiting.delete(handle as number);
      },
    },
    advance(ms) {
      const end = now + ms;
      for (let due = soonest(end); due; due = soonest(end)) {
        const [id, timer] = due;
        waiting.delete(id);
        now = Math.max(now, timer.at);
        timer.fn();
      }
      now = end;
    },
    jump(ms) {
      now += ms;
    },
    pending() {
      return [...waiting.values()].map((t) => t.at - now).sort((a, b) => a - b);
    },
    now: () => now,
  };
}
