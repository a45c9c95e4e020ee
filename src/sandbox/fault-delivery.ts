/**
 * Delivering a fault in place of (or on top of) the operation's answer.
 *
 * What each kind sends, on the wire, and why it is a faithful stand-in for what reaches a client
 * of the real API:
 * - server_error: a Cloudflare JSON envelope with a 5xx status (an origin or API failure);
 * - html_error: the HTML error page Cloudflare's edge serves (text/html) when it cannot reach
 *   the API, for 5xx and its own 52x statuses — not JSON at all;
 * - too_many_requests: 429 code 971 as a real block sends it, with whatever `retry-after` value
 *   the spec gives (0, a past date, 1e20…), so clients can be tested against bad values;
 * - malformed_json: a 200 whose JSON stops mid-string; reset: the socket is destroyed;
 * - answer faults, built from the operation's real answer: truncated (the connection drops
 *   halfway through a body whose content-length promised more), no_result, wrong_types,
 *   lying_result_info (proxies and bugs that rewrite bodies), oversized (a valid but huge reply,
 *   streamed with back-pressure so the simulator never holds it in memory) and slow_drip (the
 *   answer trickled a few bytes at a time: every chunk is prompt, the whole is not).
 * Each returns the status sent, or null when the reply never completed.
 */
import { cfErrors } from './cf-errors';
import { fail, type ApiResponse } from './envelope';
import { rayId } from './ids';
import { send } from './reply';
import type { DelayTracker } from './runtime';
import type { ResponseSink } from './transport';
import type { AnswerFault, EdgeErrorStatus, FaultAction } from './types';

/** A body that starts like a token list and stops mid-string. */
const MALFORMED_BODY = '{"success":true,"errors":[],"messages":[],"result":[{"id":"3f1c';

const EDGE_TITLES: Record<EdgeErrorStatus, string> = {
  500: 'Internal server error',
  502: 'Bad gateway',
  503: 'Service unavailable',
  504: 'Gateway time-out',
  520: 'Web server is returning an unknown error',
  521: 'Web server is down',
  522: 'Connection timed out',
  523: 'Origin is unreachable',
  524: 'A timeout occurred',
};

/** An edge error page in the shape Cloudflare serves (title, error code, Ray ID), not a copy of it. */
function edgePage(status: EdgeErrorStatus): string {
  const title = EDGE_TITLES[status];
  return [
    '<!DOCTYPE html>',
    '<html lang="en-US">',
    `<head><meta charset="UTF-8"><title>api.cloudflare.com | ${status}: ${title}</title></head>`,
    '<body>',
    `<h1>${title}</h1><p>Error code ${status}</p>`,
    `<p>Visit cloudflare.com for more information.</p><p>Cloudflare Ray ID: ${rayId()}</p>`,
    '</body>',
    '</html>',
  ].join('\n');
}

export interface FaultContext {
  res: ResponseSink;
  /** Headers every reply carries (the rate-limit headers, and the answer's own). */
  headers: Record<string, string>;
  delays: DelayTracker;
}

function renumber(value: unknown, next: () => number): unknown {
  if (Array.isArray(value)) return value.map((item) => renumber(item, next));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      key === 'id' && typeof item === 'string' ? next() : renumber(item, next),
    ]),
  );
}

/** The answer's envelope with the rewrite applied (2xx answers only). */
function rewritten(action: AnswerFault, body: unknown): unknown {
  const envelope = { ...(body as Record<string, unknown>) };
  switch (action.kind) {
    case 'no_result':
      if (action.result === 'null') envelope['result'] = null;
      else delete envelope['result'];
      return envelope;
    case 'wrong_types': {
      const result = envelope['result'];
      if (action.variant === 'list_as_object')
        envelope['result'] = Array.isArray(result)
          ? Object.fromEntries(result.map((item, i) => [String(i), item]))
          : [result];
      else if (action.variant === 'string_result') envelope['result'] = JSON.stringify(result);
      else {
        let n = 1000;
        envelope['result'] = renumber(result, () => (n += 1));
      }
      return envelope;
    }
    case 'lying_result_info': {
      const info = { ...((envelope['result_info'] as Record<string, unknown> | undefined) ?? {}) };
      if (action.totalCount !== undefined) info['total_count'] = action.totalCount;
      if (action.totalPages !== undefined) info['total_pages'] = action.totalPages;
      if (action.count !== undefined) info['count'] = action.count;
      envelope['result_info'] = info;
      return envelope;
    }
    default:
      return body;
  }
}

async function deliverAnswerFault(
  ctx: FaultContext,
  action: AnswerFault,
  answer: ApiResponse,
): Promise<number | null> {
  const { res } = ctx;
  const headers = { ...ctx.headers, ...answer.headers };
  const ok = answer.status >= 200 && answer.status < 300;
  switch (action.kind) {
    case 'no_result':
    case 'wrong_types':
    case 'lying_result_info': {
      const body = ok ? rewritten(action, answer.body) : answer.body;
      return send(res, answer.status, JSON.stringify(body), headers) ? answer.status : null;
    }
    case 'truncated': {
      const text = JSON.stringify(answer.body);
      if (res.destroyed) return null;
      res.writeHead(answer.status, {
        'content-type': 'application/json',
        'cf-ray': rayId(),
        ...headers,
        'content-length': String(Buffer.byteLength(text)),
      });
      await res.write(text.slice(0, Math.floor(text.length / 2)));
      res.destroy();
      return null;
    }
    case 'oversized': {
      const envelope = answer.body as Record<string, unknown>;
      const rest = JSON.stringify({ ...envelope, success: envelope['success'] ?? ok }).slice(1);
      const head = '{"padding":"';
      const tail = `",${rest}`;
      const padding = Math.max(0, action.bytes - Buffer.byteLength(head) - Buffer.byteLength(tail));
      if (res.destroyed) return null;
      res.writeHead(answer.status, {
        'content-type': 'application/json',
        'cf-ray': rayId(),
        ...headers,
        ...(action.declareLength
          ? { 'content-length': String(Buffer.byteLength(head) + padding + Buffer.byteLength(tail)) }
          : {}),
      });
      const chunk = 'x'.repeat(64 * 1024);
      if (!(await res.write(head))) return null;
      for (let left = padding; left > 0; left -= chunk.length) {
        if (!(await res.write(left >= chunk.length ? chunk : chunk.slice(0, left)))) return null;
      }
      if (!(await res.write(tail))) return null;
      res.end();
      return answer.status;
    }
    case 'slow_drip': {
      const text = JSON.stringify(answer.body);
      const size = action.chunkBytes ?? 1;
      if (res.destroyed) return null;
      res.writeHead(answer.status, { 'content-type': 'application/json', 'cf-ray': rayId(), ...headers });
      for (let at = 0; at < text.length; at += size) {
        if (!(await res.write(text.slice(at, at + size)))) return null;
        await ctx.delays.sleep(action.intervalMs);
      }
      if (res.destroyed) return null;
      res.end();
      return answer.status;
    }
  }
}

/**
 * Sends the fault. `answer` is the operation's answer; it is null for faults delivered before
 * the operation ran (answer faults always get one).
 */
export async function deliverFault(
  ctx: FaultContext,
  action: Exclude<FaultAction, { kind: 'hang' }>,
  answer: ApiResponse | null,
): Promise<number | null> {
  const { res, headers } = ctx;
  switch (action.kind) {
    case 'server_error': {
      const response = fail(cfErrors.serverError(action.status));
      return send(res, response.status, JSON.stringify(response.body), headers) ? response.status : null;
    }
    case 'html_error':
      return send(res, action.status, edgePage(action.status), {
        ...headers,
        'content-type': 'text/html; charset=UTF-8',
      })
        ? action.status
        : null;
    case 'too_many_requests': {
      const response = fail(cfErrors.rateLimited());
      const sent: Record<string, string> = { ...headers };
      if (action.retryAfter !== undefined) sent['retry-after'] = action.retryAfter;
      return send(res, 429, JSON.stringify(response.body), sent) ? 429 : null;
    }
    case 'malformed_json':
      return send(res, 200, MALFORMED_BODY, headers) ? 200 : null;
    case 'reset':
      res.destroy();
      return null;
    default:
      if (!answer) throw new Error(`fault ${action.kind} needs the operation's answer`);
      return deliverAnswerFault(ctx, action, answer);
  }
}
