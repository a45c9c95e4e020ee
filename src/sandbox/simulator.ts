/**
 * startSimulator(): the simulator served by node:http on 127.0.0.1 (tests, `npm run sim`,
 * `npm run demo`). Validation against the OpenAPI document is on by default; its module (ajv and
 * the 100 KB schema) is imported only then.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSimulatorEngine } from './engine';
import { nodeRequest, nodeSink } from './node-transport';
import { resolveScenario } from './scenarios';
import type { SchemaValidator } from './runtime';
import type { Simulator, StartSimulatorOptions } from './types';

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

/** The OpenAPI checks, loaded on first use (a dynamic import keeps ajv out of the app's bundle). */
export async function loadSchemaValidator(): Promise<SchemaValidator> {
  const { hasOperation, validateRequestBody, validateResponseBody } = await import('./openapi-validator');
  return { hasOperation, validateRequestBody, validateResponseBody };
}

export async function startSimulator(options: StartSimulatorOptions = {}): Promise<Simulator> {
  const validator = (options.validate ?? true) ? await loadSchemaValidator() : null;
  const engine = createSimulatorEngine(resolveScenario(options.scenario ?? 'demo'), options, validator);
  const origin = { current: `http://${HOST}` };
  const server = createServer((req, res) => {
    void engine.handle(nodeRequest(req, origin.current), nodeSink(req, res));
  });
  server.keepAliveTimeout = 5_000;

  let port = await listen(server, options.port ?? 0);
  origin.current = `http://${HOST}:${port}`;
  let closed = false;
  return engine.view(
    origin.current,
    {
      port,
      stop: () => closeServer(server),
      restart: async () => {
        if (closed) throw new Error('simulator is closed');
        if (server.listening) return;
        port = await listen(server, port);
      },
    },
    () => {
      closed = true;
      return closeServer(server);
    },
  );
}
