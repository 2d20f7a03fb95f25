import { companyAuthenticated } from './company-authenticated.js';
import { graphqlHealth } from './graphql-health.js';
import { healthReady } from './health-ready.js';
import type { Scenario } from './scenario.js';

export type { Scenario, ScenarioRequest } from './scenario.js';

/** Run in this order, each against the same server and database. */
export const SCENARIOS: readonly Scenario[] = [healthReady, graphqlHealth, companyAuthenticated];
