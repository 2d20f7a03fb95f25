import type { Scenario } from './scenario.js';

/** The readiness probe: one `SELECT 1` and a pending-migrations check per request. */
export const healthReady: Scenario = {
  name: 'GET /health/ready',
  path: '/health/ready',
  request: { method: 'GET' },
};
