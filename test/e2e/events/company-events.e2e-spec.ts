import request from 'supertest';
import { clientToken, signUpCompany, type SignedUpCompany } from '../../support/factories.js';
import { eventsOfType, expectEnvelope, onlyEventOfType } from '../../support/event-feed.js';
import { bearer } from '../../support/ledger.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

describe('company events', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function newCompany(): Promise<{ company: SignedUpCompany; token: string }> {
    const company = await signUpCompany(t.http);
    const token = await clientToken(t.http, company, ['events:read', 'company:read', 'company:write']);
    return { company, token };
  }
  const patch = (token: string, body: object, ifMatch?: string) =>
    request(t.http)
      .patch('/v1/company')
      .set(bearer(token))
      .set(ifMatch ? { 'If-Match': ifMatch } : {})
      .send(body);

  it('publishes company.updated carrying the company as GET returns it', async () => {
    const { company, token } = await newCompany();
    const updated = await patch(token, { name: 'Fjordkaffe AS', fiscalYearStartMonth: 7 }, '"1"');
    expect(updated.status).toBe(200);
    const event = await onlyEventOfType(t, token, 'company.updated');
    expectEnvelope(event, 'company.updated', company.companyId);
    expect(event.data).toEqual((await request(t.http).get('/v1/company').set(bearer(token))).body);
    expect(event.data).toEqual(updated.body);
    expect(event.data).toMatchObject({ id: company.companyId, name: 'Fjordkaffe AS', version: 2 });
  });

  it('publishes nothing for a change refused by a stale If-Match', async () => {
    const { token } = await newCompany();
    expect((await patch(token, { name: 'First AS' })).status).toBe(200);
    expect((await patch(token, { name: 'Second AS' }, '"1"')).status).toBe(412);
    const events = await eventsOfType(t, token, 'company.updated');
    expect(events.map((event) => event.data.name)).toEqual(['First AS']);
  });
});
