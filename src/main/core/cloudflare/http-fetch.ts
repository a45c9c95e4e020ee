/**
 * The `fetch` every Cloudflare call is sent with by default: Node's own http/https client behind
 * the fetch interface the SDK calls, with its own keep-alive connections.
 *
 * Why not the runtime's global fetch: its WHATWG fetch machinery (request and controller objects,
 * headers lists, a stream per body) costs more CPU per request than the request itself does here.
 * A large sync sends 94 requests eight at a time on one thread, so that CPU delays the next
 * request: replayed by a bare client, the same 94 requests took 22 ms less over node:http than
 * over the global fetch, and a large sync's ratio to that floor fell from 1.07 to 1.03-1.04
 * (README, "Sixth round"). Tests and callers may still pass any fetch (`CoreOptions.fetch`).
 *
 * What it keeps of fetch's behaviour, because the layers above rely on it:
 * - the reply comes as soon as its headers do, its body streamed (with backpressure: a body
 *   nobody reads stops the socket); guarded-fetch.ts bounds that body's size and deadline;
 * - a failure to connect rejects with `TypeError('fetch failed')` whose `cause` is the system
 *   error (ECONNREFUSED, a certificate error...), as the global fetch does: errors.ts reads the
 *   code from that chain;
 * - an aborted signal rejects with its reason and stops the socket, also mid-body;
 * - redirects are never followed: a 3xx with a Location rejects, unless the caller asked for
 *   `redirect: 'manual'` (a redirect could carry the credential to another host);
 * - TLS is verified against Node's certificate store, as the global fetch's is.
 * What it does not take: bodies other than text or bytes (Keyflare sends JSON), and URLs that are
 * not http(s). Both are refused with a TypeError rather than sent some other way.
 */
import type http from 'node:http';
import type https from 'node:https';

/** Statuses whose replies have no body (a Response built with one would throw). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/**
 * How long an idle connection is kept for the next request: the global fetch's default. A sync's
 * requests follow each other within milliseconds; a connection idle longer is more likely to have
 * been closed by the other side, and a request sent on it would fail.
 */
const KEEP_ALIVE_MS = 4_000;

export interface HttpFetch {
  fetch: typeof fetch;
  /** Closes every kept connection (the core's close). Requests sent later open new ones. */
  close(): void;
}

function requestHeaders(init: RequestInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(init?.headers).forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

function requestBody(body: RequestInit['body']): string | Uint8Array | null {
  if (body === undefined || body === null) return null;
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  throw new TypeError('Keyflare sends request bodies as text or bytes only');
}

function replyHeaders(raw: readonly string[]): Headers {
  const headers = new Headers();
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i] as string, raw[i + 1] as string);
  return headers;
}

/** What an aborted request rejects with: the signal's reason, as fetch does (an Error always). */
function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return reason;
  return new DOMException(typeof reason === 'string' ? reason : 'This operation was aborted', 'AbortError');
}

/** The reply's body as a stream that reads the socket only as fast as it is read. */
function streamOf(reply: http.IncomingMessage, signal: AbortSignal | null): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let ended = false;
      reply.on('data', (chunk: Buffer) => {
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 0) <= 0) reply.pause();
      });
      reply.on('end', () => {
        ended = true;
        controller.close();
      });
      // A connection that ends before the body does ('aborted', then a premature close).
      reply.on('close', () => {
        if (ended) return;
        ended = true;
        controller.error(
          signal?.aborted
            ? abortReason(signal)
            : new TypeError('terminated', { cause: new Error('the connection closed mid-body') }),
        );
      });
    },
    pull() {
      reply.resume();
    },
    cancel() {
      reply.destroy();
    },
  });
}

interface Clients {
  'http:': { module: typeof http; agent: http.Agent };
  'https:': { module: typeof https; agent: https.Agent };
}

/**
 * Node's clients and their connection pools, loaded at the first request: a command that reads
 * only the cache (`keyflare tokens --json`) does not pay for loading TLS (about 9 ms at start).
 */
function loadClients(keepAliveMs: number): Clients {
  const httpModule = process.getBuiltinModule('node:http');
  const httpsModule = process.getBuiltinModule('node:https');
  return {
    'http:': {
      module: httpModule,
      agent: new httpModule.Agent({ keepAlive: true, timeout: keepAliveMs }),
    },
    'https:': {
      module: httpsModule,
      agent: new httpsModule.Agent({ keepAlive: true, timeout: keepAliveMs }),
    },
  };
}

export interface HttpFetchOptions {
  /** How long an idle connection is kept (default KEEP_ALIVE_MS); a request in flight is not cut. */
  keepAliveMs?: number;
}

export function createHttpFetch(options: HttpFetchOptions = {}): HttpFetch {
  let clients: Clients | null = null;

  // Async, so a request it refuses (or a URL that does not parse) is a rejection, as with fetch.
  const send = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    if (input instanceof Request) throw new TypeError('Keyflare sends URLs, not Request objects');
    const url = new URL(input);
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new TypeError(`Keyflare does not send requests to ${url.protocol} URLs`);
    const body = requestBody(init?.body);
    const signal = init?.signal ?? null;
    if (signal?.aborted) throw abortReason(signal);
    clients ??= loadClients(options.keepAliveMs ?? KEEP_ALIVE_MS);
    const client = url.protocol === 'https:' ? clients['https:'] : clients['http:'];
    return new Promise<Response>((resolve, reject) => {
      const request = client.module.request(url, {
        method: init?.method ?? 'GET',
        headers: requestHeaders(init),
        agent: client.agent,
      });
      let answered = false;
      const onAbort = (): void => {
        const reason = abortReason(signal as AbortSignal);
        request.destroy();
        if (!answered) reject(reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = (): void => signal?.removeEventListener('abort', onAbort);
      request.on('error', (error) => {
        done();
        if (answered) return; // the body's stream reports it
        answered = true;
        reject(signal?.aborted ? abortReason(signal) : new TypeError('fetch failed', { cause: error }));
      });
      request.on('response', (reply) => {
        answered = true;
        // Before anything below can stop the reply: an error it then emits has no one else to
        // hear it. A body's failure is reported by its stream ('close' before 'end').
        reply.on('error', () => undefined);
        reply.on('close', done);
        const status = reply.statusCode ?? 0;
        const headers = replyHeaders(reply.rawHeaders);
        if (REDIRECT_STATUSES.has(status) && headers.has('location') && init?.redirect !== 'manual') {
          request.destroy();
          reject(new TypeError('fetch failed', { cause: new Error(`refused a redirect (HTTP ${status})`) }));
          return;
        }
        const empty = NULL_BODY_STATUSES.has(status) || request.method === 'HEAD';
        let response: Response;
        try {
          response = new Response(empty ? null : streamOf(reply, signal), {
            status,
            statusText: reply.statusMessage ?? '',
            headers,
          });
        } catch (error) {
          // A status a Response cannot have (below 200, above 599): no reply Keyflare can read.
          request.destroy();
          reject(new TypeError('fetch failed', { cause: error }));
          return;
        }
        if (empty) reply.resume();
        resolve(response);
      });
      request.end(body ?? undefined);
    });
  };

  return {
    fetch: send,
    close() {
      clients?.['http:'].agent.destroy();
      clients?.['https:'].agent.destroy();
    },
  };
}
