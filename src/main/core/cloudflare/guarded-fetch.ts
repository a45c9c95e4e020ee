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
 *
 * It also bounds the reply, which the SDK does not: the SDK's timeout stops once the headers have
 * arrived, and it reads any body whole. Here one deadline covers the request and its whole body
 * (a server that trickles a byte at a time cannot hold a call past the timeout), and at most
 * `maxReplyBytes` are read (a 50 MB reply is cut off, never buffered).
 */
import { AppError } from '../../../shared/errors';
import { msg } from '../../../shared/i18n/message';
import type { ProfileCredential } from '../secrets/credential';
import { retryable } from './errors';
import type { RateGate } from './rate-gate';

/** Headers the SDK may contribute; everything else it builds is dropped. */
const ALLOWED_SDK_HEADERS = ['accept', 'content-type'] as const;

/**
 * The most Keyflare reads of one reply. Its largest real replies — a page of 50 tokens with their
 * policies, an account's permission groups — stay well under 1 MB.
 */
export const MAX_REPLY_BYTES = 8 * 1024 * 1024;

/** Statuses whose replies have no body (a Response built with one would throw). */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

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
  /** One deadline for the request and its whole body (ms). */
  timeoutMs: number;
  /** The most bytes read of one reply (default MAX_REPLY_BYTES). */
  maxReplyBytes?: number;
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

function timedOut(): AppError {
  return retryable(new AppError('TIMEOUT', msg('errors.cloudflare.replyTimeout')));
}

function tooLarge(maxBytes: number): AppError {
  // Not retryable: the same question would bring the same oversized answer.
  return new AppError(
    'UPSTREAM',
    msg('errors.cloudflare.tooLarge', { megabytes: Math.round(maxBytes / (1024 * 1024)) }),
  );
}

function brokenOff(): AppError {
  return retryable(new AppError('UPSTREAM', msg('errors.cloudflare.brokenOff')));
}

interface BodyBounds {
  maxBytes: number;
  deadline: number;
  /** Stops the underlying request (frees the socket). */
  abort: (reason: AppError) => void;
}

/**
 * The reply with a body that fails with TIMEOUT at the deadline and UPSTREAM past `maxBytes`,
 * and with a retryable UPSTREAM when the connection breaks off mid-body.
 */
function boundedReply(response: Response, bounds: BodyBounds): Response {
  const source = response.body;
  if (!source || NULL_BODY_STATUSES.has(response.status)) return response;
  const reader: ReadableStreamDefaultReader<Uint8Array> = source.getReader();
  let received = 0;
  let finished = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = (controller: ReadableStreamDefaultController<Uint8Array>, error: AppError | null): void => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    if (error === null) {
      controller.close();
      return;
    }
    controller.error(error);
    bounds.abort(error);
    reader.cancel(error).catch(() => undefined);
  };
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      timer = setTimeout(() => stop(controller, timedOut()), Math.max(0, bounds.deadline - Date.now()));
      // A body nobody reads must not keep the process alive until its deadline.
      timer.unref();
    },
    async pull(controller) {
      try {
        const chunk = await reader.read();
        if (finished) return;
        if (chunk.done) {
          stop(controller, null);
          return;
        }
        received += chunk.value.byteLength;
        if (received > bounds.maxBytes) {
          stop(controller, tooLarge(bounds.maxBytes));
          return;
        }
        controller.enqueue(chunk.value);
      } catch (error) {
        stop(controller, error instanceof AppError ? error : brokenOff());
      }
    },
    cancel(reason) {
      finished = true;
      clearTimeout(timer);
      return reader.cancel(reason);
    },
  });
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

export function createGuardedFetch(options: GuardedFetchOptions): typeof fetch {
  const base = new URL(options.baseUrl);
  const maxBytes = options.maxReplyBytes ?? MAX_REPLY_BYTES;
  const guarded = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = urlOf(input);
    if (!isUnderBase(url, base)) {
      throw new AppError('INTERNAL', msg('errors.cloudflare.outsideBase'));
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
    const sentAt = await options.gate.take(signal);
    // The deadline runs from when the request leaves, not while the gate held it back.
    const deadline = Date.now() + options.timeoutMs;
    const stopper = new AbortController();
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
        signal: signal ? AbortSignal.any([signal, stopper.signal]) : stopper.signal,
      };
      const response = await options.fetch(url.href, request);
      options.gate.observe(response.status, response.headers, sentAt);
      const declared = Number(response.headers.get('content-length') ?? Number.NaN);
      if (declared > maxBytes) {
        const error = tooLarge(maxBytes);
        stopper.abort(error);
        await response.body?.cancel(error).catch(() => undefined);
        throw error;
      }
      return boundedReply(response, { maxBytes, deadline, abort: (reason) => stopper.abort(reason) });
    } finally {
      options.gate.release();
    }
  };
  return guarded;
}
