/**
 * Building one SDK client: explicit options only, and the guarded fetch underneath.
 *
 * The official SDK reads its host, credential, headers and log level from the environment unless
 * told otherwise. Every option is passed here (base URL, a placeholder credential, no SDK
 * retries, a timeout, logging off and a logger that drops everything) and every request goes
 * through the guarded fetch, so nothing in the environment can change the host, the credential,
 * the headers or the log output (SECURITY.md 14). Retries are not the SDK's business either: the
 * read and write policies decide them.
 *
 * The credential's fingerprint (in memory only) lets every client of one credential share one
 * rate gate, whichever way it is held: a profile's token and the same token being checked or
 * verified spend one budget.
 */
import { createHash } from 'node:crypto';
import Cloudflare from 'cloudflare';
import type { ProfileCredential } from '../secrets/credential';
import { createGuardedFetch, type RequestCounter } from './guarded-fetch';
import type { RateGate } from './rate-gate';

/** A credential for a one-off client: a profile credential or a token secret being verified. */
export type GatewayCredential = ProfileCredential | { kind: 'secret'; token: string };

/** The SDK's per-request options, as its own methods declare them. */
export type SdkRequestOptions = NonNullable<Parameters<Cloudflare['user']['get']>[0]>;

/** The same credential at the same base URL gives the same fingerprint; nothing else does. */
export function credentialFingerprint(baseUrl: string, credential: GatewayCredential): string {
  const what =
    credential.kind === 'global_key'
      ? `key\0${credential.email}\0${credential.key}`
      : `token\0${credential.token}`;
  return createHash('sha256').update(baseUrl).update('\0').update(what).digest('hex');
}

const dropLogs = {
  error: () => undefined,
  warn: () => undefined,
  info: () => undefined,
  debug: () => undefined,
};

/** A value the SDK puts in its own Authorization header; the guarded fetch replaces every header. */
const SDK_PLACEHOLDER_TOKEN = 'keyflare-sets-auth-in-fetch';

export interface SdkClientOptions {
  baseUrl: string;
  credential: GatewayCredential;
  gate: RateGate;
  /** Counts every request this client sends. */
  counter: RequestCounter;
  /** Per-call tallies, found by the private call header the guarded fetch strips. */
  tallies: Map<string, RequestCounter>;
  fetch: typeof fetch;
  userAgent: string;
  timeoutMs: number;
  maxReplyBytes?: number;
}

export function createSdkClient(options: SdkClientOptions): Cloudflare {
  const guardedFetch = createGuardedFetch({
    baseUrl: options.baseUrl,
    credential: options.credential,
    gate: options.gate,
    counters: [options.counter],
    fetch: options.fetch,
    userAgent: options.userAgent,
    tallies: options.tallies,
    timeoutMs: options.timeoutMs,
    ...(options.maxReplyBytes !== undefined ? { maxReplyBytes: options.maxReplyBytes } : {}),
  });
  return new Cloudflare({
    baseURL: options.baseUrl,
    apiToken: SDK_PLACEHOLDER_TOKEN,
    apiKey: null,
    apiEmail: null,
    userServiceKey: null,
    maxRetries: 0,
    timeout: options.timeoutMs,
    logLevel: 'off',
    logger: dropLogs,
    defaultHeaders: {},
    fetch: guardedFetch,
  });
}
