/**
 * What the simulator's request handlers read and write, whatever carries the request.
 *
 * One handler serves two transports: the node:http server on loopback (tests, `npm run sim`,
 * `npm run demo`) and the in-process `fetch` of the app's sandbox (no port, nothing on the
 * network). A request arrives as a SimRequest and the answer goes into a ResponseSink; the
 * adapters are node-transport.ts and fetch-transport.ts. The sink is the small part of
 * node's ServerResponse the handlers used (writeHead, write, end, destroy), so every fault —
 * truncate, drip, hang, reset, oversized — behaves the same through both: a reset before the
 * headers is a network error for the client, after them a body that breaks off.
 */
import type { IncomingHttpHeaders } from 'node:http';

export interface SimRequest {
  /** Upper-case method. */
  readonly method: string;
  readonly url: URL;
  /** Lower-case header names, as node:http gives them. */
  readonly headers: IncomingHttpHeaders;
  /** The caller's address (loopback for both transports). */
  readonly remoteAddress: string;
  /** The body, or 'too_large' once it passed `limit` bytes (the rest is drained, not kept). */
  readBody(limit: number): Promise<Buffer | 'too_large'>;
}

export interface ResponseSink {
  /** True once the client has gone (hung up, aborted) or the sink was destroyed. */
  readonly destroyed: boolean;
  readonly headersSent: boolean;
  /** True once end() was called. */
  readonly writableEnded: boolean;
  writeHead(status: number, headers: Record<string, string>): void;
  /** Writes a chunk and waits while the client is not reading; false once it has gone. */
  write(chunk: string): Promise<boolean>;
  end(chunk?: string): void;
  /** Drops the connection: before the headers the client sees a network error, after them a cut body. */
  destroy(): void;
  /** Called once when the exchange is over: ended, destroyed or abandoned by the client. */
  onClose(listener: () => void): void;
}

/** The handler both transports call. It never rejects on a client's behaviour. */
export type SimHandler = (request: SimRequest, sink: ResponseSink) => Promise<void>;
