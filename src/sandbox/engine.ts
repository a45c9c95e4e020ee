/**
 * The simulator without a transport: state, controls, and the one request handler that the
 * node:http server (simulator.ts) and the in-process fetch (in-process.ts) both call.
 */
import { API_PREFIX, handleApiRequest } from './api-pipeline';
import { cfErrors } from './cf-errors';
import { CONTROL_PREFIX, handleControlRequest } from './control-routes';
import { fail } from './envelope';
import { FaultRegistry, seededRandom } from './faults';
import { parseCidr } from './ip-match';
import { DEFAULT_RATE_LIMIT, RateLimiter } from './rate-limiter';
import { send } from './reply';
import { RequestLog } from './request-log';
import { DelayTracker, type SchemaValidator, type SimRuntime } from './runtime';
import { buildStore, scenarioCredentials } from './scenario-loader';
import type { ParsedScenario } from './scenario-schema';
import { createStateView } from './state-view';
import type { SimHandler } from './transport';
import type { SimulatorCore, SimulatorControl, StartSimulatorOptions } from './types';

export type EngineOptions = Omit<StartSimulatorOptions, 'port' | 'validate' | 'scenario'>;

export interface SimulatorEngine {
  handle: SimHandler;
  /**
   * The simulator's handle at `origin`, with the transport's own parts (`extras`); close()
   * releases pending delays, then closes the transport.
   */
  view<T extends object>(origin: string, extras: T, closeTransport?: () => Promise<void>): SimulatorCore & T;
}

function assertIp(ip: string): void {
  if (ip.includes('/') || parseCidr(ip) === null) throw new Error(`not an IP address: ${ip}`);
}

/** The Cloudflare-style 500 a simulator bug answers with (loud in the log, never a crash). */
const SIMULATOR_ERROR = JSON.stringify({
  success: false,
  errors: [{ code: 10500, message: 'Simulator error' }],
  messages: [],
  result: null,
});

/** `scenario` comes parsed, so each transport's entry bundles only the scenarios it offers. */
export function createSimulatorEngine(
  scenario: ParsedScenario,
  options: EngineOptions,
  validator: SchemaValidator | null,
): SimulatorEngine {
  const store = buildStore(scenario);
  const now = options.now ?? ((): Date => new Date());
  const rateLimiter = new RateLimiter(DEFAULT_RATE_LIMIT, () => now().getTime());
  if (options.rateLimit) rateLimiter.configure(options.rateLimit);
  const rt: SimRuntime = {
    store,
    now,
    latency: { latencyMs: options.latencyMs ?? 0, jitterMs: options.jitterMs ?? 0 },
    rateLimiter,
    faults: new FaultRegistry(seededRandom(options.faultSeed ?? 0x5eed)),
    log: new RequestLog(),
    violations: [],
    validator,
    clientIpOverride: null,
    corruptNext: [],
    delays: new DelayTracker(),
  };

  const control: SimulatorControl = {
    setLatency: (ms, jitterMs = 0) => {
      if (!(ms >= 0) || !(jitterMs >= 0)) throw new Error('latency and jitter must be >= 0');
      rt.latency = { latencyMs: ms, jitterMs };
    },
    setRateLimit: (config) => rateLimiter.configure(config),
    resetRateLimits: () => rateLimiter.reset(),
    injectFault: (spec) => rt.faults.inject(spec),
    clearFaults: () => rt.faults.clear(),
    requestLog: () => rt.log.all(),
    resetLog: () => rt.log.reset(),
    setClientIp: (ip) => {
      if (ip !== null) assertIp(ip);
      rt.clientIpOverride = ip;
    },
  };
  for (const spec of options.faults ?? []) control.injectFault(spec);
  const credentials = (): ReturnType<typeof scenarioCredentials> => scenarioCredentials(store);

  const handle: SimHandler = async (req, res) => {
    const { pathname } = req.url;
    try {
      if (pathname === CONTROL_PREFIX || pathname.startsWith(`${CONTROL_PREFIX}/`))
        await handleControlRequest({ rt, control, credentials }, req, res);
      else if (pathname === API_PREFIX || pathname.startsWith(`${API_PREFIX}/`))
        await handleApiRequest(rt, req, res);
      else send(res, 404, JSON.stringify(fail(cfErrors.noRoute()).body), {});
    } catch (error) {
      // A simulator bug must be loud in tests but never take the process down.
      console.error('[sandbox] request failed:', error);
      if (!res.headersSent && !res.destroyed) send(res, 500, SIMULATOR_ERROR, {});
    }
  };

  const view = <T extends object>(
    origin: string,
    extras: T,
    closeTransport: () => Promise<void> = () => Promise.resolve(),
  ): SimulatorCore & T => ({
    ...extras,
    baseUrl: `${origin}${API_PREFIX}`,
    origin,
    scenarioName: store.scenarioName,
    get credentials() {
      return credentials();
    },
    control,
    state: createStateView(store, now),
    debug: {
      corruptNextResponse: (mutate) => {
        rt.corruptNext.push(mutate);
      },
      clearSchemaViolations: () => {
        rt.violations = [];
      },
    },
    schemaViolations: () => structuredClone(rt.violations),
    credential: (label) => {
      const found = credentials().find((credential) => credential.label === label);
      if (!found) throw new Error(`No credential labelled "${label}" in scenario ${store.scenarioName}`);
      return found;
    },
    close: async () => {
      rt.delays.releaseAll();
      await closeTransport();
    },
  });
  return { handle, view };
}
