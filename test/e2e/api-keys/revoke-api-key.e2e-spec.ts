import request from 'supertest';
import { clientToken, signUpCompany, type SignedUpCompany } from '../../support/factories.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { createApiKey } from '../../support/api-keys.js';

describe('POST /v1/api-keys/{id}/revoke', () => {
  let t: TestApp;
  let a: SignedUpCompany;
  let tokenA: string;
  let tokenB: string;
  beforeAll(async () => {
    t = await createTestApp();
    a = await signUpCompany(t.http);
    [tokenA, tokenB] = [await clientToken(t.http, a), await clientToken(t.http, await signUpCompany(t.http))];
  });
  afterAll(() => t.close());

  const revoke = (id: string, bearer = tokenA) =>
    request(t.http).post(`/v1/api-keys/${id}/revoke`).auth(bearer, { type: 'bearer' });

  it('revokes a key, which is refused with 401 INVALID_TOKEN from then on', async () => {
    const key = await createApiKey(t.http, tokenA, ['company:read']);
    expect((await request(t.http).get('/v1/company').auth(key.key, { type: 'bearer' })).status).toBe(200);
    const res = await revoke(key.id);
    expect(res.status).toBe(200);
    expect(Date.parse(res.body.revokedAt)).toBeGreaterThan(Date.now() - 60_000);
    const after = await request(t.http).get('/v1/company').auth(key.key, { type: 'bearer' });
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('INVALID_TOKEN');
    expect(after.headers['www-authenticate']).toContain('error="invalid_token"');
  });

  it('keeps the first revocation time when revoked twice', async () => {
    const key = await createApiKey(t.http, tokenA, ['company:read']);
    const first = await revoke(key.id);
    const second = await revoke(key.id);
    expect(second.status).toBe(200);
    expect(second.body.revokedAt).toBe(first.body.revokedAt);
  });

  it("answers 404 to company A's token for company B's key, which keeps working", async () => {
    const keyOfB = await createApiKey(t.http, tokenB, ['company:read']);
    const res = await revoke(keyOfB.id);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
    expect((await request(t.http).get('/v1/company').auth(keyOfB.key, { type: 'bearer' })).status).toBe(200);
  });

  it('rejects an id that is not a UUID', async () => {
    const res = await revoke('42');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ parameter: 'id' })]);
  });

  it('answers 401 without credentials and 403 without api_keys:write', async () => {
    const key = await createApiKey(t.http, tokenA, ['company:read']);
    expect((await request(t.http).post(`/v1/api-keys/${key.id}/revoke`)).status).toBe(401);
    const readOnly = await clientToken(t.http, a, ['api_keys:read']);
    const res = await revoke(key.id, readOnly);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('INSUFFICIENT_SCOPE');
    expect((await request(t.http).get('/v1/company').auth(key.key, { type: 'bearer' })).status).toBe(200);
  });
});
