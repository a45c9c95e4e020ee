/**
 * The demo scenario (or a scenario object), parsed: all the app's sandbox needs.
 *
 * Apart from scenarios.ts so that the app's bundle carries neither the generators of the large and
 * small scenarios nor the file reader. The JSON is imported as a module, not read from a file
 * beside the source: a packaged build has no such file.
 */
import demoScenario from './scenarios/demo.json';
import { parseScenario, type ParsedScenario, type Scenario } from './scenario-schema';

export function resolveDemoScenario(scenario: 'demo' | Scenario): ParsedScenario {
  // A fresh copy each time: a simulator's store must never share objects with another's.
  if (scenario === 'demo') return parseScenario(structuredClone(demoScenario), 'demo (scenarios/demo.json)');
  return parseScenario(scenario, `"${typeof scenario.name === 'string' ? scenario.name : '?'}" (object)`);
}
