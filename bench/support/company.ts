import { randomInt, randomUUID } from 'node:crypto';
import { isValidOrganizationNumber } from '../../src/companies/organization-number.js';

/** A company signed up through the API, with its first API client's credentials. */
export interface BenchCompany {
  companyId: string;
  clientId: string;
  clientSecret: string;
}

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

/** Signs up a person with a new test company (chart, VAT codes, fiscal years), as a newcomer would. */
export async function signUpCompany(baseUrl: string, name = 'Bench AS'): Promise<BenchCompany> {
  const signUp = await postJson(`${baseUrl}/v1/sign-up`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: `bench-${randomUUID()}@example.no`,
      password: `password-${randomUUID()}`,
      name: 'Bench Person',
      company: { organizationNumber: organizationNumber(), name, environment: 'test' },
    }),
  });
  const client = signUp.apiClient as { clientId: string; clientSecret: string };
  return { companyId: signUp.companyId as string, ...client };
}

/** A client-credentials access token; every scope the client has when `scopes` is left out. */
export async function clientToken(
  baseUrl: string,
  company: BenchCompany,
  scopes?: string[],
): Promise<string> {
  const form: Record<string, string> = { grant_type: 'client_credentials' };
  if (scopes) form.scope = scopes.join(' ');
  const token = await postJson(`${baseUrl}/oauth/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${company.clientId}:${company.clientSecret}`).toString('base64')}`,
    },
    body: new URLSearchParams(form).toString(),
  });
  return token.access_token as string;
}
