/**
 * The fetch every Cloudflare SDK client uses: the one place a request leaves Keyflare.
 *
 * The SDK reads CLOUDFLARE_API_TOKEN, CLOUDFLARE_API_KEY, CLOUDFLARE_EMAIL, CLOUDFLARE_BASE_URL,
 * CLOUDFLARE_LOG, CLOUDFLARE_API_USER_SERVICE_KEY and (always) CLOUDFLARE_CUSTOM_HEADERS from the
 * environment. Keyflare passes every option explicitly, and this wrapper is the second wall:
 * it refuses any URL outside the profile's base URL, rebuilds the headers from an allowlist
 * (nothing the SDK or the environment added survives), sets the credential itself — the SDK never
 * holds the secret — refuses redirects (a redirect could carry X-Auth-Key to another host),
 * waits for the credential's rate gate, counts the request and lets the gate read the reply.
 */
import { AppError } from '../../../shared/errors';
import type { ProfileCredential } from '../secrets/credential';
import type { RateGate } from './rate-gate';

/** Headers the SDK may contribute; everything else it builds is dropped. */
const ALLOWED_SDK_HEADERS = ['accept', 'content-type'] as const;

export interface RequestCounter {
  count: number;
}

export interface GuardedFetchOptions {
  baseUrl: string;
  credential: ProfileCredential | { kind: 'secret'; token: string };
  gate: RateGate;
  counters: RequestCounter[];
  fetch: typeof fetch;
  userAgent: string;
  /** Per-call tallies, looked up by the private CALL_HEADER the gateway adds (never forwarded). */
  tallies?: Map<string, RequestCounter>;
}

/** Internal marker linking a request to its caller's tally; dropped before the request leaves. */
export const CALL_HEADER = 'x-keyflare-call';

function urlOf(input: string | URL | Request): URL {
  if (typeof input === 'string') return new URL(input);
  if (input instanceof URL) return new URL(input.href);
  return new URL(input.url);
}

/** True when `url` is the base URL or below it (same origin, path prefix on a segment boundary). */
export function isUnderBase(url: URL, base: URL): boolean {
  if (url.origin !== base.origin) return false;
  const prefix = base.pathname.replace(/\/+$/u, '');
  return url.pathname === prefix || url.pathname.startsWith(`${prefix}/`);
}

export function applyCredential(headers: Headers, credential: GuardedFetchOptions['credential']): void {
  if (credential.kind === 'global_key') {
    headers.set('x-auth-email', credential.email);
    headers.set('x-auth-key', credential.key);
  } else {
    headers.set('authorization', `Bearer ${credential.token}`);
  }
}

export function createGuardedFetch(options: GuardedFetchOptions): typeof fetch {
  const base = new URL(options.baseUrl);
  const guarded = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = urlOf(input);
    if (!isUnderBase(url, base)) {
      throw new AppError('INTERNAL', 'Keyflare refused to send a request outside the profile’s API address.');
    }
    const given = new Headers(init?.headers);
    const headers = new Headers();
    for (const name of ALLOWED_SDK_HEADERS) {
      const value = given.get(name);
      if (value !== null) headers.set(name, value);
    }
    headers.set('user-agent', options.userAgent);
    applyCredential(headers, options.credential);
    const signal = init?.signal ?? null;
    await options.gate.take(signal);
    try {
      for (const counter of options.counters) counter.count += 1;
      const call = given.get(CALL_HEADER);
      const tally = call ? options.tallies?.get(call) : undefined;
      if (tally) tally.count += 1;
      const request: RequestInit = {
        method: init?.method ?? 'GET',
        headers,
        redirect: 'error',
        ...(init?.body !== undefined && init.body !== null ? { body: init.body } : {}),
        ...(signal ? { signal } : {}),
      };
      const response = await options.fetch(url.href, request);
      options.gate.observe(response.status, response.headers);
      return response;
    } finally {
      options.gate.release();
    }
  };
  return guarded;
}
