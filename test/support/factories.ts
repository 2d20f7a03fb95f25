import { randomInt, randomUUID } from 'node:crypto';
import request from 'supertest';
import type { App } from 'supertest/types.js';
import type { Scope } from '../../src/common/index.js';

const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2];

/** A random organisation number with a valid MOD11 check digit. */
export function organizationNumber(): string {
  for (;;) {
    const digits = Array.from({ length: 8 }, (_, i) => (i === 0 ? randomInt(8, 10) : randomInt(0, 10)));
    const remainder = digits.reduce((sum, digit, i) => sum + digit * WEIGHTS[i], 0) % 11;
    const check = remainder === 0 ? 0 : 11 - remainder;
    if (check !== 10) return `${digits.join('')}${check}`;
  }
}

export interface SignedUpCompany {
  companyId: string;
  userId: string;
  email: string;
  password: string;
  clientId: string;
  clientSecret: string;
}

/** Signs up a person with a new (test) company through the API, as a newcomer would. */
export async function signUpCompany(
  http: App,
  overrides: { environment?: 'live' | 'test' } = {},
): Promise<SignedUpCompany> {
  const email = `person-${randomUUID()}@example.no`;
  const password = `password-${randomUUID()}`;
  const res = await request(http)
    .post('/v1/sign-up')
    .send({
      email,
      password,
      name: 'Test Person',
      company: {
        organizationNumber: organizationNumber(),
        name: 'Test AS',
        environment: overrides.environment ?? 'test',
      },
    });
  if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${JSON.stringify(res.body)}`);
  return {
    companyId: res.body.companyId,
    userId: res.body.user.id,
    email,
    password,
    clientId: res.body.apiClient.clientId,
    clientSecret: res.body.apiClient.clientSecret,
  };
}

/** A client-credentials access token for the company's first API client. */
export async function clientToken(
  http: App,
  company: Pick<SignedUpCompany, 'clientId' | 'clientSecret'>,
  scopes?: Scope[],
): Promise<string> {
  const form: Record<string, string> = { grant_type: 'client_credentials' };
  if (scopes) form.scope = scopes.join(' ');
  const res = await request(http)
    .post('/oauth/token')
    .auth(company.clientId, company.clientSecret)
    .type('form')
    .send(form);
  if (res.status !== 200) throw new Error(`token request failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.access_token as string;
}
