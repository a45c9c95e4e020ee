/**
 * startSimulator(): the HTTP server on 127.0.0.1 and the in-process Simulator handle.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { API_PREFIX, handleApiRequest } from './api-pipeline';
import { cfErrors } from './cf-errors';
import { CONTROL_PREFIX, handleControlRequest } from './control-routes';
import { fail } from './envelope';
import { FaultRegistry, seededRandom } from './faults';
import { parseCidr } from './ip-match';
import { DEFAULT_RATE_LIMIT, RateLimiter } from './rate-limiter';
import { RequestLog } from './request-log';
import { DelayTracker, type SimRuntime } from './runtime';
import { buildStore, scenarioCredentials } from './scenario-loader';
import { resolveScenario } from './scenarios';
import { createStateView } from './state-view';
import type { Simulator, SimulatorControl, StartSimulatorOptions } from './types';

const HOST = '127.0.0.1';

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    server.once('error', onError);
    server.listen(port, HOST, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) {
      resolve();
      return;
    }
    server.close(() => resolve());
    // Keep-alive sockets would hold the port open; "offline" means every connection drops.
    server.closeAllConnections();
  });
}

function assertIp(ip: string): void {
  if (ip.includes('/') || parseCidr(ip) === null) throw new Error(`not an IP address: ${ip}`);
}

export async function startSimulator(options: StartSimulatorOptions = {}): Promise<Simulator> {
  const store = buildStore(resolveScenario(options.scenario ?? 'demo'));
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
    validate: options.validate ?? true,
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

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${HOST}`);
    const handle =
      url.pathname === CONTROL_PREFIX || url.pathname.startsWith(`${CONTROL_PREFIX}/`)
        ? handleControlRequest({ rt, control, credentials }, req, res, url)
        : url.pathname === API_PREFIX || url.pathname.startsWith(`${API_PREFIX}/`)
          ? handleApiRequest(rt, req, res, url)
          : Promise.resolve().then(() => {
              const body = JSON.stringify(fail(cfErrors.noRoute()).body);
              res.writeHead(404, { 'content-type': 'application/json' }).end(body);
            });
    handle.catch((error: unknown) => {
      // A simulator bug must be loud in tests but never take the process down.
      console.error('[sandbox] request failed:', error);
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            success: false,
            errors: [{ code: 10500, message: 'Simulator error' }],
            messages: [],
            result: null,
          }),
        );
      }
    });
  });
  server.keepAliveTimeout = 5_000;

  let port = await listen(server, options.port ?? 0);
  let closed = false;
  const origin = `http://${HOST}:${port}`;

  const simulator: Simulator = {
    baseUrl: `${origin}${API_PREFIX}`,
    origin,
    port,
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
    stop: () => closeServer(server),
    restart: async () => {
      if (closed) throw new Error('simulator is closed');
      if (server.listening) return;
      port = await listen(server, port);
    },
    close: async () => {
      closed = true;
      rt.delays.releaseAll();
      await closeServer(server);
    },
  };
  return simulator;
}
