import request from 'supertest';
import { clientToken, signUpCompany, type SignedUpCompany } from '../../support/factories.js';
import { eventsOfType, expectEnvelope, onlyEventOfType } from '../../support/event-feed.js';
import { bearer } from '../../support/ledger.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

describe('member events', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function newCompany(): Promise<{ company: SignedUpCompany; token: string }> {
    const company = await signUpCompany(t.http);
    const token = await clientToken(t.http, company, ['events:read', 'members:read', 'members:write']);
    return { company, token };
  }
  const as = (token: string) => ({
    get: (path: string) => request(t.http).get(path).set(bearer(token)),
    add: (email: string, role: string) =>
      request(t.http).post('/v1/members').set(bearer(token)).send({ email, role }),
    patch: (userId: string, body: object) =>
      request(t.http).patch(`/v1/members/${userId}`).set(bearer(token)).send(body),
    remove: (userId: string) => request(t.http).delete(`/v1/members/${userId}`).set(bearer(token)),
  });

  it('publishes member.added carrying the member as GET returns them', async () => {
    const { company, token } = await newCompany();
    const person = await signUpCompany(t.http);
    const added = await as(token).add(person.email, 'viewer');
    expect(added.status).toBe(201);
    const event = await onlyEventOfType(t, token, 'member.added');
    expectEnvelope(event, 'member.added', company.companyId);
    expect(event.data).toEqual((await as(token).get(`/v1/members/${person.userId}`)).body);
    expect(event.data).toEqual(added.body);
  });

  it('publishes member.updated carrying the member with the new role, and nothing for no change', async () => {
    const { company, token } = await newCompany();
    const person = await signUpCompany(t.http);
    await as(token).add(person.email, 'viewer');
    expect((await as(token).patch(person.userId, { role: 'accountant' })).status).toBe(200);
    expect((await as(token).patch(person.userId, { role: 'accountant' })).status).toBe(200);
    const event = await onlyEventOfType(t, token, 'member.updated');
    expectEnvelope(event, 'member.updated', company.companyId);
    expect(event.data).toEqual((await as(token).get(`/v1/members/${person.userId}`)).body);
    expect(event.data).toMatchObject({ userId: person.userId, role: 'accountant' });
  });

  it('publishes member.removed carrying the member as they were', async () => {
    const { company, token } = await newCompany();
    const person = await signUpCompany(t.http);
    await as(token).add(person.email, 'approver');
    const before = (await as(token).get(`/v1/members/${person.userId}`)).body;
    expect((await as(token).remove(person.userId)).status).toBe(204);
    const event = await onlyEventOfType(t, token, 'member.removed');
    expectEnvelope(event, 'member.removed', company.companyId);
    expect(event.data).toEqual(before);
  });

  it('publishes nothing for a refused duplicate member or a change to the last owner', async () => {
    const { company, token } = await newCompany();
    const person = await signUpCompany(t.http);
    expect((await as(token).add(person.email, 'viewer')).status).toBe(201);
    expect((await as(token).add(person.email, 'owner')).status).toBe(409);
    const demoted = await as(token).patch(company.userId, { role: 'viewer' });
    expect(demoted.status).toBe(409);
    expect((await as(token).remove(company.userId)).status).toBe(409);
    expect(await eventsOfType(t, token, 'member.added')).toHaveLength(1);
    expect(await eventsOfType(t, token, 'member.updated')).toEqual([]);
    expect(await eventsOfType(t, token, 'member.removed')).toEqual([]);
  });
});
