import { createHash } from 'node:crypto';
import pg from 'pg';
import type request from 'supertest';
import { signUpCompany, type SignedUpCompany } from '../../support/factories.js';
import {
  authorizeParams,
  getAuthorize,
  hiddenFields,
  locationParams,
  pkcePair,
  postConsent,
  signedInCookie,
} from '../../support/authorization-pages.js';
import {
  addTestMembership,
  registerTestClient,
  removeTestMembership,
  tokenRequest,
  type TestClient,
} from '../../support/oauth.js';
import { createTestApp, TEST_PUBLIC_BASE_URL, type TestApp } from '../../support/test-app.js';

describe('the consent page and POST /oauth/consent', () => {
  let t: TestApp;
  let db: pg.Client;
  let owner: SignedUpCompany;
  let other: SignedUpCompany;
  let app: TestClient;

  beforeAll(async () => {
    t = await createTestApp();
    db = new pg.Client({ connectionString: t.database.url });
    await db.connect();
    [owner, other] = [await signUpCompany(t.http), await signUpCompany(t.http)];
    app = await registerTestClient(t.http, owner, {
      type: 'public',
      scopes: ['company:read', 'vouchers:read'],
    });
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  /** Signs the person in and opens the consent page: its response, cookie and form fields. */
  const openConsent = async (person: SignedUpCompany, overrides: Record<string, string> = {}) => {
    const params = authorizeParams(app, { scope: 'company:read vouchers:read', ...overrides });
    const cookie = await signedInCookie(t.http, params, person);
    const page = await getAuthorize(t.http, params, cookie);
    return { page, cookie, fields: hiddenFields(page.text), params };
  };
  const codesOf = async (userId: string) =>
    (await db.query('SELECT * FROM oauth_authorization_codes WHERE user_id = $1', [userId])).rows;
  const expectRefusedPage = async (res: request.Response, status: number, userId: string) => {
    expect(res.status).toBe(status);
    expect(res.headers.location).toBeUndefined();
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(await codesOf(userId)).toEqual([]);
  };

  it("shows the app's name, each scope in plain words, and a checkbox per company of the person", async () => {
    const person = await signUpCompany(t.http);
    await addTestMembership(t, other.companyId, person.userId, 'viewer');
    const { page } = await openConsent(person);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Test app wants access to your accounting');
    expect(page.text).toContain('See the company&#39;s details <code>company:read</code>');
    expect(page.text).toContain('See vouchers, their postings and attachments');
    const boxes = [...page.text.matchAll(/type="checkbox" name="company" value="([^"]+)"/g)].map((m) => m[1]);
    expect(boxes.sort()).toEqual([person.companyId, other.companyId].sort());
    expect(page.text).toContain('your role: viewer');
  });

  it("lets the consent form's answer go to the app's redirect origin, and nowhere else", async () => {
    const { page } = await openConsent(owner);
    const csp: string = page.headers['content-security-policy'];
    expect(csp).toContain("form-action 'self' https://app.example;");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers['cache-control']).toBe('no-store');
  });

  it('redirects with a code, the state and iss when the person allows access', async () => {
    const { cookie, fields, params } = await openConsent(owner);
    const res = await postConsent(t.http, cookie, fields, {
      decision: 'approve',
      companies: [owner.companyId],
    });
    expect(res.status).toBe(303);
    expect(res.headers.location.startsWith(`${app.redirectUri}?`)).toBe(true);
    const answer = locationParams(res);
    expect(answer.get('code')).toMatch(/^hbac_[A-Za-z0-9_-]{43}$/);
    expect(answer.get('state')).toBe(params.state);
    expect(answer.get('iss')).toBe(TEST_PUBLIC_BASE_URL);
  });

  it('stores only the hash of the code, bound to client, redirect URI, challenge, person, companies and scopes', async () => {
    const person = await signUpCompany(t.http);
    const { cookie, fields, params } = await openConsent(person);
    const res = await postConsent(t.http, cookie, fields, {
      decision: 'approve',
      companies: [person.companyId],
    });
    const code = locationParams(res).get('code')!;
    const rows = await codesOf(person.userId);
    expect(rows).toEqual([
      expect.objectContaining({
        code_hash: createHash('sha256').update(code).digest('hex'),
        client_id: app.clientId,
        redirect_uri: app.redirectUri,
        code_challenge: params.code_challenge,
        company_ids: [person.companyId],
        scopes: ['company:read', 'vouchers:read'],
        consumed_at: null,
        family_id: null,
      }),
    ]);
    expect(JSON.stringify(rows)).not.toContain(code);
    const lifetimeSeconds = (rows[0].expires_at.getTime() - Date.now()) / 1000;
    expect(lifetimeSeconds).toBeGreaterThan(50);
    expect(lifetimeSeconds).toBeLessThanOrEqual(60);
  });

  it('issues a code that the token endpoint redeems once, with the PKCE verifier', async () => {
    const person = await signUpCompany(t.http);
    const pkce = pkcePair();
    const { cookie, fields } = await openConsent(person, { code_challenge: pkce.challenge });
    const res = await postConsent(t.http, cookie, fields, {
      decision: 'approve',
      companies: [person.companyId],
    });
    const form = {
      grant_type: 'authorization_code',
      code: locationParams(res).get('code')!,
      redirect_uri: app.redirectUri,
      code_verifier: pkce.verifier,
    };
    const first = await tokenRequest(t.http, app, form);
    expect(first.status).toBe(200);
    expect(first.body.scope).toBe('company:read vouchers:read');
    const again = await tokenRequest(t.http, app, form);
    expect(again.status).toBe(400);
    expect(again.body.error).toBe('invalid_grant');
  });

  it('redirects access_denied with the state and iss when the person denies', async () => {
    const person = await signUpCompany(t.http);
    const { cookie, fields, params } = await openConsent(person);
    const res = await postConsent(t.http, cookie, fields, {
      decision: 'deny',
      companies: [person.companyId],
    });
    expect(res.status).toBe(303);
    const answer = locationParams(res);
    expect(answer.get('error')).toBe('access_denied');
    expect(answer.get('state')).toBe(params.state);
    expect(answer.get('iss')).toBe(TEST_PUBLIC_BASE_URL);
    expect(answer.has('code')).toBe(false);
    expect(await codesOf(person.userId)).toEqual([]);
  });

  it('refuses a consent without its CSRF token with an error page', async () => {
    const person = await signUpCompany(t.http);
    const { cookie, fields } = await openConsent(person);
    const { csrf_token: _, ...withoutToken } = fields;
    const res = await postConsent(t.http, cookie, withoutToken, {
      decision: 'approve',
      companies: [person.companyId],
    });
    await expectRefusedPage(res, 403, person.userId);
    expect(res.text).toContain('This form cannot be used');
  });

  it("refuses a CSRF token made for another person's session", async () => {
    const person = await signUpCompany(t.http);
    const { cookie } = await openConsent(person);
    const { fields: othersFields } = await openConsent(other);
    const res = await postConsent(t.http, cookie, othersFields, {
      decision: 'approve',
      companies: [person.companyId],
    });
    await expectRefusedPage(res, 403, person.userId);
  });

  it('refuses a consent whose request was changed after the page was shown', async () => {
    const person = await signUpCompany(t.http);
    const { cookie, fields } = await openConsent(person);
    const res = await postConsent(
      t.http,
      cookie,
      { ...fields, scope: 'company:read' },
      {
        decision: 'approve',
        companies: [person.companyId],
      },
    );
    await expectRefusedPage(res, 403, person.userId);
  });

  it('refuses a company the person is not a member of, and issues no code', async () => {
    const person = await signUpCompany(t.http);
    const { cookie, fields } = await openConsent(person);
    const res = await postConsent(t.http, cookie, fields, {
      decision: 'approve',
      companies: [person.companyId, other.companyId],
    });
    await expectRefusedPage(res, 403, person.userId);
    expect(res.text).toContain('only grant access to companies you are a member of');
  });

  it('asks again when no company was chosen', async () => {
    const person = await signUpCompany(t.http);
    const { cookie, fields } = await openConsent(person);
    const res = await postConsent(t.http, cookie, fields, { decision: 'approve' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Choose at least one company.');
    expect(res.text).toContain('action="/oauth/consent"');
    expect(await codesOf(person.userId)).toEqual([]);
  });

  it('refuses a post without a decision', async () => {
    const person = await signUpCompany(t.http);
    const { cookie, fields } = await openConsent(person);
    await expectRefusedPage(await postConsent(t.http, cookie, fields, {}), 400, person.userId);
  });

  it('shows the sign-in page to a consent posted without a session', async () => {
    const person = await signUpCompany(t.http);
    const { fields } = await openConsent(person);
    const res = await postConsent(t.http, undefined, fields, {
      decision: 'approve',
      companies: [person.companyId],
    });
    expect(res.status).toBe(200);
    expect(res.text).toContain('action="/oauth/sign-in"');
    expect(await codesOf(person.userId)).toEqual([]);
  });

  it('offers only Deny to a person who belongs to no company', async () => {
    const person = await signUpCompany(t.http);
    await removeTestMembership(t, person.companyId, person.userId);
    const { page } = await openConsent(person);
    expect(page.text).toContain('You are not a member of any company');
    expect(page.text).not.toContain('value="approve"');
    expect(page.text).toContain('value="deny"');
  });
});
