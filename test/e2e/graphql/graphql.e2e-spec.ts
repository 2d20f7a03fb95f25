import request from 'supertest';
import { expectPageServedLocally } from '../../support/local-assets.js';
import { ProbeModule } from '../../support/probe.module.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

describe('GraphQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      extraImports: [ProbeModule],
      env: { GRAPHQL_MAX_DEPTH: '3', GRAPHQL_MAX_COMPLEXITY: '10' },
    });
  });
  afterAll(() => t.close());

  const query = (q: string, requestId = 'gql-test') =>
    request(t.http)
      .post('/graphql')
      .set('Content-Type', 'application/json')
      .set('X-Request-Id', requestId)
      .send({ query: q });

  it('answers a query through the same service as REST', async () => {
    const res = await query('{ health { status database migrations } }');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      data: { health: { status: 'ready', database: 'up', migrations: 'up-to-date' } },
    });
  });

  it('labels a syntax error with GRAPHQL_PARSE_FAILED and the request id', async () => {
    const res = await query('{ health { status ', 'gql-parse');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions).toEqual({
      code: 'GRAPHQL_PARSE_FAILED',
      status: 400,
      requestId: 'gql-parse',
    });
  });

  it('labels an unknown field with GRAPHQL_VALIDATION_FAILED', async () => {
    const res = await query('{ health { colour } }');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('accepts a query nested up to the limit', async () => {
    const res = await query('{ probeTree { child { child { name } } } }');
    expect(res.body).toEqual({ data: { probeTree: { child: { child: { name: 'c' } } } } });
  });

  it('refuses a query nested deeper than the limit', async () => {
    const res = await query('{ probeTree { child { child { child { name } } } } }');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('GRAPHQL_QUERY_TOO_DEEP');
    expect(res.body.errors[0].message).toContain('limit of 3 levels');
  });

  it('refuses a query that costs more than the limit, before resolving anything', async () => {
    const aliases = Array.from({ length: 4 }, (_, i) => `h${i}: health { status database }`).join(' ');
    const res = await query(`{ ${aliases} }`);
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors[0].extensions.code).toBe('GRAPHQL_QUERY_TOO_COMPLEX');
    expect(res.body.errors[0].message).toContain('limit of 10');
  });

  it('carries the REST error code when a resolver fails with a domain error', async () => {
    await t.database.drop();
    const res = await query('{ health { status } }');
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', status: 503 });
    expect(res.body.errors[0].message).toBe('The database does not answer.');
  });
});

describe('GraphQL IDE', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('sends a browser opening /graphql to the IDE', async () => {
    const res = await request(t.http).get('/graphql').set('Accept', 'text/html');
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/graphiql');
  });

  it('serves the IDE with every script and style from our own origin', async () => {
    const page = await expectPageServedLocally(t.http, '/graphiql');
    expect(page.assets).toBeGreaterThanOrEqual(5);
    // No inline script: the default Content-Security-Policy (script-src 'self') must allow the page.
    expect(page.text).not.toMatch(/<script>[^<]/);
  });
});
