/**
 * Fault injection: which request fails, and how.
 *
 * A fault counts the requests matching its method and path from the moment it is injected
 * and fires on the Nth one (and the `times - 1` after it) — or, with a `probability`, on each
 * of those with that chance, drawn from a seeded generator so a soak run can be repeated. When
 * several faults fire on one request the oldest wins. The server applies the action
 * (fault-delivery.ts): 5xx envelope, edge HTML page, 429 with any retry-after, malformed JSON,
 * reset connection, a hang, or the operation's own answer broken (cut off, result null or
 * missing, wrong types, lying result_info, 50 MB, trickled a byte at a time).
 */
import { z } from 'zod';
import { randomId } from './ids';
import type { AnswerFault, FaultAction, FaultHandle, FaultMatch, FaultSpec } from './types';

const EDGE_STATUSES = [500, 502, 503, 504, 520, 521, 522, 523, 524] as const;

/** The fault actions as JSON (control route and the FaultSpecJson below). */
export const FaultActionJson = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('server_error'),
    status: z.union([z.literal(500), z.literal(502), z.literal(503)]),
  }),
  z.object({ kind: z.literal('malformed_json') }),
  z.object({ kind: z.literal('reset') }),
  z.object({ kind: z.literal('hang'), ms: z.number().int().min(0).max(600_000) }),
  z.object({ kind: z.literal('too_many_requests'), retryAfter: z.string().max(200).optional() }),
  z.object({ kind: z.literal('html_error'), status: z.literal(EDGE_STATUSES) }),
  z.object({ kind: z.literal('truncated') }),
  z.object({ kind: z.literal('no_result'), result: z.enum(['null', 'missing']) }),
  z.object({
    kind: z.literal('wrong_types'),
    variant: z.enum(['list_as_object', 'numeric_ids', 'string_result']),
  }),
  z.object({
    kind: z.literal('lying_result_info'),
    totalCount: z.number().optional(),
    totalPages: z.number().optional(),
    count: z.number().optional(),
  }),
  z.object({
    kind: z.literal('oversized'),
    bytes: z
      .number()
      .int()
      .min(1)
      .max(1024 ** 3),
    declareLength: z.boolean().optional(),
  }),
  z.object({
    kind: z.literal('slow_drip'),
    intervalMs: z.number().int().min(1).max(60_000),
    chunkBytes: z
      .number()
      .int()
      .min(1)
      .max(1024 * 1024)
      .optional(),
  }),
]);

const FaultMatchJson = z.object({
  method: z.string().min(1).optional(),
  path: z.string().min(1).optional(),
  nth: z.number().int().min(1).optional(),
  times: z.union([z.number().int().min(1), z.literal('always')]).optional(),
  phase: z.enum(['before', 'after']).optional(),
  probability: z.number().gt(0).max(1).optional(),
});

/** FaultSpec as JSON (control route): the path is a string pattern, never a RegExp. */
export const FaultSpecJson = FaultActionJson.and(FaultMatchJson);

const ANSWER_FAULTS = new Set<FaultAction['kind']>([
  'truncated',
  'no_result',
  'wrong_types',
  'lying_result_info',
  'oversized',
  'slow_drip',
]);

/** True for faults that break the operation's own answer (the operation always runs first). */
export function isAnswerFault(action: FaultAction): action is AnswerFault {
  return ANSWER_FAULTS.has(action.kind);
}

/** A small seeded generator (mulberry32): the same seed draws the same faults. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Splits a spec into the request it matches and the action (every key kept as it was). */
export function splitFault(spec: FaultSpec): { match: FaultMatch; action: FaultAction } {
  const { method, path, nth, times, phase, probability, ...action } = spec;
  const match: FaultMatch = {
    ...(method !== undefined ? { method } : {}),
    ...(path !== undefined ? { path } : {}),
    ...(nth !== undefined ? { nth } : {}),
    ...(times !== undefined ? { times } : {}),
    ...(phase !== undefined ? { phase } : {}),
    ...(probability !== undefined ? { probability } : {}),
  };
  return { match, action };
}

export interface FiredFault {
  id: string;
  action: FaultAction;
  phase: 'before' | 'after';
}

interface ActiveFault {
  id: string;
  spec: FaultSpec;
  matches: (method: string, path: string) => boolean;
  matched: number;
  hits: number;
}

/** Compiles a path pattern relative to /client/v4 into a matcher. */
export function compilePathPattern(pattern: string | RegExp | undefined): (path: string) => boolean {
  if (pattern === undefined) return () => true;
  if (pattern instanceof RegExp) return (path) => pattern.test(path);
  const trimmed = pattern.replace(/^\/client\/v4/u, '').replace(/(.)\/+$/u, '$1');
  const source = trimmed
    .split('/')
    .map((segment) => {
      if (/^\{\w+\}$/u.test(segment) || /^:\w+$/u.test(segment)) return '[^/]+';
      return segment
        .split('*')
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'))
        .join('.*');
    })
    .join('/');
  const regex = new RegExp(`^${source}/?$`, 'u');
  return (path) => regex.test(path);
}

export class FaultRegistry {
  private faults: ActiveFault[] = [];

  constructor(private readonly random: () => number = seededRandom(0x5eed)) {}

  inject(spec: FaultSpec): FaultHandle {
    const nth = spec.nth ?? 1;
    if (!Number.isInteger(nth) || nth < 1) throw new Error('fault nth must be an integer >= 1');
    if (
      spec.times !== undefined &&
      spec.times !== 'always' &&
      (!Number.isInteger(spec.times) || spec.times < 1)
    ) {
      throw new Error("fault times must be an integer >= 1 or 'always'");
    }
    if (spec.kind === 'hang' && (!Number.isFinite(spec.ms) || spec.ms < 0))
      throw new Error('hang ms must be >= 0');
    if (spec.probability !== undefined && !(spec.probability > 0 && spec.probability <= 1))
      throw new Error('fault probability must be in (0, 1]');
    const parsed = FaultActionJson.safeParse(splitFault(spec).action);
    if (!parsed.success) throw new Error(`invalid fault: ${z.prettifyError(parsed.error)}`);
    const method = spec.method?.toUpperCase();
    const pathMatches = compilePathPattern(spec.path);
    const fault: ActiveFault = {
      id: randomId().slice(0, 12),
      spec: { ...spec },
      matches: (requestMethod, path) =>
        (method === undefined || method === requestMethod) && pathMatches(path),
      matched: 0,
      hits: 0,
    };
    this.faults.push(fault);
    return {
      id: fault.id,
      hits: () => fault.hits,
      matched: () => fault.matched,
      remove: () => this.remove(fault.id),
    };
  }

  remove(id: string): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((fault) => fault.id !== id);
    return this.faults.length !== before;
  }

  clear(): void {
    this.faults = [];
  }

  /** Counts the request against every matching fault; returns the one to apply, if any. */
  take(method: string, path: string): FiredFault | null {
    let fired: FiredFault | null = null;
    for (const fault of this.faults) {
      if (!fault.matches(method, path)) continue;
      fault.matched += 1;
      const nth = fault.spec.nth ?? 1;
      const times = fault.spec.times ?? 1;
      const inRange = fault.matched >= nth && (times === 'always' || fault.matched < nth + times);
      const chance = fault.spec.probability;
      if (inRange && fired === null && (chance === undefined || this.random() < chance)) {
        fault.hits += 1;
        fired = { id: fault.id, action: splitFault(fault.spec).action, phase: fault.spec.phase ?? 'before' };
      }
    }
    return fired;
  }

  summary(): Array<{ id: string; spec: Record<string, unknown>; matched: number; hits: number }> {
    return this.faults.map((fault) => ({
      id: fault.id,
      spec: {
        ...fault.spec,
        path: fault.spec.path instanceof RegExp ? String(fault.spec.path) : fault.spec.path,
      },
      matched: fault.matched,
      hits: fault.hits,
    }));
  }
}
