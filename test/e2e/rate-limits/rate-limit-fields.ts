import type { App } from 'supertest/types.js';
import { clientToken, signUpCompany, type SignedUpCompany } from '../../support/factories.js';

/** `r` and `t` of a `RateLimit` field such as `"default";r=4;t=1`. */
export function quotaLeft(header: string | undefined): { policy: string; r: number; t: number } {
  const match = /^"(\w+)";r=(\d+);t=(\d+)$/.exec(header ?? '');
  if (!match) throw new Error(`not a RateLimit field: ${header}`);
  return { policy: match[1], r: Number(match[2]), t: Number(match[3]) };
}

/** A new company and a client-credentials token of its first API client. */
export async function companyWithToken(http: App): Promise<SignedUpCompany & { token: string }> {
  const company = await signUpCompany(http);
  return { ...company, token: await clientToken(http, company) };
}
