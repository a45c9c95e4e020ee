/**
 * BenchResult: one measured number, printed as one JSON line by bench/run.ts.
 *
 * Every bench module (core sync now; renderer timings later) returns a list of these, so
 * `npm run bench` output stays one flat stream a script can compare against targets.
 */
import os from 'node:os';

export interface BenchResult {
  bench: string;
  value: number;
  unit: 'ms' | 'x' | 'count';
  /** The goal for this number (a ceiling for ms/count, a floor for x), or null when none. */
  target: number | null;
  /**
   * The machine's 1-minute load average when the figure was taken (os.loadavg()[0]): on a
   * shared machine a figure means little without it. bench/run.ts fills it when a module did not.
   */
  load?: number;
}

/** The 1-minute load average now, rounded to two decimals. */
export function loadNow(): number {
  return Math.round((os.loadavg()[0] ?? 0) * 100) / 100;
}

/** A bench module: a name for progress messages and a function that measures. */
export interface BenchModule {
  name: string;
  run(): Promise<BenchResult[]>;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
