import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { clientToken, signUpCompany, type SignedUpCompany } from '../../support/factories.js';
import { eventsOfType, expectEnvelope, onlyEventOfType } from '../../support/event-feed.js';
import { bearer } from '../../support/ledger.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

describe('dimension and dimension value events', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function newCompany(): Promise<{ company: SignedUpCompany; token: string }> {
    const company = await signUpCompany(t.http);
    const token = await clientToken(t.http, company, ['events:read', 'dimensions:read', 'dimensions:write']);
    return { company, token };
  }
  const as = (token: string) => ({
    get: (path: string) => request(t.http).get(path).set(bearer(token)),
    post: (path: string, body: object) => request(t.http).post(path).set(bearer(token)).send(body),
    patch: (path: string, body: object, ifMatch?: string) =>
      request(t.http)
        .patch(path)
        .set(bearer(token))
        .set(ifMatch ? { 'If-Match': ifMatch } : {})
        .send(body),
  });
  const newDimension = async (token: string) => {
    const res = await as(token).post('/v1/dimensions', { name: `Region ${randomUUID()}` });
    expect(res.status).toBe(201);
    return res.body as { id: string; name: string };
  };
  const newValue = async (token: string, dimensionId: string) => {
    const res = await as(token).post(`/v1/dimensions/${dimensionId}/values`, { code: 'N1', name: 'North' });
    expect(res.status).toBe(201);
    return res.body as { id: string };
  };

  it('publishes dimension.created carrying the dimension as GET returns it', async () => {
    const { company, token } = await newCompany();
    const dimension = await newDimension(token);
    const event = await onlyEventOfType(t, token, 'dimension.created');
    expectEnvelope(event, 'dimension.created', company.companyId);
    expect(event.data).toEqual((await as(token).get(`/v1/dimensions/${dimension.id}`)).body);
    expect(event.data).toEqual(dimension);
  });

  it('publishes dimension.updated carrying the changed dimension', async () => {
    const { company, token } = await newCompany();
    const dimension = await newDimension(token);
    const updated = await as(token).patch(`/v1/dimensions/${dimension.id}`, { isActive: false }, '"1"');
    expect(updated.status).toBe(200);
    const event = await onlyEventOfType(t, token, 'dimension.updated');
    expectEnvelope(event, 'dimension.updated', company.companyId);
    expect(event.data).toEqual((await as(token).get(`/v1/dimensions/${dimension.id}`)).body);
    expect(event.data).toMatchObject({ isActive: false, version: 2 });
  });

  it('publishes dimension_value.created carrying the value as GET returns it', async () => {
    const { company, token } = await newCompany();
    const dimension = await newDimension(token);
    const value = await newValue(token, dimension.id);
    const event = await onlyEventOfType(t, token, 'dimension_value.created');
    expectEnvelope(event, 'dimension_value.created', company.companyId);
    expect(event.data).toEqual((await as(token).get(`/v1/dimension-values/${value.id}`)).body);
    expect(event.data).toEqual(value);
  });

  it('publishes dimension_value.updated carrying the changed value', async () => {
    const { company, token } = await newCompany();
    const value = await newValue(token, (await newDimension(token)).id);
    const updated = await as(token).patch(`/v1/dimension-values/${value.id}`, { name: 'Nord' }, '"1"');
    expect(updated.status).toBe(200);
    const event = await onlyEventOfType(t, token, 'dimension_value.updated');
    expectEnvelope(event, 'dimension_value.updated', company.companyId);
    expect(event.data).toEqual((await as(token).get(`/v1/dimension-values/${value.id}`)).body);
    expect(event.data).toMatchObject({ name: 'Nord', version: 2 });
  });

  it('publishes nothing for a refused duplicate name, duplicate code or stale If-Match', async () => {
    const { token } = await newCompany();
    const dimension = await newDimension(token);
    expect((await as(token).post('/v1/dimensions', { name: dimension.name })).status).toBe(409);
    const other = await newDimension(token);
    const renamed = await as(token).patch(`/v1/dimensions/${other.id}`, { name: dimension.name });
    expect(renamed.status).toBe(409);
    const value = await newValue(token, dimension.id);
    const duplicateCode = await as(token).post(`/v1/dimensions/${dimension.id}/values`, {
      code: 'N1',
      name: 'Again',
    });
    expect(duplicateCode.status).toBe(409);
    const stale = await as(token).patch(`/v1/dimension-values/${value.id}`, { name: 'Late' }, '"5"');
    expect(stale.status).toBe(412);
    expect(await eventsOfType(t, token, 'dimension.created')).toHaveLength(2);
    expect(await eventsOfType(t, token, 'dimension.updated')).toEqual([]);
    expect(await eventsOfType(t, token, 'dimension_value.created')).toHaveLength(1);
    expect(await eventsOfType(t, token, 'dimension_value.updated')).toEqual([]);
  });
});
