/**
 * The in-process transport: a `fetch` that hands each request straight to the simulator's
 * handler — no port is opened and nothing is sent anywhere.
 *
 * It answers only URLs of its own origin (e.g. https://sandbox.keyflare.invalid): anything else
 * is refused with a TypeError before any handler runs, so a core given this fetch can never reach
 * Cloudflare or any other host, whatever base URL a profile names. `.invalid` is reserved by
 * RFC 2606: no resolver answers it, so even a copy of the address pasted elsewhere goes nowhere.
 *
 * The Response is built around a ReadableStream the sink feeds, so faults behave as on the wire:
 * `fetch` resolves when the handler writes the headers; a reset before them rejects it with a
 * TypeError (as undici's "fetch failed"), after them the body stream errors (a truncated body);
 * writes wait while the reader is not pulling (back-pressure for oversized replies); an aborted
 * signal rejects the call, or errors the body, and tells the handler the client has gone.
 */
import type { ResponseSink, SimHandler, SimRequest } from './transport';

/** Statuses whose replies have no body (the Response constructor refuses one). */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

function requestUrl(input: string | URL | Request): string {
  if (typeof input === 'string') return input;
  if (input instanceof URL) return input.href;
  return input.url;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

/** Reads a body up to `limit` bytes; the rest is drained so the sender is never stuck. */
async function readLimited(request: Request, limit: number): Promise<Buffer | 'too_large'> {
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > limit) tooLarge = true;
    else chunks.push(chunk);
  }
  return tooLarge ? 'too_large' : Buffer.concat(chunks);
}

/** Lower-case header names, as node:http presents them to the handlers. */
function plainHeaders(headers: Headers): Record<string, string> {
  const plain: Record<string, string> = {};
  headers.forEach((value, name) => {
    plain[name.toLowerCase()] = value;
  });
  return plain;
}

const encoder = new TextEncoder();

/** One exchange: the sink the handler writes to and the Response promise the caller awaits. */
function exchange(signal: AbortSignal | null): { sink: ResponseSink; response: Promise<Response> } {
  let resolveResponse!: (response: Response) => void;
  let rejectResponse!: (error: unknown) => void;
  const response = new Promise<Response>((resolve, reject) => {
    resolveResponse = resolve;
    rejectResponse = reject;
  });
  let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  let headersSent = false;
  let ended = false;
  let destroyed = false;
  let closed = false;
  const closeListeners: Array<() => void> = [];
  /** Resolvers of writes waiting for the reader to pull. */
  let waiting: Array<() => void> = [];
  const wake = (): void => {
    const now = waiting;
    waiting = [];
    for (const resolve of now) resolve();
  };
  const close = (): void => {
    if (closed) return;
    closed = true;
    wake();
    // After the current step, as node emits 'close': a handler that just ended logs its status first.
    for (const listener of closeListeners.splice(0)) queueMicrotask(listener);
  };
  const gone = (error: unknown): void => {
    if (destroyed) return;
    destroyed = true;
    if (!headersSent) rejectResponse(error);
    else if (!ended) controller?.error(error);
    close();
  };
  const onAbort = (): void => gone(abortReason(signal as AbortSignal));
  if (signal?.aborted) queueMicrotask(onAbort);
  else signal?.addEventListener('abort', onAbort, { once: true });

  const sink: ResponseSink = {
    get destroyed() {
      return destroyed;
    },
    get headersSent() {
      return headersSent;
    },
    get writableEnded() {
      return ended;
    },
    writeHead(status, headers) {
      if (destroyed || headersSent) return;
      headersSent = true;
      const body = NULL_BODY_STATUSES.has(status)
        ? null
        : new ReadableStream<Uint8Array>(
            {
              start: (c) => {
                controller = c;
              },
              pull: () => wake(),
              cancel: () => {
                // The caller stopped reading: for the handler, the client hung up.
                if (ended) return;
                destroyed = true;
                close();
              },
            },
            // Small enough that an oversized reply waits for its reader instead of queueing.
            { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
          );
      resolveResponse(new Response(body, { status, headers }));
    },
    async write(chunk) {
      if (destroyed || !headersSent || ended) return false;
      controller?.enqueue(encoder.encode(chunk));
      while (!destroyed && (controller?.desiredSize ?? 1) <= 0) {
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
      return !destroyed;
    },
    end(chunk) {
      if (destroyed || ended) return;
      if (!headersSent) sink.writeHead(200, {});
      if (chunk !== undefined && chunk.length > 0) controller?.enqueue(encoder.encode(chunk));
      ended = true;
      controller?.close();
      signal?.removeEventListener('abort', onAbort);
      close();
    },
    destroy() {
      signal?.removeEventListener('abort', onAbort);
      gone(new TypeError('fetch failed', { cause: new Error('other side closed (connection reset)') }));
    },
    onClose(listener) {
      if (closed) queueMicrotask(listener);
      else closeListeners.push(listener);
    },
  };
  return { sink, response };
}

export interface FetchTransportOptions {
  /** The only origin answered, e.g. https://sandbox.keyflare.invalid */
  origin: string;
  handler: SimHandler;
}

/** A `fetch` that serves `origin` from `handler` in this process and refuses every other URL. */
export function createFetchTransport(options: FetchTransportOptions): typeof fetch {
  const origin = new URL(options.origin).origin;
  const transport = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(requestUrl(request));
    if (url.origin !== origin) {
      // Never forwarded, never resolved: a sandbox has nowhere else to go.
      throw new TypeError(`The sandbox answers only ${origin}; refused a request to ${url.origin}.`);
    }
    if (request.signal.aborted) throw abortReason(request.signal);
    const simRequest: SimRequest = {
      method: request.method.toUpperCase(),
      url,
      headers: plainHeaders(request.headers),
      remoteAddress: '127.0.0.1',
      readBody: (limit) => readLimited(request, limit),
    };
    const { sink, response } = exchange(request.signal);
    options.handler(simRequest, sink).catch(() => {
      // The handler answers its own failures; one that escapes still must not hang the caller.
      sink.destroy();
    });
    return response;
  };
  return transport;
}
