/**
 * Named scenarios ('demo', 'large') and scenario files, parsed and shape-checked.
 *
 * The demo scenario is imported as a module, not read from a file beside the source: the app's
 * sandbox runs it from a packaged build, where no such file exists.
 */
import { readFileSync } from 'node:fs';
import demoScenario from './scenarios/demo.json';
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
  // A fresh copy each time: a simulator's store must never share objects with another's.
  if (scenario === 'demo') return parseScenario(structuredClone(demoScenario), 'demo (scenarios/demo.json)');
  if (scenario === 'large')
    return parseScenario(generateLargeScenario(LARGE_SCENARIO_DEFAULTS), 'large (generated)');
  if (scenario === 'small') return parseScenario(generateSmallScenario(), 'small (generated)');
  return parseScenario(scenario, `"${typeof scenario.name === 'string' ? scenario.name : '?'}" (object)`);
}
