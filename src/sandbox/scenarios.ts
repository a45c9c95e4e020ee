/**
 * Named scenarios ('demo', 'large', 'small') and scenario files, parsed and shape-checked.
 * (The app's sandbox needs only the demo: demo-scenario.ts.)
 */
import { readFileSync } from 'node:fs';
import { resolveDemoScenario } from './demo-scenario';
import { generateLargeScenario, LARGE_SCENARIO_DEFAULTS } from './large-scenario';
import { generateSmallScenario } from './small-scenario';
import { parseScenario, ScenarioError, type ParsedScenario, type Scenario } from './scenario-schema';

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

export function resolveScenario(scenario: 'demo' | 'large' | 'small' | Scenario): ParsedScenario {
  if (scenario === 'large')
    return parseScenario(generateLargeScenario(LARGE_SCENARIO_DEFAULTS), 'large (generated)');
  if (scenario === 'small') return parseScenario(generateSmallScenario(), 'small (generated)');
  return resolveDemoScenario(scenario);
}
