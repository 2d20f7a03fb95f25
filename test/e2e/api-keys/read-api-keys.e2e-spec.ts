import request from 'supertest';
import { clientToken, signUpCompany, type SignedUpCompany } from '../../support/factories.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { createApiKey, type CreatedTestApiKey } from '../../support/api-keys.js';

describe('GET /v1/api-keys and GET /v1/api-keys/{id}', () => {
  let t: TestApp;
  let a: SignedUpCompany;
  let tokenA: string;
  let tokenB: string;
  let keyA: CreatedTestApiKey;
  let keyB: CreatedTestApiKey;
  beforeAll(async () => {
    t = await createTestApp();
    a = await signUpCompany(t.http);
    const b = await signUpCompany(t.http);
    [tokenA, tokenB] = [await clientToken(t.http, a), await clientToken(t.http, b)];
    keyA = await createApiKey(t.http, tokenA, ['company:read'], 'Key of A');
    keyB = await createApiKey(t.http, tokenB, ['company:read'], 'Key of B');
  });
  afterAll(() => t.close());

  const get = (path: string, bearer = tokenA) => request(t.http).get(path).auth(bearer, { type: 'bearer' });

  it("lists the company's keys without their secrets or hashes", async () => {
    const res = await get('/v1/api-keys');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      data: [expect.objectContaining({ id: keyA.id, name: 'Key of A' })],
      nextCursor: null,
    });
    expect(JSON.stringify(res.body)).not.toContain(keyA.key);
    expect(res.body.data[0]).not.toHaveProperty('key');
    expect(res.body.data[0]).not.toHaveProperty('secretHash');
  });

  it('gets one key without its secret', async () => {
    const res = await get(`/v1/api-keys/${keyA.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: keyA.id, name: 'Key of A', scopes: ['company:read'] });
    expect(JSON.stringify(res.body)).not.toContain(keyA.key.slice(-43));
  });

  it('records when a key was last used', async () => {
    const used = await createApiKey(t.http, tokenA, ['company:read'], 'Used key');
    expect((await get('/v1/company', used.key)).status).toBe(200);
    const res = await get(`/v1/api-keys/${used.id}`);
    expect(Date.parse(res.body.lastUsedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it("answers 404 to company A's token for company B's key", async () => {
    const res = await get(`/v1/api-keys/${keyB.id}`);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });

  it('never lists another company’s keys', async () => {
    const res = await get('/v1/api-keys');
    expect(res.body.data.map((key: { id: string }) => key.id)).not.toContain(keyB.id);
  });

  it('rejects an id that is not a UUID', async () => {
    const res = await get('/v1/api-keys/not-a-uuid');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ parameter: 'id', rule: 'isUuid' })]);
  });

  it('answers 401 without credentials and 403 without api_keys:read', async () => {
    expect((await request(t.http).get('/v1/api-keys')).status).toBe(401);
    const noScope = await clientToken(t.http, a, ['company:read']);
    for (const path of ['/v1/api-keys', `/v1/api-keys/${keyA.id}`]) {
      const res = await get(path, noScope);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('INSUFFICIENT_SCOPE');
    }
  });
});
