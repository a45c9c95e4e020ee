/**
 * The "small" scenario: the large one's shapes at the size of a typical login — 3 accounts x 37
 * zones (111), 50 user tokens and 40 account tokens per account (120). A sync of it is a few
 * round trips, so what it costs beyond them is the fixed cost of a sync (SDK, reply checks,
 * SQLite), which the "large" scenario hides under its 94 requests. Credentials are labelled
 * small-manager, small-user-N, small-account-N-manager…
 */
import { generateLargeScenario, type LargeScenarioOptions } from './large-scenario';
import type { Scenario } from './scenario-schema';

export const SMALL_SCENARIO_DEFAULTS: LargeScenarioOptions = {
  name: 'small',
  accounts: 3,
  zonesPerAccount: 37,
  userTokens: 50,
  accountTokensPerAccount: 40,
};

export function generateSmallScenario(): Scenario {
  return generateLargeScenario(SMALL_SCENARIO_DEFAULTS);
}
