/**
 * Writing one whole reply: status, Cloudflare's cf-ray, the given headers and an exact length.
 */
import { rayId } from './ids';
import type { ResponseSink } from './transport';

/** Sends `body` as JSON (unless headers say otherwise); false when the client has already gone. */
export function send(
  res: ResponseSink,
  status: number,
  body: string,
  headers: Record<string, string>,
): boolean {
  if (res.destroyed || res.writableEnded) return false;
  res.writeHead(status, {
    'content-type': 'application/json',
    'cf-ray': rayId(),
    ...headers,
    'content-length': String(Buffer.byteLength(body)),
  });
  res.end(body);
  return true;
}
