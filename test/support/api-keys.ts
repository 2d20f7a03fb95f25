import request from 'supertest';
import type { App } from 'supertest/types.js';
import type { Scope } from '../../src/common/index.js';

export interface CreatedTestApiKey {
  id: string;
  key: string;
}

/** Creates an API key through the API with the given credentials (a token or another key). */
export async function createApiKey(
  http: App,
  bearer: string,
  scopes: Scope[],
  name = 'Test key',
): Promise<CreatedTestApiKey> {
  const res = await request(http)
    .post('/v1/api-keys')
    .auth(bearer, { type: 'bearer' })
    .send({ name, scopes });
  if (res.status !== 201)
    throw new Error(`API key creation failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id, key: res.body.key };
}

/** The key with one character of its secret changed: right id, wrong secret. */
export function withWrongSecret(key: string): string {
  const last = key.at(-1) === 'A' ? 'B' : 'A';
  return `${key.slice(0, -1)}${last}`;
}
