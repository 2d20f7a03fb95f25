import request from 'supertest';
import { clientToken, signUpCompany, type SignedUpCompany } from '../../support/factories.js';
import { registerTestClient, type TestClient } from '../../support/oauth.js';
import { addMember, personToken } from '../../support/people.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

describe('members of a company: /v1/members', () => {
  let t: TestApp;
  let owner: SignedUpCompany;
  let app: TestClient;
  let ownerToken: string;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await signUpCompany(t.http);
    app = await registerTestClient(t.http, owner, {
      type: 'confidential',
      scopes: ['company:read', 'company:write', 'members:read', 'members:write'],
    });
    ownerToken = await clientToken(t.http, owner, ['members:read', 'members:write', 'audit:read']);
  });
  afterAll(() => t.close());

  const as = (token: string) => ({
    get: (path: string) => request(t.http).get(path).auth(token, { type: 'bearer' }),
    post: (path: string, body: object) =>
      request(t.http).post(path).auth(token, { type: 'bearer' }).send(body),
    patch: (path: string, body: object) =>
      request(t.http).patch(path).auth(token, { type: 'bearer' }).send(body),
    delete: (path: string) => request(t.http).delete(path).auth(token, { type: 'bearer' }),
  });
  const tokenOf = (person: SignedUpCompany) =>
    personToken(t, app, {
      userId: person.userId,
      companyIds: [owner.companyId],
      scopes: ['company:read', 'company:write', 'members:read', 'members:write'],
    });

  it('adds a person with an account as viewer, who can then read the company but not write', async () => {
    const person = await signUpCompany(t.http);
    const added = await addMember(t, owner, person, 'viewer');
    expect(added.status).toBe(201);
    expect(added.body).toEqual({
      userId: person.userId,
      email: person.email,
      name: 'Test Person',
      role: 'viewer',
      via: 'direct',
    });
    const token = await tokenOf(person);
    expect((await as(token).get('/v1/company')).body.id).toBe(owner.companyId);
    const write = await as(token).patch('/v1/company', { name: 'Changed AS' });
    expect({ status: write.status, code: write.body.code }).toEqual({
      status: 403,
      code: 'INSUFFICIENT_SCOPE',
    });
    const listed = await as(ownerToken).get('/v1/members');
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((member: { userId: string }) => member.userId)).toEqual([
      owner.userId,
      person.userId,
    ]);
    expect(listed.body.data[0]).toMatchObject({ role: 'owner', via: 'direct' });
  });

  it("applies a role change on the person's next request with the same token", async () => {
    const person = await signUpCompany(t.http);
    await addMember(t, owner, person, 'viewer');
    const token = await tokenOf(person);
    expect((await as(token).patch(`/v1/members/${person.userId}`, {})).status).toBe(403);
    const promoted = await as(ownerToken).patch(`/v1/members/${person.userId}`, { role: 'owner' });
    expect(promoted.body).toMatchObject({ userId: person.userId, role: 'owner' });
    expect((await as(token).patch(`/v1/members/${person.userId}`, {})).status).toBe(200);
    await as(ownerToken).patch(`/v1/members/${person.userId}`, { role: 'viewer' });
    expect((await as(token).patch(`/v1/members/${person.userId}`, {})).status).toBe(403);
  });

  it('answers 404 for the company to the next request of a person removed from it', async () => {
    const person = await signUpCompany(t.http);
    await addMember(t, owner, person, 'viewer');
    const token = await tokenOf(person);
    expect((await as(token).get('/v1/company')).status).toBe(200);
    const removed = await as(ownerToken).delete(`/v1/members/${person.userId}`);
    expect(removed.status).toBe(204);
    const after = await as(token).get('/v1/company');
    expect({ status: after.status, code: after.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
    expect((await as(ownerToken).get(`/v1/members/${person.userId}`)).status).toBe(404);
  });

  it('never removes or demotes the last owner, but does once there is another', async () => {
    const company = await signUpCompany(t.http);
    const token = await clientToken(t.http, company, ['members:write']);
    for (const res of [
      await as(token).delete(`/v1/members/${company.userId}`),
      await as(token).patch(`/v1/members/${company.userId}`, { role: 'accountant' }),
    ]) {
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 409, code: 'LAST_OWNER' });
    }
    const second = await signUpCompany(t.http);
    await addMember(t, company, second, 'owner');
    const demoted = await as(token).patch(`/v1/members/${company.userId}`, { role: 'accountant' });
    expect(demoted.body).toMatchObject({ role: 'accountant' });
    const last = await as(token).delete(`/v1/members/${second.userId}`);
    expect({ status: last.status, code: last.body.code }).toEqual({ status: 409, code: 'LAST_OWNER' });
  });

  it('keeps an owner when the last two owners are demoted at the same time', async () => {
    const company = await signUpCompany(t.http);
    const second = await signUpCompany(t.http);
    await addMember(t, company, second, 'owner');
    const token = await clientToken(t.http, company, ['members:write']);
    const results = await Promise.all(
      [company.userId, second.userId].map((userId) =>
        as(token).patch(`/v1/members/${userId}`, { role: 'viewer' }),
      ),
    );
    expect(results.map((res) => res.status).sort()).toEqual([200, 409]);
  });

  it('answers 404 for an email without an account and 409 for someone who is a member already', async () => {
    const unknown = await as(ownerToken).post('/v1/members', {
      email: 'nobody-here@example.no',
      role: 'viewer',
    });
    expect({ status: unknown.status, code: unknown.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
    expect(unknown.body.detail).toContain('no account with this email');
    const again = await as(ownerToken).post('/v1/members', {
      email: owner.email.toUpperCase(),
      role: 'viewer',
    });
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'CONFLICT' });
  });

  it('refuses a malformed email, an unknown role and an id that is not a UUID', async () => {
    const bad = await as(ownerToken).post('/v1/members', { email: 'not-an-email', role: 'king' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.errors.map((error: { pointer: string }) => error.pointer).sort()).toEqual([
      '/email',
      '/role',
    ]);
    const badRole = await as(ownerToken).patch(`/v1/members/${owner.userId}`, { role: 'king' });
    expect(badRole.body.code).toBe('VALIDATION_FAILED');
    expect((await as(ownerToken).delete('/v1/members/not-a-uuid')).body.code).toBe('VALIDATION_FAILED');
  });

  it('answers 401 without a token and 403 without the members scopes', async () => {
    expect((await request(t.http).get('/v1/members')).status).toBe(401);
    const readOnly = await clientToken(t.http, owner, ['members:read']);
    const res = await as(readOnly).post('/v1/members', { email: owner.email, role: 'viewer' });
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 403, code: 'INSUFFICIENT_SCOPE' });
    const none = await clientToken(t.http, owner, ['company:read']);
    expect((await as(none).get('/v1/members')).status).toBe(403);
  });

  it("answers 404 to another company's member and never lists them", async () => {
    const other = await signUpCompany(t.http);
    for (const res of [
      await as(ownerToken).get(`/v1/members/${other.userId}`),
      await as(ownerToken).patch(`/v1/members/${other.userId}`, { role: 'viewer' }),
      await as(ownerToken).delete(`/v1/members/${other.userId}`),
    ]) {
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
    }
    expect(JSON.stringify((await as(ownerToken).get('/v1/members')).body)).not.toContain(other.userId);
  });

  it('records every change in the audit log', async () => {
    const person = await signUpCompany(t.http);
    await addMember(t, owner, person, 'viewer');
    await as(ownerToken).patch(`/v1/members/${person.userId}`, { role: 'approver' });
    await as(ownerToken).delete(`/v1/members/${person.userId}`);
    const events = (await as(ownerToken).get('/v1/audit-events')).body.data as Array<{
      action: string;
      resourceId: string;
    }>;
    expect(
      events
        .filter((event) => event.resourceId === person.userId)
        .map((event) => event.action)
        .sort(),
    ).toEqual(['member.added', 'member.removed', 'member.role_changed']);
  });
});
