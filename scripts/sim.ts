/**
 * `npm run sim -- --scenario demo --port 8787 [--latency 40] [--jitter 10]`
 *
 * Starts the simulator in the foreground and prints the base URL and the scenario's
 * credentials (test fixtures). --scenario takes demo, large, or a path to a scenario JSON.
 * Stops on Ctrl+C / SIGTERM.
 */
import { parseArgs } from 'node:util';
import { loadScenarioFile } from '../src/sandbox/scenarios';
import { ScenarioError, type Scenario } from '../src/sandbox/scenario-schema';
import { startSimulator } from '../src/sandbox/simulator';
import type { DemoCredential } from '../src/sandbox/types';

function numberOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0)
    throw new Error(`--${name} must be a non-negative number, got "${value}"`);
  return parsed;
}

function describeCredential(credential: DemoCredential): string {
  const owner = credential.kind === 'account_token' ? ` account=${credential.accountId ?? '?'}` : '';
  const email = credential.email === undefined ? '' : ` email=${credential.email}`;
  const name = credential.name === undefined ? '' : ` "${credential.name}"`;
  return `  ${credential.label.padEnd(26)} ${credential.kind.padEnd(13)} ${credential.secret}${email}${owner}${name}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scenario: { type: 'string', default: 'demo' },
      port: { type: 'string', default: '8787' },
      latency: { type: 'string' },
      jitter: { type: 'string' },
      'rate-limit': { type: 'string' },
      'rate-window-ms': { type: 'string' },
      'no-validate': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(
      'Usage: npm run sim -- [--scenario demo|large|small|<file.json>] [--port 8787] [--latency ms] [--jitter ms]',
    );
    console.log('                      [--rate-limit N --rate-window-ms MS] [--no-validate]');
    return;
  }
  const scenarioName = values.scenario;
  const scenario: 'demo' | 'large' | 'small' | Scenario =
    scenarioName === 'demo' || scenarioName === 'large' || scenarioName === 'small'
      ? scenarioName
      : loadScenarioFile(scenarioName);
  const limit = numberOption('rate-limit', values['rate-limit']);
  const windowMs = numberOption('rate-window-ms', values['rate-window-ms']);
  const latencyMs = numberOption('latency', values.latency);
  const jitterMs = numberOption('jitter', values.jitter);
  const sim = await startSimulator({
    scenario,
    port: numberOption('port', values.port) ?? 8787,
    ...(latencyMs === undefined ? {} : { latencyMs }),
    ...(jitterMs === undefined ? {} : { jitterMs }),
    ...(limit === undefined ? {} : { rateLimit: { limit, windowMs: windowMs ?? 300_000 } }),
    validate: !values['no-validate'],
  });
  console.log(`Cloudflare API simulator (scenario ${sim.scenarioName})`);
  console.log(`  base URL:  ${sim.baseUrl}`);
  console.log(`  control:   ${sim.origin}/__sim/state`);
  console.log('Credentials (test fixtures, not real secrets):');
  for (const credential of sim.credentials) console.log(describeCredential(credential));
  console.log('Press Ctrl+C to stop.');

  const shutdown = (): void => {
    const violations = sim.schemaViolations();
    if (violations.length > 0)
      console.warn(`${violations.length} OpenAPI violation(s) recorded; see GET /__sim/violations`);
    void sim.close().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof ScenarioError ? error.message : error);
  process.exit(1);
});
