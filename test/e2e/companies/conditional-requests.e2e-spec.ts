import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { clientToken, signUpCompany } from '../../support/factories.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

describe('ETag, If-Match and If-None-Match on the company', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
  });
  afterAll(() => t.close());

  async function newCompanyToken(): Promise<string> {
    return clientToken(t.http, await signUpCompany(t.http));
  }
  const get = (token: string, headers: Record<string, string> = {}) =>
    request(t.http).get('/v1/company').auth(token, { type: 'bearer' }).set(headers);
  const patch = (token: string, body: object, headers: Record<string, string> = {}) =>
    request(t.http).patch('/v1/company').auth(token, { type: 'bearer' }).set(headers).send(body);

  it('gives the company its version as a strong ETag', async () => {
    const res = await get(await newCompanyToken());
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(1);
    expect(res.headers.etag).toBe('"1"');
  });

  it('changes the company when If-Match names its ETag, and answers the new ETag', async () => {
    const token = await newCompanyToken();
    const res = await patch(token, { name: 'Fjordkaffe AS' }, { 'If-Match': '"1"' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Fjordkaffe AS', version: 2 });
    expect(res.headers.etag).toBe('"2"');
  });

  it('refuses a stale If-Match with 412 naming the current ETag, and changes nothing', async () => {
    const token = await newCompanyToken();
    expect((await patch(token, { name: 'First AS' })).status).toBe(200);
    const stale = await patch(token, { name: 'Second AS' }, { 'If-Match': '"1"' });
    expect(stale.status).toBe(412);
    expect(stale.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(stale.body).toMatchObject({ status: 412, code: 'PRECONDITION_FAILED' });
    expect(stale.body.detail).toContain('"2"');
    const now = await get(token);
    expect(now.body).toMatchObject({ name: 'First AS', version: 2 });
  });

  it.each(['2', 'W/"1"', '"1", "2"', '"one"'])(
    'refuses the malformed If-Match %s with 400 naming the header, and changes nothing',
    async (ifMatch) => {
      const token = await newCompanyToken();
      const res = await patch(token, { name: 'Changed AS' }, { 'If-Match': ifMatch });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        errors: [expect.objectContaining({ parameter: 'If-Match' })],
      });
      expect((await get(token)).body).toMatchObject({ name: 'Test AS', version: 1 });
    },
  );

  it('changes the company without a condition, or with If-Match: *', async () => {
    const token = await newCompanyToken();
    expect((await patch(token, { name: 'A AS' })).body.version).toBe(2);
    expect((await patch(token, { name: 'B AS' }, { 'If-Match': '*' })).body.version).toBe(3);
  });

  it('lets only one of two changes made from the same version through', async () => {
    const token = await newCompanyToken();
    const results = await Promise.all(
      ['One AS', 'Two AS'].map((name) => patch(token, { name }, { 'If-Match': '"1"' })),
    );
    expect(results.map((res) => res.status).sort()).toEqual([200, 412]);
    const winner = results.find((res) => res.status === 200)!;
    expect((await get(token)).body).toMatchObject({ name: winner.body.name, version: 2 });
  });

  it('answers If-None-Match with the current ETag with 304 and no body', async () => {
    const token = await newCompanyToken();
    const unchanged = await get(token, { 'If-None-Match': '"1"' });
    expect(unchanged.status).toBe(304);
    expect(unchanged.text).toBe('');
    expect(unchanged.headers.etag).toBe('"1"');
    expect((await get(token, { 'If-None-Match': 'W/"1"' })).status).toBe(304);
    await patch(token, { name: 'Changed AS' });
    const changed = await get(token, { 'If-None-Match': '"1"' });
    expect(changed.status).toBe(200);
    expect(changed.body.name).toBe('Changed AS');
  });

  it('does not keep a 412 for an Idempotency-Key: the retry with a fresh ETag runs', async () => {
    const token = await newCompanyToken();
    await patch(token, { name: 'Other AS' });
    const key = randomUUID();
    const refused = await patch(token, { name: 'Mine AS' }, { 'If-Match': '"1"', 'Idempotency-Key': key });
    expect(refused.status).toBe(412);
    const retry = await patch(token, { name: 'Mine AS' }, { 'If-Match': '"2"', 'Idempotency-Key': key });
    expect(retry.status).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    const replay = await patch(token, { name: 'Mine AS' }, { 'If-Match': '"2"', 'Idempotency-Key': key });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.headers.etag).toBe('"3"');
    expect(replay.body).toEqual(retry.body);
  });

  it('documents the headers and the 304 and 412 answers', async () => {
    const spec = (await request(t.http).get('/openapi.json')).body;
    const { get: read, patch: update } = spec.paths['/v1/company'];
    expect(read.responses['200'].headers.ETag).toEqual({ $ref: '#/components/headers/ETag' });
    expect(read.parameters).toContainEqual(expect.objectContaining({ name: 'If-None-Match', in: 'header' }));
    expect(read.responses['304']).toBeDefined();
    expect(update.responses['200'].headers.ETag).toEqual({ $ref: '#/components/headers/ETag' });
    expect(update.parameters).toContainEqual(expect.objectContaining({ name: 'If-Match', in: 'header' }));
    expect(update.responses['412'].content['application/problem+json']).toBeDefined();
  });
});
