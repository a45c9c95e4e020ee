/**
 * Reading an SDK call's reply ourselves: the raw body, checked as Cloudflare's envelope.
 *
 * The SDK would hand over whatever JSON came, and turns a list's `result: null` into an empty list.
 * So every typed read takes the raw reply (`asResponse`) and checks it (wire.ts): a missing list
 * is a malformed reply, never an empty one. A list page also checks its `result_info` against its
 * own items.
 */
import type Cloudflare from 'cloudflare';
import type { Message } from '../../../shared/i18n/message';
import type { CallOptions } from './gated-send';
import type { Read } from './read-policy';
import type { SdkRequestOptions } from './sdk-client';
import { parseEnvelope, parsePageInfo, type WireEnvelope } from './wire';

/** Cloudflare's largest page size for token, account and zone lists. */
export const MAX_PER_PAGE = 50;

export interface Page<T> {
  items: T[];
  page: number;
  perPage: number;
  /** Cloudflare's result_info.total_count, or null when the reply did not say. */
  totalCount: number | null;
  /** Cloudflare's result_info.total_pages, or null when the reply did not say. */
  totalPages: number | null;
}

/** What the SDK's request methods return (APIPromise, PagePromise): the raw reply on request. */
export interface PendingReply {
  asResponse(): Promise<Response>;
}

/** One SDK request method called with the per-request options. */
export type SdkRequest = (sdk: Cloudflare, request: SdkRequestOptions) => PendingReply;

/** Lets the requests waiting for a place start before this reply is parsed (see below). */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * The reply's envelope. Once its body has arrived the request is off the wire: a planner's place
 * (`call.slot`) goes to the next request, which is sent before this body is parsed and checked.
 */
async function envelopeOf(
  pending: PendingReply,
  what: Message,
  call: CallOptions | undefined,
): Promise<WireEnvelope> {
  const response = await pending.asResponse();
  const text = await response.text();
  if (call?.slot) {
    call.slot.replied();
    await nextTurn();
  }
  return parseEnvelope(text, what);
}

/** A read whose checked `result` is parsed by `parse`. */
export function readResult<T>(
  read: Read,
  what: Message,
  request: SdkRequest,
  parse: (result: unknown, what: Message) => T,
  call?: CallOptions,
): Promise<T> {
  return read(
    what,
    async (sdk, r) => parse((await envelopeOf(request(sdk, r), what, call)).result, what),
    call,
  );
}

/** A read of one list page, its items parsed by `parse` and its result_info checked against them. */
export function readPage<T>(
  read: Read,
  what: Message,
  page: number,
  perPage: number,
  request: SdkRequest,
  parse: (items: unknown, what: Message) => T[],
  call?: CallOptions,
): Promise<Page<T>> {
  return read(
    what,
    async (sdk, r) => {
      const reply = await envelopeOf(request(sdk, r), what, call);
      const items = parse(reply.result, what);
      const info = parsePageInfo(reply.resultInfo, page, perPage, items.length, what);
      return { items, page, perPage, totalCount: info.totalCount, totalPages: info.totalPages };
    },
    call,
  );
}
