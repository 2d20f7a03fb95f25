import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import request from 'supertest';
import { clientToken, signUpCompany, type SignedUpCompany } from '../../support/factories.js';
import { authorizeParams, pkcePair } from '../../support/authorization-pages.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

// Debian's chromium package; `npm test` installs it (scripts/ensure-chromium.sh). Without it this
// test fails, never skips.
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

interface Callback {
  url: string;
  received: Promise<URLSearchParams>;
  server: Server;
}

/** The app's side: a tiny server on 127.0.0.1 that receives the redirect with the code. */
async function startCallbackServer(): Promise<Callback> {
  let deliver: (params: URLSearchParams) => void = () => undefined;
  const received = new Promise<URLSearchParams>((resolve) => (deliver = resolve));
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // The browser asks for an icon; anything else but the callback is a mistake.
    if (url.pathname === '/favicon.ico') return void res.writeHead(204).end();
    if (url.pathname !== '/callback') return void res.writeHead(404).end();
    deliver(url.searchParams);
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end('<h1>Connected</h1>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/callback`, received, server };
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('the authorization-code flow in headless Chromium', () => {
  let t: TestApp;
  let baseUrl: string;
  let callback: Callback;
  let browser: Browser;
  let person: SignedUpCompany;
  let clientId: string;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `Chromium is not installed at ${CHROMIUM}: apt-get install chromium (as .ci/run does).`,
      );
    }
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    // The browser reaches the server at its public URL, so cookies, iss and aud are as in production.
    t = await createTestApp({ env: { PUBLIC_BASE_URL: baseUrl } });
    await t.app.listen(port, '127.0.0.1');
    callback = await startCallbackServer();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    person = await signUpCompany(t.http);
    const token = await clientToken(t.http, person, ['api_clients:write']);
    const registered = await request(t.http)
      .post('/v1/api-clients')
      .auth(token, { type: 'bearer' })
      .send({ name: 'Kassa POS', type: 'public', redirectUris: [callback.url], scopes: ['company:read'] });
    expect(registered.status).toBe(201);
    clientId = registered.body.clientId;
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    callback?.server.close();
    await t?.close();
  });

  it('signs in, grants a company and ends with an access token that reads it', async () => {
    const pkce = pkcePair();
    const params = authorizeParams(
      { clientId, redirectUri: callback.url },
      { code_challenge: pkce.challenge, scope: 'company:read' },
    );
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`${message.text()} at ${message.location().url}`);
    });

    await page.goto(`${baseUrl}/oauth/authorize?${new URLSearchParams(params).toString()}`);
    expect(await page.title()).toBe('Sign in · Hovedbok');
    await page.getByLabel('Email').fill(person.email);
    await page.getByLabel('Password').fill(person.password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByRole('heading', { name: 'Kassa POS wants access to your accounting' }).waitFor();
    expect(await page.getByText("See the company's details").count()).toBe(1);
    await page.getByRole('checkbox', { name: /Test AS/ }).check();
    await page.getByRole('button', { name: 'Allow access' }).click();
    await page
      .waitForURL((url) => url.href.startsWith(callback.url))
      .catch((error: unknown) => {
        throw new Error(`the browser never reached the callback; console: ${problems.join(' | ')}`, {
          cause: error,
        });
      });

    const answer = await callback.received;
    await page.getByRole('heading', { name: 'Connected' }).waitFor();
    expect(answer.get('state')).toBe(params.state);
    expect(answer.get('iss')).toBe(baseUrl);
    // No CSP violation or other error on any page of the flow.
    expect(problems).toEqual([]);

    const tokens = await request(t.http)
      .post('/oauth/token')
      .type('form')
      .send({
        grant_type: 'authorization_code',
        code: answer.get('code'),
        redirect_uri: callback.url,
        code_verifier: pkce.verifier,
        client_id: clientId,
      });
    expect(tokens.status).toBe(200);
    expect(tokens.body).toMatchObject({ token_type: 'Bearer', scope: 'company:read' });
    const company = await request(t.http)
      .get('/v1/company')
      .auth(tokens.body.access_token, { type: 'bearer' });
    expect(company.status).toBe(200);
    expect(company.body.id).toBe(person.companyId);
  }, 60_000);
});
