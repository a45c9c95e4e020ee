/**
 * What a route handler receives, and helpers every handler uses.
 */
import type { CallerIdentity } from './auth';
import { cfErrors, type CfFailure } from './cf-errors';
import { fail, type ApiResponse } from './envelope';
import type { SimStore } from './sim-store';

export interface HandlerContext {
  store: SimStore;
  now: Date;
  method: string;
  /** Path relative to /client/v4, e.g. /user/tokens/abc. */
  path: string;
  /** Path parameters named as in the OpenAPI template (token_id, account_id, zone_id). */
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  /** Parsed JSON body; undefined when none was sent. */
  body: unknown;
  caller: CallerIdentity;
  clientIp: string;
}

export type Handler = (context: HandlerContext) => ApiResponse;

const HEX_ID = /^[0-9a-f]{32}$/u;

/** The path parameter when it is a 32-hex id, else the 7003 failure Cloudflare answers with. */
export function idParam(context: HandlerContext, name: string): string | CfFailure {
  const value = context.params[name] ?? '';
  return HEX_ID.test(value) ? value : cfErrors.invalidObjectId(`/client/v4${context.path}`);
}

export function isCfFailure(value: unknown): value is CfFailure {
  return typeof value === 'object' && value !== null && 'status' in value && 'errors' in value;
}

/** Shorthand: a handler's early exit. */
export function failWith(failure: CfFailure): ApiResponse {
  return fail(failure);
}
