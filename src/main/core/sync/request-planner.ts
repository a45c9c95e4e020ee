/**
 * The sync's request planner: bounded concurrency, progress counts and the request plan.
 *
 * Every request of a sync goes through `run`, which queues it behind at most `concurrency`
 * others (FIFO, so the first pages — which unlock more work — go before later pages), records
 * which earlier request it depended on (the bench derives the critical path from this), and
 * reports done/planned after each change. Once the signal is aborted, queued requests start
 * only to throw CANCELLED, so nothing more is sent.
 *
 * A request holds its place only while it is on the wire: when its reply's body has arrived it
 * hands the place on (`RequestSlot.replied`), so the next request is sent while this reply is
 * parsed and checked, and a read retried after that waits for a place again (`retake`). The
 * sync's CPU work then overlaps the network's wait instead of delaying the next round.
 */
import pLimit from 'p-limit';
import { cancelled } from '../cloudflare/errors';
import type { RequestPlanner, RequestSlot } from '../cloudflare/paging';

export interface PlannedRequest {
  name: string;
  dependsOn: number | null;
}

export interface SyncPlanner extends RequestPlanner {
  readonly nodes: readonly PlannedRequest[];
  done(): number;
  planned(): number;
}

export interface SyncPlannerOptions {
  concurrency: number;
  signal: AbortSignal;
  onProgress: (done: number, planned: number) => void;
}

export function createSyncPlanner(options: SyncPlannerOptions): SyncPlanner {
  const limit = pLimit(Math.max(1, options.concurrency));
  const nodes: PlannedRequest[] = [];
  let done = 0;
  return {
    nodes,
    done: () => done,
    planned: () => nodes.length,
    async run(name, dependsOn, fn) {
      const node = nodes.push({ name, dependsOn }) - 1;
      options.onProgress(done, nodes.length);
      // Ends this request's hold on its place; null while it holds none.
      let free: (() => void) | null = null;
      // p-limit keeps a place while the function it runs is pending: here, until `free` is called.
      const hold = (): Promise<void> =>
        new Promise<void>((entered, refused) => {
          void limit(() => {
            if (options.signal.aborted) {
              refused(cancelled());
              return undefined;
            }
            entered();
            return new Promise<void>((resolve) => {
              free = resolve;
            });
          });
        });
      const slot: RequestSlot = {
        replied() {
          const release = free;
          free = null;
          release?.();
        },
        async retake() {
          if (free === null) await hold();
        },
      };
      try {
        await hold();
        return { value: await fn(slot), node };
      } finally {
        slot.replied();
        done += 1;
        options.onProgress(done, nodes.length);
      }
    },
  };
}
