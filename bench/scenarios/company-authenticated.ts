import { clientToken, signUpCompany } from '../support/company.js';
import type { Scenario } from './scenario.js';

// Signs up a company and asks for a client-credentials token, as an integrator would.
async function bearerToken(baseUrl: string): Promise<string> {
  return clientToken(baseUrl, await signUpCompany(baseUrl), ['company:read']);
}

/**
 * One authenticated read through the whole pipeline: token verification, company access, the
 * rate limiter (one counter upsert in PostgreSQL) and the company lookup. Run once as is and once
 * with `RATE_LIMIT_PER_MINUTE=0 npm run bench` to see what the limiter costs.
 */
export const companyAuthenticated: Scenario = {
  name: 'GET /v1/company (authenticated)',
  path: '/v1/company',
  request: { method: 'GET' },
  prepare: async (baseUrl) => ({ headers: { authorization: `Bearer ${await bearerToken(baseUrl)}` } }),
};
