import { randomInt } from 'node:crypto';
import request from 'supertest';
import { clientToken, signUpCompany, type SignedUpCompany } from '../../support/factories.js';
import { eventsOfType, expectEnvelope, onlyEventOfType } from '../../support/event-feed.js';
import { bearer } from '../../support/ledger.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

describe('account events', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function newCompany(): Promise<{ company: SignedUpCompany; token: string }> {
    const company = await signUpCompany(t.http);
    const token = await clientToken(t.http, company, ['events:read', 'accounts:read', 'accounts:write']);
    return { company, token };
  }
  const accountBody = (number = `1${randomInt(10_000, 99_999)}`) => ({
    number,
    name: 'Event account',
    standardAccountId: '1920',
    groupingCategory: 'RF-1167',
    groupingCode: '1920',
  });
  const createAccount = (token: string, body: object) =>
    request(t.http).post('/v1/accounts').set(bearer(token)).send(body);
  const getAccount = (token: string, id: string) =>
    request(t.http).get(`/v1/accounts/${id}`).set(bearer(token));

  it('publishes account.created carrying the account as GET returns it', async () => {
    const { company, token } = await newCompany();
    const created = await createAccount(token, accountBody());
    expect(created.status).toBe(201);
    const event = await onlyEventOfType(t, token, 'account.created');
    expectEnvelope(event, 'account.created', company.companyId);
    expect(event.data).toEqual((await getAccount(token, created.body.id)).body);
    expect(event.data).toEqual(created.body);
  });

  it('publishes account.updated carrying the changed account', async () => {
    const { company, token } = await newCompany();
    const created = await createAccount(token, accountBody());
    const updated = await request(t.http)
      .patch(`/v1/accounts/${created.body.id}`)
      .set(bearer(token))
      .set('If-Match', '"1"')
      .send({ name: 'Renamed account', isActive: false });
    expect(updated.status).toBe(200);
    const event = await onlyEventOfType(t, token, 'account.updated');
    expectEnvelope(event, 'account.updated', company.companyId);
    expect(event.data).toEqual((await getAccount(token, created.body.id)).body);
    expect(event.data).toMatchObject({ name: 'Renamed account', isActive: false, version: 2 });
  });

  it('publishes account.deleted carrying the account as it was', async () => {
    const { company, token } = await newCompany();
    const created = await createAccount(token, accountBody());
    const before = (await getAccount(token, created.body.id)).body;
    const deleted = await request(t.http).delete(`/v1/accounts/${created.body.id}`).set(bearer(token));
    expect(deleted.status).toBe(204);
    expect((await getAccount(token, created.body.id)).status).toBe(404);
    const event = await onlyEventOfType(t, token, 'account.deleted');
    expectEnvelope(event, 'account.deleted', company.companyId);
    expect(event.data).toEqual(before);
  });

  it('publishes nothing for a refused duplicate number or a stale If-Match', async () => {
    const { token } = await newCompany();
    const body = accountBody();
    const created = await createAccount(token, body);
    expect(created.status).toBe(201);
    const duplicate = await createAccount(token, { ...body, name: 'Duplicate' });
    expect(duplicate.status).toBe(409);
    expect(await eventsOfType(t, token, 'account.created')).toHaveLength(1);
    const stale = await request(t.http)
      .patch(`/v1/accounts/${created.body.id}`)
      .set(bearer(token))
      .set('If-Match', '"7"')
      .send({ name: 'Too late' });
    expect(stale.status).toBe(412);
    expect(await eventsOfType(t, token, 'account.updated')).toEqual([]);
  });

  it('hides account events from a token without accounts:read', async () => {
    const { company, token } = await newCompany();
    expect((await createAccount(token, accountBody())).status).toBe(201);
    const eventsOnly = await clientToken(t.http, company, ['events:read']);
    expect(await eventsOfType(t, eventsOnly, 'account.created')).toEqual([]);
    const feed = await request(t.http).get('/v1/events').set(bearer(eventsOnly));
    expect(feed.status).toBe(200);
    expect(feed.body.data.filter((event: { type: string }) => event.type.startsWith('account.'))).toEqual([]);
    expect(await eventsOfType(t, token, 'account.created')).toHaveLength(1);
  });
});
