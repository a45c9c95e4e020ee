/**
 * What a soak run did and saw, kept for its verdict: outcomes by step, time by step, the first
 * message of each kind of failure, the writes Keyflare was asked to make and every secret the run
 * handled (the one place a secret is kept, so the data folder can be searched for each).
 */
import { SoakCallError } from './soak-checks';

/** What the run did and saw, for the verdict. Never holds a secret except in `seen`. */
export class SoakLedger {
  readonly syncs = { ok: 0, failed: 0, byCode: {} as Record<string, number> };
  inconsistentSyncs = 0;
  failedSyncsThatChangedTheCache = 0;
  readonly firstDifferences: string[] = [];
  readonly verifies: Record<string, number> = {};
  readonly writes: Record<string, number> = {};
  readonly unblocking: Record<string, number> = {};
  /** Seconds the lanes spent in each step, summed over lanes. */
  readonly seconds: Record<string, number> = {};
  /** The first message of each channel and code that failed (for a run that needs explaining). */
  readonly firstErrors: string[] = [];
  /** Every secret the run handled: profile credentials, created and rolled token secrets. */
  readonly seen = new Set<string>();
  /** Writes Keyflare was asked to make, by "METHOD /client/v4/path". */
  readonly writeCalls = new Map<string, number>();

  /** Runs a step, adding its time to `seconds[step]`. */
  async timed<T>(step: string, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.seconds[step] = (this.seconds[step] ?? 0) + (performance.now() - started) / 1000;
    }
  }

  /** Keeps the first message of each channel and code (RATE_LIMITED is counted, not quoted). */
  noteError(error: unknown): void {
    if (!(error instanceof SoakCallError) || error.code === 'RATE_LIMITED') return;
    const key = `${error.channel} ${error.code}`;
    if (!this.firstErrors.some((line) => line.startsWith(`${key}:`)))
      this.firstErrors.push(`${key}: ${error.message}`);
  }

  countWrite(method: string, pathname: string): void {
    const key = `${method} ${pathname}`;
    this.writeCalls.set(key, (this.writeCalls.get(key) ?? 0) + 1);
  }
}
