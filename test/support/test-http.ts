/**
 * Plain-fetch helper for the simulator's own tests: one call, parsed envelope, headers.
 *
 * The tests talk HTTP to a real listening server on purpose (the brief: "over real HTTP"),
 * without the SDK, so they see exactly what Cloudflare would put on the wire.
 */
import type { DemoCredential, Simulator } from '../../src/sandbox/types';
import { GROUPS } from '../fixtures/permission-groups';

export interface CfErrorJson {
  code: number;
  message: string;
  error_chain?: CfErrorJson[];
}

export interface CfEnvelopeJson {
  success: boolean;
  errors: CfErrorJson[];
  messages: Array<{ code: number; message: string }>;
  result: unknown;
  result_info?: Record<string, number>;
}

export interface CfReply {
  status: number;
  headers: Headers;
  body: CfEnvelopeJson;
}

export interface CallOptions {
  method?: string;
  /** Bearer secret, a scenario credential (token or global key), or explicit headers. */
  as?: string | DemoCredential;
  headers?: Record<string, string>;
  body?: unknown;
  signal?: AbortSignal;
}

function authHeaders(as: CallOptions['as']): Record<string, string> {
  if (as === undefined) return {};
  if (typeof as === 'string') return { authorization: `Bearer ${as}` };
  if (as.kind === 'global_key') return { 'x-auth-email': as.email ?? '', 'x-auth-key': as.secret };
  return { authorization: `Bearer ${as.secret}` };
}

/** Calls `path` (relative to /client/v4) and parses the JSON envelope. */
export async function call(sim: Simulator, path: string, options: CallOptions = {}): Promise<CfReply> {
  const init: RequestInit = {
    method: options.method ?? 'GET',
    headers: {
      ...authHeaders(options.as),
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...options.headers,
    },
  };
  if (options.body !== undefined) init.body = JSON.stringify(options.body);
  if (options.signal) init.signal = options.signal;
  const response = await fetch(`${sim.baseUrl}${path}`, init);
  const body = (await response.json()) as CfEnvelopeJson;
  return { status: response.status, headers: response.headers, body };
}

/** `result` as an array of records (lists). */
export function resultList(reply: CfReply): Array<Record<string, unknown>> {
  if (!Array.isArray(reply.body.result))
    throw new Error(`result is not a list: ${JSON.stringify(reply.body)}`);
  return reply.body.result as Array<Record<string, unknown>>;
}

/** `result` as a record (single objects). */
export function resultObject(reply: CfReply): Record<string, unknown> {
  const { result } = reply.body;
  if (typeof result !== 'object' || result === null || Array.isArray(result)) {
    throw new Error(`result is not an object: ${JSON.stringify(reply.body)}`);
  }
  return result as Record<string, unknown>;
}

/** The first error's code and the HTTP status, the pair tests assert on. */
export function failure(reply: CfReply): {
  status: number;
  code: number | undefined;
  message: string | undefined;
} {
  return { status: reply.status, code: reply.body.errors[0]?.code, message: reply.body.errors[0]?.message };
}

/** Calls a /__sim control route with JSON. */
export async function controlCall(
  sim: Simulator,
  path: string,
  method = 'GET',
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const init: RequestInit = { method };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { 'content-type': 'application/json' };
  }
  const response = await fetch(`${sim.origin}/__sim${path}`, init);
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

/** Demo ids, named once for the tests. */
export const DEMO = {
  alice: 'a11ce000000000000000000000000001',
  bob: 'b0b00000000000000000000000000002',
  alicePersonal: 'acc00000000000000000000000000001',
  acme: 'acc00000000000000000000000000002',
  bobStudio: 'acc00000000000000000000000000003',
  zone: {
    aliceDev: 'c0de0000000000000000000000000101',
    acmeCom: 'c0de0000000000000000000000000201',
    acmeShop: 'c0de0000000000000000000000000203',
    acmeInternal: 'c0de0000000000000000000000000205',
    bobStudioIo: 'c0de0000000000000000000000000301',
  },
  // The group ids come from the one table of them (test/fixtures/permission-groups.ts).
  group: {
    dnsWrite: GROUPS.dnsWrite.id,
    zoneRead: GROUPS.zoneRead.id,
    apiTokensWrite: GROUPS.apiTokensWrite.id,
    accountSettingsRead: GROUPS.accountSettingsRead.id,
    logsReadAccount: GROUPS.accountLogsRead.id,
    logsReadZone: GROUPS.zoneLogsRead.id,
    workersScriptsWrite: GROUPS.workersWrite.id,
    cachePurge: GROUPS.cachePurge.id,
  },
} as const;
