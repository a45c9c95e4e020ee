/**
 * Fault injection: which request fails, and how.
 *
 * A fault counts the requests matching its method and path from the moment it is injected
 * and fires on the Nth one (and the `times - 1` after it). When several faults fire on one
 * request the oldest wins. The server applies the action: 5xx envelope, malformed JSON,
 * reset connection, or a hang longer than the client's timeout.
 */
import { z } from 'zod';
import { randomId } from './ids';
import type { FaultAction, FaultHandle, FaultSpec } from './types';

/** FaultSpec as JSON (control route): the path is a string pattern, never a RegExp. */
export const FaultSpecJson = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('server_error'),
      status: z.union([z.literal(500), z.literal(502), z.literal(503)]),
    }),
    z.object({ kind: z.literal('malformed_json') }),
    z.object({ kind: z.literal('reset') }),
    z.object({ kind: z.literal('hang'), ms: z.number().int().min(0).max(600_000) }),
  ])
  .and(
    z.object({
      method: z.string().min(1).optional(),
      path: z.string().min(1).optional(),
      nth: z.number().int().min(1).optional(),
      times: z.union([z.number().int().min(1), z.literal('always')]).optional(),
      phase: z.enum(['before', 'after']).optional(),
    }),
  );

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

function actionOf(spec: FaultSpec): FaultAction {
  switch (spec.kind) {
    case 'server_error':
      return { kind: 'server_error', status: spec.status };
    case 'hang':
      return { kind: 'hang', ms: spec.ms };
    case 'malformed_json':
      return { kind: 'malformed_json' };
    case 'reset':
      return { kind: 'reset' };
  }
}

export class FaultRegistry {
  private faults: ActiveFault[] = [];

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
      if (inRange && fired === null) {
        fault.hits += 1;
        fired = { id: fault.id, action: actionOf(fault.spec), phase: fault.spec.phase ?? 'before' };
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
