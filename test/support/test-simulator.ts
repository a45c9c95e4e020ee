/**
 * startTestSimulator(): a simulator for vitest suites that fails tests on contract drift.
 *
 * Call it while the test file is being collected (top-level `await`, or inside a describe
 * body through `useTestSimulator`), because vitest hooks can only be registered then. It
 * registers an afterEach that fails the test during which a request or response violated
 * the OpenAPI schema, and an afterAll that closes the simulator.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startSimulator } from '../../src/sandbox/simulator';
import type { Simulator, StartSimulatorOptions, Violation } from '../../src/sandbox/types';

/** Throws a readable error when there are violations (what the afterEach hook runs). */
export function assertNoSchemaViolations(violations: readonly Violation[]): void {
  if (violations.length === 0) return;
  const lines = violations.map(
    (v) =>
      `  ${v.direction} ${v.operation} (${v.path}${v.status === null ? '' : `, status ${v.status}`}):\n` +
      v.errors.map((e) => `      ${e}`).join('\n'),
  );
  throw new Error(
    `Cloudflare simulator recorded ${violations.length} OpenAPI violation(s):\n${lines.join('\n')}`,
  );
}

function registerHooks(current: () => Simulator | undefined): void {
  afterEach(() => {
    const sim = current();
    if (!sim) return;
    const violations = sim.schemaViolations();
    // Cleared before asserting so one drifting test does not fail every test after it.
    sim.debug.clearSchemaViolations();
    assertNoSchemaViolations(violations);
  });
  afterAll(async () => {
    await current()?.close();
  });
}

/** Starts a simulator now and registers the violation check and cleanup hooks. */
export async function startTestSimulator(options: StartSimulatorOptions = {}): Promise<Simulator> {
  // Hooks first: they must be registered while vitest collects, before the first await.
  const holder: { sim?: Simulator } = {};
  registerHooks(() => holder.sim);
  holder.sim = await startSimulator(options);
  return holder.sim;
}

/**
 * Same hooks for use inside a describe body: starts in beforeAll and returns a getter.
 * `const sim = useTestSimulator(); it('...', () => sim().baseUrl)`.
 */
export function useTestSimulator(options: StartSimulatorOptions = {}): () => Simulator {
  let sim: Simulator | undefined;
  beforeAll(async () => {
    sim = await startSimulator(options);
  });
  registerHooks(() => sim);
  return () => {
    if (!sim) throw new Error('The simulator starts in beforeAll; use it inside tests or hooks');
    return sim;
  };
}
