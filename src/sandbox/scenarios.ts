/**
 * Named scenarios ('demo', 'large') and scenario files, parsed and shape-checked.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateLargeScenario, LARGE_SCENARIO_DEFAULTS } from './large-scenario';
import { parseScenario, ScenarioError, type ParsedScenario, type Scenario } from './scenario-schema';

export const DEMO_SCENARIO_PATH = fileURLToPath(new URL('./scenarios/demo.json', import.meta.url));

/** Reads and validates a scenario JSON file. */
export function loadScenarioFile(path: string): ParsedScenario {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ScenarioError(
      `Cannot read scenario file ${path}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ScenarioError(
      `Scenario file ${path} is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return parseScenario(json, path);
}

export function resolveScenario(scenario: 'demo' | 'large' | Scenario): ParsedScenario {
  if (scenario === 'demo') return loadScenarioFile(DEMO_SCENARIO_PATH);
  if (scenario === 'large')
    return parseScenario(generateLargeScenario(LARGE_SCENARIO_DEFAULTS), 'large (generated)');
  return parseScenario(scenario, `"${typeof scenario.name === 'string' ? scenario.name : '?'}" (object)`);
}
