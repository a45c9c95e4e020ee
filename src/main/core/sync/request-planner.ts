/**
 * The sync's request planner: bounded concurrency, progress counts and the request plan.
 *
 * Every request of a sync goes through `run`, which queues it behind at most `concurrency`
 * others (FIFO, so the first pages — which unlock more work — go before later pages), records
 * which earlier request it depended on (the bench derives the critical path from this), and
 * reports done/planned after each change. Once the signal is aborted, queued requests start
 * only to throw CANCELLED, so nothing more is sent.
 */
import pLimit from 'p-limit';
import { cancelled } from '../cloudflare/errors';
import type { RequestPlanner } from '../cloudflare/paging';

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
      try {
        const value = await limit(async () => {
          if (options.signal.aborted) throw cancelled();
          return fn();
        });
        return { value, node };
      } finally {
        done += 1;
        options.onProgress(done, nodes.length);
      }
    },
  };
}
