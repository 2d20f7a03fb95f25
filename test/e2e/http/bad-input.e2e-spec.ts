import request from 'supertest';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { ProbeModule } from '../../support/probe.module.js';

describe('bad input is refused with a problem that says what to fix', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ extraImports: [ProbeModule], env: { BODY_LIMIT_BYTES: '2048' } });
  });
  afterAll(() => t.close());

  const post = (body: string, contentType = 'application/json') =>
    request(t.http).post('/v1/probe/echo').set('Content-Type', contentType).send(body);

  function expectProblem(res: request.Response, status: number, code: string): void {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      status,
      code,
      instance: expect.any(String),
      detail: expect.any(String),
    });
    expect(res.body.type).toBe(
      `https://api.hovedbok.example/v1/problems/${code.toLowerCase().replaceAll('_', '-')}`,
    );
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
  }

  it('accepts a valid body', async () => {
    const res = await post(JSON.stringify({ name: 'Kari', lines: [{ amount: '10.50', text: 'ok' }] }));
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ name: 'Kari', lines: [{ amount: '10.50', text: 'ok' }] });
  });

  it('rejects malformed JSON with the parser position', async () => {
    const res = await post('{"name": "Kari",');
    expectProblem(res, 400, 'MALFORMED_JSON');
    expect(res.body.detail).toMatch(/position|end of JSON/i);
  });

  it('rejects a body that is not JSON with 415', async () => {
    const res = await post('name=Kari', 'application/x-www-form-urlencoded');
    expectProblem(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(res.body.detail).toContain('application/x-www-form-urlencoded');
  });

  it('rejects a body without a content type with 415', async () => {
    const res = await request(t.http)
      .post('/v1/probe/echo')
      .set('Content-Type', '')
      .send(Buffer.from('{"name":"x"}'));
    expectProblem(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('rejects a body over the limit with 413 and names the limit', async () => {
    const res = await post(JSON.stringify({ name: 'x'.repeat(4000) }));
    expectProblem(res, 413, 'PAYLOAD_TOO_LARGE');
    expect(res.body.detail).toContain('2048 bytes');
  });

  it('rejects unknown fields instead of dropping them', async () => {
    const res = await post(JSON.stringify({ name: 'Kari', companyId: 'x' }));
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.body.errors).toEqual([
      { pointer: '/companyId', detail: 'is not a known field; remove it', rule: 'whitelistValidation' },
    ]);
  });

  it('rejects wrong types with a JSON pointer per field', async () => {
    const res = await post(JSON.stringify({ name: 42, month: '3' }));
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ pointer: '/name', rule: 'isString' }),
        expect.objectContaining({ pointer: '/month', rule: 'isInt' }),
      ]),
    );
  });

  it('points into nested arrays', async () => {
    const res = await post(
      JSON.stringify({
        name: 'Kari',
        lines: [
          { amount: '1.00', text: 'a' },
          { amount: 1.5, text: 'b' },
        ],
      }),
    );
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.body.errors).toEqual([
      {
        pointer: '/lines/1/amount',
        detail: 'must be a decimal string such as "1250.00", not a JSON number (numbers lose precision)',
        rule: 'isAmount',
      },
    ]);
  });

  it.each([
    [1.5, 'not a JSON number'],
    ['1.234', 'at most 2 decimals'],
    ['NaN', 'decimal string'],
    ['Infinity', 'decimal string'],
    ['1e309', 'decimal string'],
    ['-0', 'negative zero'],
    ['1000000000000000.00', 'at most 15 digits'],
  ])('refuses the hostile amount %p, saying why', async (amount, why) => {
    const res = await post(JSON.stringify({ name: 'Kari', lines: [{ amount, text: 'x' }] }));
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.body.errors).toEqual([
      { pointer: '/lines/0/amount', detail: expect.stringContaining(why), rule: 'isAmount' },
    ]);
  });

  it('reports a missing required field', async () => {
    const res = await post(JSON.stringify({}));
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ pointer: '/name' })]));
  });

  it.each([['[1,2]'], ['"text"'], ['null'], ['42']])(
    'rejects the JSON value %s where an object is expected',
    async (body) => {
      const res = await post(body);
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors).toEqual([{ pointer: '', detail: 'must be a JSON object', rule: 'isObject' }]);
    },
  );

  it('rejects a path id that is not an id, naming the parameter', async () => {
    const res = await request(t.http).get('/v1/probe/items/123');
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.body.errors).toEqual([expect.objectContaining({ parameter: 'id', rule: 'isUuid' })]);
  });

  it('answers 404 NOT_FOUND for a well-formed id that does not exist', async () => {
    const res = await request(t.http).get('/v1/probe/items/0193a0b1-c2d3-7e4f-8a9b-0c1d2e3f4a5b');
    expectProblem(res, 404, 'NOT_FOUND');
  });

  it('rejects a bad query parameter, naming it', async () => {
    const res = await request(t.http).get('/v1/probe/wait?ms=soon');
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.body.errors[0]).toMatchObject({ parameter: 'ms' });
  });

  it('answers an unknown route with ROUTE_NOT_FOUND', async () => {
    const res = await request(t.http).get('/v1/no-such-thing');
    expectProblem(res, 404, 'ROUTE_NOT_FOUND');
    expect(res.body.detail).toBe('No operation for GET /v1/no-such-thing.');
  });

  it('hides internals of an unexpected error and logs it once with the request id', async () => {
    const res = await request(t.http).get('/v1/probe/fail');
    expectProblem(res, 500, 'INTERNAL_ERROR');
    expect(JSON.stringify(res.body)).not.toMatch(/hunter2|10\.1\.2\.3|Error/);
    const logged = t.logs.filter(
      (line) => line.msg === 'unhandled error' && line.requestId === res.body.requestId,
    );
    expect(logged).toHaveLength(1);
  });
});
