/**
 * createInProcessSimulator(): the simulator reached through its own `fetch`, in this process.
 *
 * What the app's sandbox runs: no port is opened and nothing leaves the process; the fetch
 * answers SANDBOX_ORIGIN only and refuses every other URL (fetch-transport.ts). Contract checks
 * are off unless a validator is passed (tests pass `await loadSchemaValidator()`), so the app
 * never loads ajv or the OpenAPI document. Import this module, not index.ts, from app code.
 */
import { SANDBOX_ORIGIN } from '../shared/sandbox/sandbox-address';
import { resolveDemoScenario } from './demo-scenario';
import { createSimulatorEngine, type EngineOptions } from './engine';
import type { Scenario } from './scenario-schema';
import { createFetchTransport } from './fetch-transport';
import type { SchemaValidator } from './runtime';
import type { InProcessSimulator } from './types';

export { SANDBOX_ORIGIN };

export interface InProcessOptions extends EngineOptions {
  /** 'demo' (default) or a scenario object; the generated ones stay out of the app's bundle. */
  scenario?: 'demo' | Scenario;
  /** The origin answered (default SANDBOX_ORIGIN). */
  origin?: string;
  /** OpenAPI checks on requests and replies; off (null) unless given. */
  validator?: SchemaValidator | null;
}

export function createInProcessSimulator(options: InProcessOptions = {}): InProcessSimulator {
  const engine = createSimulatorEngine(
    resolveDemoScenario(options.scenario ?? 'demo'),
    options,
    options.validator ?? null,
  );
  const origin = new URL(options.origin ?? SANDBOX_ORIGIN).origin;
  return engine.view(origin, { fetch: createFetchTransport({ origin, handler: engine.handle }) });
}
