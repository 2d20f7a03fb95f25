import request from 'supertest';
import { addDays } from '../../../src/common/index.js';
import { clientToken, signUpCompany, type SignedUpCompany } from '../../support/factories.js';
import { eventsOfType, expectEnvelope, onlyEventOfType } from '../../support/event-feed.js';
import { bearer } from '../../support/ledger.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

describe('period and fiscal year events', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function newCompany(): Promise<{ company: SignedUpCompany; token: string }> {
    const company = await signUpCompany(t.http);
    const token = await clientToken(t.http, company, [
      'events:read',
      'ledger:read',
      'periods:write',
      'periods:reopen',
    ]);
    return { company, token };
  }
  const firstPeriod = async (token: string): Promise<{ id: string }> =>
    (await request(t.http).get('/v1/periods').set(bearer(token))).body.data[0];
  const transition = (token: string, id: string, action: 'close' | 'lock' | 'reopen', ifMatch?: string) =>
    request(t.http)
      .post(`/v1/periods/${id}/${action}`)
      .set(bearer(token))
      .set(ifMatch ? { 'If-Match': ifMatch } : {});
  const getPeriod = async (token: string, id: string) =>
    (await request(t.http).get(`/v1/periods/${id}`).set(bearer(token))).body;

  it.each([
    ['close', 'period.closed', [], 'closed'],
    ['lock', 'period.locked', ['close'], 'locked'],
    ['reopen', 'period.reopened', ['lock'], 'open'],
  ] as const)(
    '%s publishes %s carrying the period as GET returns it',
    async (action, type, before, status) => {
      const { company, token } = await newCompany();
      const period = await firstPeriod(token);
      for (const step of before) expect((await transition(token, period.id, step)).status).toBe(200);
      const res = await transition(token, period.id, action);
      expect(res.status).toBe(200);
      const event = await onlyEventOfType(t, token, type);
      expectEnvelope(event, type, company.companyId);
      expect(event.data).toEqual(await getPeriod(token, period.id));
      expect(event.data).toEqual(res.body);
      expect(event.data).toMatchObject({ id: period.id, status });
    },
  );

  it('publishes fiscal_year.created carrying the year as GET returns it', async () => {
    const { company, token } = await newCompany();
    const years = await request(t.http).get('/v1/fiscal-years').set(bearer(token));
    const last = (years.body as { data: { endDate: string }[] }).data.at(-1)!;
    const created = await request(t.http)
      .post('/v1/fiscal-years')
      .set(bearer(token))
      .send({ startDate: addDays(last.endDate, 1) });
    expect(created.status).toBe(201);
    const event = await onlyEventOfType(t, token, 'fiscal_year.created');
    expectEnvelope(event, 'fiscal_year.created', company.companyId);
    const read = await request(t.http).get(`/v1/fiscal-years/${created.body.id}`).set(bearer(token));
    expect(event.data).toEqual(read.body);
    expect(event.data).toEqual(created.body);
  });

  it('publishes nothing for a refused transition, stale If-Match or non-adjacent year', async () => {
    const { token } = await newCompany();
    const period = await firstPeriod(token);
    expect((await transition(token, period.id, 'close')).status).toBe(200);
    expect((await transition(token, period.id, 'close')).status).toBe(409);
    expect((await transition(token, period.id, 'lock', '"1"')).status).toBe(412);
    const apart = await request(t.http)
      .post('/v1/fiscal-years')
      .set(bearer(token))
      .send({ startDate: '2090-01-01' });
    expect(apart.status).toBe(422);
    expect(await eventsOfType(t, token, 'period.closed')).toHaveLength(1);
    expect(await eventsOfType(t, token, 'period.locked')).toEqual([]);
    expect(await eventsOfType(t, token, 'fiscal_year.created')).toEqual([]);
  });
});
