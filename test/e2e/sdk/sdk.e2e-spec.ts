import type { AddressInfo } from 'node:net';
import { ApiError, createClient, type HovedbokClient } from '@hovedbok/sdk';
import { createTestApp, type TestApp } from '../../support/test-app.js';

describe('the SDK against the running server', () => {
  let t: TestApp;
  let client: HovedbokClient;
  const sentHeaders: Headers[] = [];
  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    const recordingFetch: typeof fetch = (input, init) => {
      sentHeaders.push(new Headers(init?.headers));
      return fetch(input, init);
    };
    client = createClient({
      baseUrl: `http://127.0.0.1:${port}`,
      fetch: recordingFetch,
      headers: { 'X-Request-Id': 'sdk-test' },
      accessToken: async () => 'token-from-callback',
    });
  });
  afterAll(() => t.close());

  it('calls every operation of the spec', async () => {
    await expect(client.getLiveness()).resolves.toEqual({ status: 'alive' });
    await expect(client.getReadiness()).resolves.toEqual({
      status: 'ready',
      database: 'up',
      migrations: 'up-to-date',
    });
    const list = await client.listProblemTypes();
    expect(list.data.length).toBeGreaterThan(5);
    const type = await client.getProblemType('validation-failed');
    expect(type).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
  });

  it('sends the configured headers and the access token', () => {
    const last = sentHeaders.at(-1)!;
    expect(last.get('authorization')).toBe('Bearer token-from-callback');
    expect(last.get('x-request-id')).toBe('sdk-test');
  });

  it('throws an ApiError carrying the problem for a validation failure', async () => {
    const error = (await client.getProblemType('Not_A_Slug').catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', requestId: 'sdk-test' });
    expect(error.errors).toEqual([expect.objectContaining({ parameter: 'slug', rule: 'matches' })]);
  });

  it('throws an ApiError with NOT_FOUND for a resource that does not exist', async () => {
    await expect(client.getProblemType('no-such-problem')).rejects.toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
    });
  });
});
