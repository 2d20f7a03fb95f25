import { randomUUID } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import { keyDigest } from '../../../src/idempotency/sealed-response.js';
import { createApiKey } from '../../support/api-keys.js';
import {
  clientToken,
  organizationNumber,
  signUpCompany,
  type SignedUpCompany,
} from '../../support/factories.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

const KEY_HEADER = 'Idempotency-Key';

describe('Idempotency-Key on writes', () => {
  let t: TestApp;
  // The test database's owner, outside row-level security: to look at and age the records.
  let db: pg.Client;
  beforeAll(async () => {
    t = await createTestApp();
    // Listening, so concurrent requests share one server instead of each starting its own.
    await t.app.listen(0, '127.0.0.1');
    db = new pg.Client({ connectionString: t.database.url });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  async function companyWithToken(): Promise<SignedUpCompany & { token: string }> {
    const company = await signUpCompany(t.http);
    return { ...company, token: await clientToken(t.http, company) };
  }

  const createKey = (bearer: string, body: object, key?: string) => {
    const call = request(t.http).post('/v1/api-keys').auth(bearer, { type: 'bearer' });
    return (key === undefined ? call : call.set(KEY_HEADER, key)).send(body);
  };
  const renameCompany = (bearer: string, name: string, key: string) =>
    request(t.http).patch('/v1/company').auth(bearer, { type: 'bearer' }).set(KEY_HEADER, key).send({ name });
  const keyNames = async (bearer: string): Promise<string[]> =>
    (await request(t.http).get('/v1/api-keys').auth(bearer, { type: 'bearer' })).body.data.map(
      (apiKey: { name: string }) => apiKey.name,
    );
  const records = async (companyId: string) =>
    (
      await db.query<{ key_digest: string; response: Buffer | null }>(
        'SELECT key_digest, response FROM idempotency_keys WHERE company_id = $1',
        [companyId],
      )
    ).rows;
  const age = (companyId: string, key: string, set: string) =>
    db.query(`UPDATE idempotency_keys SET ${set} WHERE company_id = $1 AND key_digest = $2`, [
      companyId,
      keyDigest(key),
    ]);

  it('runs a write once and replays its response to a retry with the same key', async () => {
    const { token } = await companyWithToken();
    const key = randomUUID();
    const first = await createKey(token, { name: 'Kasse 1', scopes: ['company:read'] }, key);
    expect(first.status).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();

    // The same request, serialised with another key order, is still the same request.
    const retry = await createKey(token, { scopes: ['company:read'], name: 'Kasse 1' }, key);
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.headers['cache-control']).toBe('no-store');
    expect(retry.body).toEqual(first.body);
    expect(retry.text).toBe(first.text);
    expect(await keyNames(token)).toEqual(['Kasse 1']);
  });

  it('refuses the key for a different request with 422 IDEMPOTENCY_KEY_REUSED, and does nothing', async () => {
    const { token } = await companyWithToken();
    const key = randomUUID();
    expect((await createKey(token, { name: 'Kasse 1', scopes: ['company:read'] }, key)).status).toBe(201);

    const otherBody = await createKey(token, { name: 'Kasse 2', scopes: ['company:read'] }, key);
    expect(otherBody.status).toBe(422);
    expect(otherBody.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(otherBody.body).toMatchObject({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
    const otherOperation = await renameCompany(token, 'Renamed AS', key);
    expect(otherOperation.status).toBe(422);
    expect(otherOperation.body.code).toBe('IDEMPOTENCY_KEY_REUSED');

    expect(await keyNames(token)).toEqual(['Kasse 1']);
    const company = await request(t.http).get('/v1/company').auth(token, { type: 'bearer' });
    expect(company.body.name).toBe('Test AS');
  });

  it('replays a validation failure (400) as it was, without running the request again', async () => {
    const { token } = await companyWithToken();
    const key = randomUUID();
    const first = await createKey(token, { name: '', scopes: ['company:read'] }, key);
    expect(first.status).toBe(400);
    expect(first.body.code).toBe('VALIDATION_FAILED');

    const retry = await createKey(token, { name: '', scopes: ['company:read'] }, key);
    expect(retry.status).toBe(400);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.headers['content-type']).toMatch(/^application\/problem\+json/);
    // The kept problem, as first sent: it names the first request's id.
    expect(retry.body).toEqual(first.body);
    expect(retry.body.requestId).toBe(first.headers['x-request-id']);
  });

  it('keeps no 403: once the caller has the scope, a retry with the same key runs', async () => {
    const company = await companyWithToken();
    const narrow = await clientToken(t.http, company, ['api_keys:write', 'api_keys:read', 'company:read']);
    const key = randomUUID();
    const body = { name: 'Auditor', scopes: ['audit:read'] };
    const refused = await createKey(narrow, body, key);
    expect(refused.status).toBe(403);
    expect(await records(company.companyId)).toEqual([]);

    // The same client, now with a token that has audit:read: the same principal and key.
    const retry = await createKey(company.token, body, key);
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    expect(await keyNames(company.token)).toEqual(['Auditor']);
  });

  it('keeps keys apart per company and per caller', async () => {
    const a = await companyWithToken();
    const b = await companyWithToken();
    const aKey = await createApiKey(t.http, a.token, ['api_keys:write', 'api_keys:read', 'company:read']);
    const key = randomUUID();

    expect((await createKey(a.token, { name: 'From A', scopes: ['company:read'] }, key)).status).toBe(201);
    const otherCompany = await createKey(b.token, { name: 'From B', scopes: ['company:read'] }, key);
    expect(otherCompany.status).toBe(201);
    expect(otherCompany.headers['idempotent-replayed']).toBeUndefined();
    const otherCaller = await createKey(aKey.key, { name: 'From A key', scopes: ['company:read'] }, key);
    expect(otherCaller.status).toBe(201);
    expect(otherCaller.headers['idempotent-replayed']).toBeUndefined();

    const replayed = await createKey(a.token, { name: 'From A', scopes: ['company:read'] }, key);
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(await keyNames(a.token)).toEqual(['Test key', 'From A', 'From A key']);
    expect(await keyNames(b.token)).toEqual(['From B']);
  });

  it.each([
    ['too long', 'k'.repeat(256)],
    ['with a space', 'two words'],
    ['empty', ''],
  ])('refuses a key that is %s with a 400 naming the header, and does nothing', async (_what, key) => {
    const { token } = await companyWithToken();
    const res = await createKey(token, { name: 'Kasse 1', scopes: ['company:read'] }, key);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [expect.objectContaining({ parameter: 'Idempotency-Key', rule: 'isIdempotencyKey' })],
    });
    expect(await keyNames(token)).toEqual([]);
  });

  it('accepts the key as a structured-field string, the same key as when sent bare', async () => {
    const { token } = await companyWithToken();
    const key = randomUUID();
    expect((await createKey(token, { name: 'Kasse 1', scopes: ['company:read'] }, `"${key}"`)).status).toBe(
      201,
    );
    const retry = await createKey(token, { name: 'Kasse 1', scopes: ['company:read'] }, key);
    expect(retry.headers['idempotent-replayed']).toBe('true');
  });

  it('leaves requests without the header, reads and public operations alone', async () => {
    const { token } = await companyWithToken();
    await createKey(token, { name: 'Kasse 1', scopes: ['company:read'] });
    await createKey(token, { name: 'Kasse 1', scopes: ['company:read'] });
    expect(await keyNames(token)).toEqual(['Kasse 1', 'Kasse 1']);
    const read = await request(t.http)
      .get('/v1/company')
      .auth(token, { type: 'bearer' })
      .set(KEY_HEADER, 'not a key');
    expect(read.status).toBe(200);
    const signUp = await request(t.http)
      .post('/v1/sign-up')
      .set(KEY_HEADER, 'not a key')
      .send({
        email: `person-${randomUUID()}@example.no`,
        password: `password-${randomUUID()}`,
        name: 'Test Person',
        company: { organizationNumber: organizationNumber(), name: 'Test AS', environment: 'test' },
      });
    expect(signUp.status).toBe(201);
  });

  it('ignores an expired record and runs the request, keeping the new outcome', async () => {
    const { token, companyId } = await companyWithToken();
    const key = randomUUID();
    expect((await createKey(token, { name: 'Old', scopes: ['company:read'] }, key)).status).toBe(201);
    await age(companyId, key, `expires_at = now() - interval '1 second'`);

    const fresh = await createKey(token, { name: 'New', scopes: ['company:read'] }, key);
    expect(fresh.status).toBe(201);
    expect(fresh.headers['idempotent-replayed']).toBeUndefined();
    const retry = await createKey(token, { name: 'New', scopes: ['company:read'] }, key);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body.id).toBe(fresh.body.id);
    expect(await keyNames(token)).toEqual(['Old', 'New']);
  });

  it('answers 409 with Retry-After while the first request runs, and never runs a done request again', async () => {
    const { token, companyId } = await companyWithToken();
    const key = randomUUID();
    const first = await renameCompany(token, 'Fjordkaffe AS', key);
    expect(first.status).toBe(200);
    // As if the process running it had committed its write but not yet kept the response.
    await age(companyId, key, `response = NULL, locked_until = now() + interval '1 minute'`);

    const running = await renameCompany(token, 'Fjordkaffe AS', key);
    expect(running.status).toBe(409);
    expect(running.body).toMatchObject({ code: 'IDEMPOTENCY_REQUEST_IN_PROGRESS' });
    expect(running.headers['retry-after']).toBe('1');
    // A different request with the key is refused as such, running or not.
    expect((await renameCompany(token, 'Other AS', key)).status).toBe(422);

    // As if that process had died before keeping the response: the write is saved (the key was
    // recorded in its transaction), so the retry is told, and nothing runs twice.
    await age(companyId, key, `locked_until = now() - interval '1 second'`);
    const lost = await renameCompany(token, 'Fjordkaffe AS', key);
    expect(lost.status).toBe(409);
    expect(lost.body).toMatchObject({ code: 'IDEMPOTENCY_RESPONSE_LOST' });
    const company = await request(t.http).get('/v1/company').auth(token, { type: 'bearer' });
    expect(company.body.version).toBe(first.body.version);
  });

  it('records the key in the transaction of the write: a write that is done never runs again, one undone always can', async () => {
    const { token, companyId } = await companyWithToken();
    const key = randomUUID();
    // The response cannot be kept (as when the process dies just after the commit).
    await db.query(
      `CREATE OR REPLACE FUNCTION refuse_kept_response() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN IF NEW.company_id = '${companyId}' AND NEW.response IS NOT NULL THEN
         RAISE EXCEPTION 'test: the process died'; END IF; RETURN NEW; END $$`,
    );
    await db.query(
      `CREATE TRIGGER refuse_kept_response BEFORE UPDATE ON idempotency_keys
         FOR EACH ROW EXECUTE FUNCTION refuse_kept_response()`,
    );
    try {
      const first = await createKey(token, { name: 'Kasse 1', scopes: ['company:read'] }, key);
      expect(first.status).toBe(201);
      await age(companyId, key, `locked_until = now() - interval '1 second'`);
      const retry = await createKey(token, { name: 'Kasse 1', scopes: ['company:read'] }, key);
      expect(retry.status).toBe(409);
      expect(retry.body.code).toBe('IDEMPOTENCY_RESPONSE_LOST');
      expect(await keyNames(token)).toEqual(['Kasse 1']);
    } finally {
      await db.query('DROP TRIGGER refuse_kept_response ON idempotency_keys');
      await db.query('DROP FUNCTION refuse_kept_response()');
    }

    // A write refused in its transaction (412: the state may differ next time) leaves no record,
    // so the same request runs when retried with the same key.
    const other = randomUUID();
    const stale = await request(t.http)
      .patch('/v1/company')
      .auth(token, { type: 'bearer' })
      .set(KEY_HEADER, other)
      .set('If-Match', '"99"')
      .send({ name: 'Renamed AS' });
    expect(stale.status).toBe(412);
    const current = await request(t.http).get('/v1/company').auth(token, { type: 'bearer' });
    const retried = await request(t.http)
      .patch('/v1/company')
      .auth(token, { type: 'bearer' })
      .set(KEY_HEADER, other)
      .set('If-Match', current.headers.etag)
      .send({ name: 'Renamed AS' });
    expect(retried.status).toBe(200);
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
    expect(retried.body.name).toBe('Renamed AS');
  });

  it('runs the write exactly once when many requests with one key arrive at once', async () => {
    const { token } = await companyWithToken();
    const key = randomUUID();
    const body = { name: 'Kasse 1', scopes: ['company:read'] };
    const responses = await Promise.all(Array.from({ length: 10 }, () => createKey(token, body, key)));

    const ran = responses.filter((res) => res.status === 201 && !res.headers['idempotent-replayed']);
    const replayed = responses.filter((res) => res.status === 201 && res.headers['idempotent-replayed']);
    const busy = responses.filter((res) => res.status === 409);
    expect(ran).toHaveLength(1);
    expect(replayed.length + busy.length).toBe(9);
    for (const res of replayed) expect(res.body).toEqual(ran[0].body);
    for (const res of busy) expect(res.body.code).toBe('IDEMPOTENCY_REQUEST_IN_PROGRESS');
    expect(await keyNames(token)).toEqual(['Kasse 1']);
  });

  it('stores neither the key nor the response in clear', async () => {
    const { token, companyId } = await companyWithToken();
    const key = randomUUID();
    const created = await createKey(token, { name: 'Kasse 1', scopes: ['company:read'] }, key);
    const [record] = await records(companyId);
    expect(record.key_digest).toBe(keyDigest(key));
    expect(record.key_digest).not.toContain(key);
    expect(record.response!.toString('latin1')).not.toContain(created.body.key);
  });

  it('documents the header, the replay marker and the problems on authenticated writes only', async () => {
    const spec = (await request(t.http).get('/openapi.json')).body;
    const create = spec.paths['/v1/api-keys'].post;
    expect(create.parameters).toContainEqual({ $ref: '#/components/parameters/IdempotencyKey' });
    expect(create.responses['201'].headers['Idempotent-Replayed']).toBeDefined();
    expect(create.responses['409'].description).toContain('IDEMPOTENCY_REQUEST_IN_PROGRESS');
    expect(create.responses['409'].headers['Retry-After']).toBeDefined();
    expect(create.responses['422'].description).toContain('IDEMPOTENCY_KEY_REUSED');
    expect(spec.components.parameters.IdempotencyKey).toMatchObject({
      name: 'Idempotency-Key',
      in: 'header',
    });
    const signUp = spec.paths['/v1/sign-up'].post;
    const list = spec.paths['/v1/api-keys'].get;
    for (const operation of [signUp, list]) {
      expect(operation.parameters ?? []).not.toContainEqual({
        $ref: '#/components/parameters/IdempotencyKey',
      });
    }
  });
});
