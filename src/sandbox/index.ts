/**
 * Cloudflare API simulator: public entry point.
 *
 * Start one with startSimulator(); in vitest prefer startTestSimulator() from
 * './test-simulator' (it fails tests on contract violations). See README.md.
 */
export { startSimulator, loadSchemaValidator } from './simulator';
export { createInProcessSimulator, SANDBOX_ORIGIN } from './in-process';
export type { InProcessOptions } from './in-process';
export type { SchemaValidator } from './runtime';
export { generateLargeScenario, LARGE_SCENARIO_DEFAULTS, LARGE_USER_EMAIL } from './large-scenario';
export type { LargeScenarioOptions } from './large-scenario';
export { parseScenario, ScenarioError, ScenarioSchema } from './scenario-schema';
export type { ParsedScenario, Scenario } from './scenario-schema';
export { loadScenarioFile } from './scenarios';
export { validateRequestBody, validateResponseBody, hasOperation, listOperations } from './openapi-validator';
export type { SchemaCheck } from './openapi-validator';
export { DEFAULT_RATE_LIMIT } from './rate-limiter';
export { USER_TOKEN_QUOTA, ACCOUNT_TOKEN_QUOTA } from './scenario-loader';
export type { SimStateView, TokenSnapshot } from './state-view';
export type {
  CredentialKind,
  DemoCredential,
  FaultAction,
  FaultHandle,
  FaultMatch,
  FaultSpec,
  InProcessSimulator,
  LatencyConfig,
  RateLimitConfig,
  RequestLogEntry,
  Simulator,
  SimulatorCore,
  SimulatorControl,
  SimulatorDebug,
  StartSimulatorOptions,
  Violation,
} from './types';
