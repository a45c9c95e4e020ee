/**
 * One API request from socket to response: latency, rate limit, faults, routing, contract
 * checks, last_used_on, logging.
 *
 * Order matters and mirrors the real service: the rate limiter counts every request of a
 * credential (even ones that fail later), faults stand for the network and edge so they
 * act before (or, with phase 'after', after) the operation — faults that break the
 * operation's own answer always act after it — and the contract is checked on exactly what
 * would have been sent, before any fault mangles it.
 */
import { performance } from 'node:perf_hooks';
import { identifyCaller } from './auth';
import { cfErrors } from './cf-errors';
import { fail, type ApiResponse } from './envelope';
import { deliverFault } from './fault-delivery';
import { isAnswerFault } from './faults';
import { normaliseIp } from './ip-match';
import { send } from './reply';
import { matchRoute } from './routes';
import type { SimRuntime } from './runtime';
import { isoSeconds } from './time';
import type { HttpMethod } from './openapi-validator';
import type { ResponseSink, SimRequest } from './transport';
import type { RequestLogEntry, Violation } from './types';

export const API_PREFIX = '/client/v4';
const MAX_BODY_BYTES = 1024 * 1024;
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);
const KNOWN_METHODS = new Set<string>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

export async function handleApiRequest(rt: SimRuntime, req: SimRequest, res: ResponseSink): Promise<void> {
  const started = performance.now();
  const { method, url } = req;
  const path = url.pathname.slice(API_PREFIX.length) || '/';
  const clientIp = rt.clientIpOverride ?? rt.store.scenarioClientIp ?? normaliseIp(req.remoteAddress);
  const match = matchRoute(path);
  // Contract checks apply to operations the OpenAPI document describes, when validation is on.
  const validator = rt.validator;
  const specOperation =
    validator !== null &&
    match !== null &&
    KNOWN_METHODS.has(method) &&
    validator.hasOperation(method, match.route.template);
  const entry: RequestLogEntry = {
    seq: rt.log.nextSeq(),
    time: rt.now().toISOString(),
    method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    operation: match ? `${method} ${match.route.template}` : null,
    credential: null,
    credentialKind: null,
    status: null,
    durationMs: 0,
    fault: null,
    clientIp,
  };
  let logged = false;
  const finish = (status: number | null): void => {
    if (logged) return;
    logged = true;
    entry.status = status;
    entry.durationMs = Math.round((performance.now() - started) * 10) / 10;
    rt.log.add(entry);
  };
  // Logged when the answer is sent; a client that gives up first (timeout) got nothing.
  res.onClose(() => finish(null));

  const raw = await req.readBody(MAX_BODY_BYTES);
  // The latency is the round trip the client sees: the request is handled when it arrives and
  // answered `latency` after that (later only if handling it took longer). A remote server's
  // own work is part of its round trip; here it runs on the client's machine, and sleeping
  // before handling would add it on top of every round trip (2-12 ms a request when the bench's
  // large scenario and its client share two cores).
  const { latencyMs, jitterMs } = rt.latency;
  const answerAt = performance.now() + latencyMs + Math.random() * jitterMs;
  const inTime = (): Promise<void> => rt.delays.sleep(answerAt - performance.now());

  const caller = identifyCaller(req.headers, rt.store, rt.now(), clientIp);
  entry.credential = caller.label;
  entry.credentialKind = caller.kind;

  const rate = rt.rateLimiter.hit(caller.rateKey);
  if (!rate.allowed) {
    // Not contract-checked: the live API's code 971 is below the schema's minimum of 1000,
    // and the simulator keeps what Cloudflare really sends.
    entry.fault = 'rate_limited';
    const limited = fail(cfErrors.rateLimited());
    await inTime();
    finish(send(res, limited.status, JSON.stringify(limited.body), rate.headers) ? limited.status : null);
    return;
  }

  const fault = rt.faults.take(method, path);
  const breaksAnswer = fault !== null && isAnswerFault(fault.action);
  if (fault?.phase === 'before' && !breaksAnswer) {
    entry.fault = fault.action.kind;
    if (fault.action.kind !== 'hang') {
      await inTime();
      finish(await deliverFault({ res, headers: rate.headers, delays: rt.delays }, fault.action, null));
      return;
    }
    // A hang delays the request; the server still processes it, as a slow backend would.
    await rt.delays.sleep(fault.action.ms);
  }

  const now = rt.now();
  let response: ApiResponse;
  let body: unknown;
  if (raw === 'too_large') {
    response = fail(cfErrors.bodyTooLarge());
  } else {
    let parsed = true;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        parsed = false;
      }
    }
    if (specOperation && validator && match && BODY_METHODS.has(method)) {
      const check = parsed
        ? validator.validateRequestBody(method, match.route.template, body)
        : { valid: false, errors: ['(root) request body is not valid JSON'] };
      if (!check.valid)
        recordViolation(rt, 'request', method, match.route.template, url.pathname, null, check.errors);
    }
    if (!parsed) response = fail(cfErrors.malformedJson());
    else if (!match) response = fail(cfErrors.noRoute());
    else {
      const handler = match.route.handlers[method as HttpMethod];
      response = handler
        ? handler({
            store: rt.store,
            now,
            method,
            path,
            params: match.params,
            query: url.searchParams,
            body,
            caller,
            clientIp,
          })
        : fail(cfErrors.methodNotAllowed(method));
    }
  }

  if (response.status < 300 && caller.outcome.ok && caller.outcome.principal.kind !== 'global_key') {
    const token = rt.store.tokens.get(caller.outcome.principal.token.id);
    if (token) token.last_used_on = isoSeconds(now);
  }

  const corrupt = rt.corruptNext.shift();
  if (corrupt) response = { ...response, body: corrupt(response.body) };

  if (specOperation && validator && match && response.skipValidation === undefined) {
    const check = validator.validateResponseBody(
      method,
      match.route.template,
      response.status,
      response.body,
    );
    if (check && !check.valid) {
      recordViolation(
        rt,
        'response',
        method,
        match.route.template,
        url.pathname,
        response.status,
        check.errors,
      );
    }
  }

  if (fault && (fault.phase === 'after' || breaksAnswer)) {
    entry.fault = fault.action.kind;
    if (fault.action.kind === 'hang') await rt.delays.sleep(fault.action.ms);
    else {
      await inTime();
      const ctx = { res, headers: rate.headers, delays: rt.delays };
      finish(await deliverFault(ctx, fault.action, response));
      return;
    }
  }
  const text = JSON.stringify(response.body);
  await inTime();
  const sent = send(res, response.status, text, {
    ...rate.headers,
    ...response.headers,
  });
  finish(sent ? response.status : null);
}

function recordViolation(
  rt: SimRuntime,
  direction: Violation['direction'],
  method: string,
  template: string,
  path: string,
  status: number | null,
  errors: string[],
): void {
  rt.violations.push({
    direction,
    operation: `${method} ${template}`,
    method,
    path,
    status,
    errors,
    time: rt.now().toISOString(),
  });
}
