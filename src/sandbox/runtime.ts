/**
 * Mutable runtime of one simulator: state, clock, controls, logs and pending timers.
 *
 * Shared by the API pipeline, the /__sim control routes and the in-process Simulator object,
 * so the three always see the same settings.
 */
import type { FaultRegistry } from './faults';
import type { SchemaCheck } from './openapi-validator';
import type { RateLimiter } from './rate-limiter';
import type { RequestLog } from './request-log';
import type { SimStore } from './sim-store';
import type { LatencyConfig, Violation } from './types';

export interface SimRuntime {
  readonly store: SimStore;
  readonly now: () => Date;
  latency: LatencyConfig;
  readonly rateLimiter: RateLimiter;
  readonly faults: FaultRegistry;
  readonly log: RequestLog;
  violations: Violation[];
  /** The OpenAPI contract checks; null when validation is off (the app's sandbox). */
  readonly validator: SchemaValidator | null;
  clientIpOverride: string | null;
  readonly corruptNext: Array<(body: unknown) => unknown>;
  readonly delays: DelayTracker;
}

/**
 * The contract checks, as openapi-validator.ts provides them. Injected rather than imported so
 * that the app's sandbox, which runs without them, never bundles ajv and the 100 KB schema.
 */
export interface SchemaValidator {
  hasOperation(method: string, pathTemplate: string): boolean;
  validateRequestBody(method: string, pathTemplate: string, body: unknown): SchemaCheck;
  validateResponseBody(
    method: string,
    pathTemplate: string,
    status: number,
    body: unknown,
  ): SchemaCheck | null;
}

/** Sleeps that never keep the process alive and can all be released at close. */
export class DelayTracker {
  private readonly pending = new Map<NodeJS.Timeout, () => void>();

  sleep(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(timer);
        resolve();
      }, ms);
      timer.unref();
      this.pending.set(timer, resolve);
    });
  }

  releaseAll(): void {
    for (const [timer, resolve] of this.pending) {
      clearTimeout(timer);
      resolve();
    }
    this.pending.clear();
  }
}
