import request from 'supertest';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { organizationNumber } from '../../support/factories.js';

describe('sign-up', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const body = (overrides: Record<string, unknown> = {}) => ({
    email: `kari-${Math.random()}@example.no`,
    password: 'correct horse battery staple',
    name: 'Kari Nordmann',
    company: { organizationNumber: organizationNumber(), name: 'Fjordkaffe AS' },
    ...overrides,
  });

  it('creates a person, their company and an API client whose secret works once shown', async () => {
    const res = await request(t.http).post('/v1/sign-up').send(body());
    expect(res.status).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body.apiClient).toMatchObject({
      type: 'confidential',
      clientSecret: expect.stringMatching(/^hbcs_/),
    });
    const token = await request(t.http)
      .post('/oauth/token')
      .auth(res.body.apiClient.clientId, res.body.apiClient.clientSecret)
      .type('form')
      .send({ grant_type: 'client_credentials', scope: 'company:read' });
    const company = await request(t.http)
      .get('/v1/company')
      .auth(token.body.access_token, { type: 'bearer' });
    expect(company.body).toMatchObject({
      id: res.body.companyId,
      name: 'Fjordkaffe AS',
      environment: 'live',
    });
  });

  it('never shows the client secret again', async () => {
    const res = await request(t.http).post('/v1/sign-up').send(body());
    const token = await request(t.http)
      .post('/oauth/token')
      .auth(res.body.apiClient.clientId, res.body.apiClient.clientSecret)
      .type('form')
      .send({ grant_type: 'client_credentials', scope: 'api_clients:read' });
    const listed = await request(t.http)
      .get('/v1/api-clients')
      .auth(token.body.access_token, { type: 'bearer' });
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.body)).not.toContain(res.body.apiClient.clientSecret);
    expect(listed.body.data[0]).not.toHaveProperty('clientSecret');
  });

  it('rejects an organisation number with a wrong check digit, naming the field and rule', async () => {
    const res = await request(t.http)
      .post('/v1/sign-up')
      .send(body({ company: { organizationNumber: '974760674', name: 'X AS' } }));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ pointer: '/company/organizationNumber', rule: 'isOrganizationNumber' }),
    ]);
  });

  it('refuses a second live company with the same organisation number', async () => {
    const number = organizationNumber();
    const company = { organizationNumber: number, name: 'First AS' };
    expect((await request(t.http).post('/v1/sign-up').send(body({ company }))).status).toBe(201);
    const again = await request(t.http).post('/v1/sign-up').send(body({ company }));
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CONFLICT');
    const sandbox = await request(t.http)
      .post('/v1/sign-up')
      .send(body({ company: { ...company, environment: 'test' } }));
    expect(sandbox.status).toBe(201);
  });

  it('refuses an email that has an account, whatever its case', async () => {
    const first = body();
    await request(t.http).post('/v1/sign-up').send(first);
    const again = await request(t.http)
      .post('/v1/sign-up')
      .send(body({ email: first.email.toUpperCase() }));
    expect(again.status).toBe(409);
  });

  it.each([['role'], ['companyId'], ['scopes']])(
    'rejects mass assignment of %s and creates nothing',
    async (field) => {
      const attempt = body({ [field]: field === 'scopes' ? ['audit:read'] : 'owner' });
      const res = await request(t.http).post('/v1/sign-up').send(attempt);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        expect.objectContaining({ pointer: `/${field}`, rule: 'whitelistValidation' }),
      ]);
      const retry = await request(t.http)
        .post('/v1/sign-up')
        .send({ ...attempt, [field]: undefined });
      expect(retry.status).toBe(201);
    },
  );

  it('rejects a short password without echoing it', async () => {
    const res = await request(t.http)
      .post('/v1/sign-up')
      .send(body({ password: 'hunter2' }));
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ pointer: '/password', rule: 'isLength' });
    expect(JSON.stringify(res.body)).not.toContain('hunter2');
  });

  it('answers 403 SIGN_UP_DISABLED when the operator turned sign-up off', async () => {
    const closed = await createTestApp({ env: { SIGN_UP_ENABLED: 'false' } });
    try {
      const res = await request(closed.http).post('/v1/sign-up').send(body());
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('SIGN_UP_DISABLED');
    } finally {
      await closed.close();
    }
  });
});
