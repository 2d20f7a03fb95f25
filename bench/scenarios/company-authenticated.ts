import { randomInt, randomUUID } from 'node:crypto';
import { isValidOrganizationNumber } from '../../src/companies/organization-number.js';
import type { Scenario } from './scenario.js';

function organizationNumber(): string {
  for (;;) {
    const candidate = String(randomInt(800_000_000, 1_000_000_000));
    if (isValidOrganizationNumber(candidate)) return candidate;
  }
}

async function postJson(url: string, init: RequestInit): Promise<Record<string, unknown>> {
  const response = await fetch(url, init);
  const body = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${JSON.stringify(body)}`);
  return body;
}

// Signs up a company and asks for a client-credentials token, as an integrator would.
async function bearerToken(baseUrl: string): Promise<string> {
  const signUp = await postJson(`${baseUrl}/v1/sign-up`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: `bench-${randomUUID()}@example.no`,
      password: `password-${randomUUID()}`,
      name: 'Bench Person',
      company: { organizationNumber: organizationNumber(), name: 'Bench AS', environment: 'test' },
    }),
  });
  const client = signUp.apiClient as { clientId: string; clientSecret: string };
  const token = await postJson(`${baseUrl}/oauth/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}`,
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'company:read' }).toString(),
  });
  return token.access_token as string;
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
