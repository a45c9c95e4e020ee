/**
 * The simulator-only control API under /__sim (JSON over HTTP).
 *
 * Lets tests in another process (the Electron app under e2e, the CLI's users) steer the
 * simulator the way in-process tests do through Simulator.control. Never rate-limited,
 * delayed, faulted or logged. Routes:
 *   GET    /__sim/state             summary (counts, settings, faults)
 *   GET    /__sim/credentials       scenario credentials (fixtures, with secrets)
 *   GET    /__sim/requests          request log        POST /__sim/reset-log   clear it
 *   GET    /__sim/violations        schema violations  POST /__sim/violations/clear
 *   GET    /__sim/faults            active faults      POST /__sim/faults      inject (FaultSpec JSON)
 *   DELETE /__sim/faults            clear all          DELETE /__sim/faults/{id}
 *   POST   /__sim/latency           {ms, jitterMs?}
 *   POST   /__sim/rate-limit        {limit, windowMs}  POST /__sim/rate-limit/reset
 *   POST   /__sim/client-ip         {ip: string | null}
 */
import { z } from 'zod';
import { FaultSpecJson } from './faults';
import { parseCidr } from './ip-match';
import type { SimRuntime } from './runtime';
import type { ResponseSink, SimRequest } from './transport';
import type { DemoCredential, FaultSpec, SimulatorControl } from './types';

export const CONTROL_PREFIX = '/__sim';

const LatencyBody = z.strictObject({
  ms: z.number().min(0).max(600_000),
  jitterMs: z.number().min(0).max(600_000).optional(),
});
const RateLimitBody = z.strictObject({ limit: z.number().int().min(1), windowMs: z.number().int().min(1) });
const ClientIpBody = z.strictObject({ ip: z.string().nullable() });

/** Control bodies are small JSON objects; anything larger is refused as not JSON. */
const MAX_CONTROL_BODY_BYTES = 64 * 1024;

function reply(res: ResponseSink, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}

async function readJson(req: SimRequest): Promise<unknown> {
  const raw = await req.readBody(MAX_CONTROL_BODY_BYTES);
  if (raw === 'too_large') throw new Error('control body too large');
  const text = raw.toString('utf8');
  return text.trim() === '' ? {} : (JSON.parse(text) as unknown);
}

/** Builds FaultSpec from validated JSON (zod leaves absent keys absent). */
function toFaultSpec(input: z.output<typeof FaultSpecJson>): FaultSpec {
  return input;
}

export interface ControlDeps {
  rt: SimRuntime;
  control: SimulatorControl;
  credentials: () => DemoCredential[];
}

export async function handleControlRequest(
  deps: ControlDeps,
  req: SimRequest,
  res: ResponseSink,
): Promise<void> {
  const { rt, control } = deps;
  const { method, url } = req;
  const route = url.pathname.slice(CONTROL_PREFIX.length).replace(/\/+$/u, '') || '/';
  let body: unknown;
  try {
    body = method === 'POST' ? await readJson(req) : undefined;
  } catch {
    reply(res, 400, { ok: false, error: 'body is not valid JSON' });
    return;
  }
  const invalid = (error: z.ZodError): void => reply(res, 400, { ok: false, error: z.prettifyError(error) });

  if (method === 'GET' && route === '/state') {
    const tokens = [...rt.store.tokens.values()];
    reply(res, 200, {
      ok: true,
      scenario: rt.store.scenarioName,
      users: rt.store.users.size,
      accounts: rt.store.accounts.size,
      zones: rt.store.zones.size,
      userTokens: tokens.filter((t) => t.owner.kind === 'user').length,
      accountTokens: tokens.filter((t) => t.owner.kind === 'account').length,
      latency: rt.latency,
      rateLimit: rt.rateLimiter.current(),
      clientIp: rt.clientIpOverride ?? rt.store.scenarioClientIp,
      faults: rt.faults.summary(),
      requests: rt.log.size,
      violations: rt.violations.length,
    });
    return;
  }
  if (method === 'GET' && route === '/credentials')
    return reply(res, 200, { ok: true, credentials: deps.credentials() });
  if (method === 'GET' && route === '/requests')
    return reply(res, 200, { ok: true, requests: control.requestLog() });
  if (method === 'POST' && route === '/reset-log') {
    control.resetLog();
    return reply(res, 200, { ok: true });
  }
  if (method === 'GET' && route === '/violations')
    return reply(res, 200, { ok: true, violations: rt.violations });
  if (method === 'POST' && route === '/violations/clear') {
    rt.violations = [];
    return reply(res, 200, { ok: true });
  }
  if (method === 'GET' && route === '/faults')
    return reply(res, 200, { ok: true, faults: rt.faults.summary() });
  if (method === 'POST' && route === '/faults') {
    const parsed = FaultSpecJson.safeParse(body);
    if (!parsed.success) return invalid(parsed.error);
    const handle = control.injectFault(toFaultSpec(parsed.data));
    return reply(res, 200, { ok: true, id: handle.id });
  }
  if (method === 'DELETE' && route === '/faults') {
    control.clearFaults();
    return reply(res, 200, { ok: true });
  }
  const faultId = /^\/faults\/([\w-]+)$/u.exec(route)?.[1];
  if (method === 'DELETE' && faultId !== undefined) {
    return rt.faults.remove(faultId)
      ? reply(res, 200, { ok: true })
      : reply(res, 404, { ok: false, error: 'no such fault' });
  }
  if (method === 'POST' && route === '/latency') {
    const parsed = LatencyBody.safeParse(body);
    if (!parsed.success) return invalid(parsed.error);
    control.setLatency(parsed.data.ms, parsed.data.jitterMs);
    return reply(res, 200, { ok: true, latency: rt.latency });
  }
  if (method === 'POST' && route === '/rate-limit') {
    const parsed = RateLimitBody.safeParse(body);
    if (!parsed.success) return invalid(parsed.error);
    control.setRateLimit(parsed.data);
    return reply(res, 200, { ok: true, rateLimit: rt.rateLimiter.current() });
  }
  if (method === 'POST' && route === '/rate-limit/reset') {
    control.resetRateLimits();
    return reply(res, 200, { ok: true });
  }
  if (method === 'POST' && route === '/client-ip') {
    const parsed = ClientIpBody.safeParse(body);
    if (!parsed.success) return invalid(parsed.error);
    if (parsed.data.ip !== null && parseCidr(parsed.data.ip) === null) {
      return reply(res, 400, { ok: false, error: `not an IP address: ${parsed.data.ip}` });
    }
    control.setClientIp(parsed.data.ip);
    return reply(res, 200, { ok: true, clientIp: parsed.data.ip });
  }
  reply(res, 404, { ok: false, error: `no control route ${method} ${url.pathname}` });
}
