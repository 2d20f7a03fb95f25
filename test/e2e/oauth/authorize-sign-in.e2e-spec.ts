import { createHash } from 'node:crypto';
import pg from 'pg';
import { signUpCompany, type SignedUpCompany } from '../../support/factories.js';
import {
  authorizeParams,
  getAuthorize,
  sessionCookieOf,
  signedInCookie,
  signIn,
} from '../../support/authorization-pages.js';
import { registerTestClient, type TestClient } from '../../support/oauth.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

describe('POST /oauth/sign-in', () => {
  let t: TestApp;
  let db: pg.Client;
  let app: TestClient;

  beforeAll(async () => {
    t = await createTestApp();
    db = new pg.Client({ connectionString: t.database.url });
    await db.connect();
    app = await registerTestClient(t.http, await signUpCompany(t.http), { type: 'public' });
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
  const userRow = async (userId: string) =>
    (
      await db.query<{ failed_sign_ins: number; sign_in_blocked_until: Date | null }>(
        'SELECT failed_sign_ins, sign_in_blocked_until FROM users WHERE id = $1',
        [userId],
      )
    ).rows[0];
  const failTimes = async (person: SignedUpCompany, times: number) => {
    for (let i = 0; i < times; i++) {
      const res = await signIn(t.http, authorizeParams(app), person.email, 'not the password');
      expect(res.status).toBe(200);
    }
  };
  const logsOf = (event: string, userId: string) =>
    t.logs.filter((l) => l.event === event && l.userId === userId);

  it('signs a person in and sends them back to the authorization request', async () => {
    const person = await signUpCompany(t.http);
    const params = authorizeParams(app);
    const res = await signIn(t.http, params, person.email, person.password);
    expect(res.status).toBe(303);
    const location = new URL(res.headers.location, 'https://any.example');
    expect(location.pathname).toBe('/oauth/authorize');
    expect(Object.fromEntries(location.searchParams)).toEqual(params);
  });

  it('sets an HttpOnly, SameSite=Lax, Secure session cookie for /oauth only', async () => {
    const person = await signUpCompany(t.http);
    const res = await signIn(t.http, authorizeParams(app), person.email, person.password);
    const cookie = ([] as string[]).concat(res.headers['set-cookie'])[0];
    expect(cookie).toMatch(/^hovedbok_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('Path=/oauth');
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Secure');
  });

  it('stores only the SHA-256 of the session cookie, for 12 hours', async () => {
    const person = await signUpCompany(t.http);
    const cookie = await signedInCookie(t.http, authorizeParams(app), person);
    const secret = cookie.split('=')[1];
    const { rows } = await db.query<{ id_hash: string; hours: number }>(
      `SELECT id_hash, (extract(epoch FROM expires_at - created_at) / 3600)::float8 AS hours
         FROM oauth_sign_in_sessions WHERE user_id = $1`,
      [person.userId],
    );
    expect(rows).toEqual([{ id_hash: sha256(secret), hours: expect.closeTo(12, 1) }]);
    expect(JSON.stringify(rows)).not.toContain(secret);
  });

  it('shows the consent page once signed in, and the sign-in page again when the session expired', async () => {
    const person = await signUpCompany(t.http);
    const params = authorizeParams(app);
    const cookie = await signedInCookie(t.http, params, person);
    expect((await getAuthorize(t.http, params, cookie)).text).toContain('action="/oauth/consent"');
    await db.query(`UPDATE oauth_sign_in_sessions SET expires_at = now() WHERE user_id = $1`, [
      person.userId,
    ]);
    expect((await getAuthorize(t.http, params, cookie)).text).toContain('action="/oauth/sign-in"');
    expect((await getAuthorize(t.http, params, 'hovedbok_session=forged')).text).toContain(
      'action="/oauth/sign-in"',
    );
  });

  it('accepts the email in any case and with spaces around it', async () => {
    const person = await signUpCompany(t.http);
    const res = await signIn(
      t.http,
      authorizeParams(app),
      `  ${person.email.toUpperCase()} `,
      person.password,
    );
    expect(res.status).toBe(303);
  });

  it('answers a wrong password and an unknown email alike, without a cookie', async () => {
    const person = await signUpCompany(t.http);
    const wrongPassword = await signIn(t.http, authorizeParams(app), person.email, 'wrong password');
    const unknownEmail = await signIn(t.http, authorizeParams(app), 'nobody@example.no', 'wrong password');
    for (const res of [wrongPassword, unknownEmail]) {
      expect(res.status).toBe(200);
      expect(res.text).toContain('The email or password is not correct.');
      expect(sessionCookieOf(res)).toBeUndefined();
    }
  });

  it('asks for both fields when one is missing', async () => {
    const res = await signIn(t.http, authorizeParams(app), 'someone@example.no', '');
    expect(res.status).toBe(400);
    expect(res.text).toContain('Enter your email and password.');
  });

  it('refuses a sign-in whose carried request was tampered with, with an error page', async () => {
    const person = await signUpCompany(t.http);
    const params = authorizeParams(app, { redirect_uri: 'https://evil.example/steal' });
    const res = await signIn(t.http, params, person.email, person.password);
    expect(res.status).toBe(400);
    expect(res.headers.location).toBeUndefined();
    expect(sessionCookieOf(res)).toBeUndefined();
  });

  it('blocks the sixth attempt after five failures, even with the right password, and logs it', async () => {
    const person = await signUpCompany(t.http);
    await failTimes(person, 5);
    const sixth = await signIn(t.http, authorizeParams(app), person.email, person.password);
    expect(sixth.status).toBe(429);
    expect(sixth.headers['retry-after']).toMatch(/^\d+$/);
    expect(Number(sixth.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(sixth.text).toContain('Too many attempts. Try again in 1 minute.');
    expect(sessionCookieOf(sixth)).toBeUndefined();
    expect(logsOf('sign_in_failed', person.userId)).toHaveLength(5);
    expect(logsOf('sign_in_blocked', person.userId)).toEqual([
      expect.objectContaining({ level: 'warn', retryAfterSeconds: expect.any(Number) }),
    ]);
    expect(JSON.stringify(t.logs)).not.toContain(person.password);
    expect(JSON.stringify(t.logs)).not.toContain('not the password');
  });

  it('logs a failure for an unknown email by a hash, not the email', async () => {
    const email = `ghost-${Date.now()}@example.no`;
    await signIn(t.http, authorizeParams(app), email, 'whatever');
    const emailHash = sha256(email).slice(0, 16);
    expect(t.logs).toContainEqual(expect.objectContaining({ event: 'sign_in_failed', emailHash }));
    expect(JSON.stringify(t.logs)).not.toContain(email);
  });

  it('doubles the wait after a further failure once a block has passed', async () => {
    const person = await signUpCompany(t.http);
    await failTimes(person, 5);
    await db.query(`UPDATE users SET sign_in_blocked_until = now() WHERE id = $1`, [person.userId]);
    await failTimes(person, 1);
    const row = await userRow(person.userId);
    expect(row.failed_sign_ins).toBe(6);
    const minutes = (row.sign_in_blocked_until!.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(1.9);
    expect(minutes).toBeLessThanOrEqual(2);
    const next = await signIn(t.http, authorizeParams(app), person.email, person.password);
    expect(next.text).toContain('Try again in 2 minutes.');
  });

  it('lets the person in once the block has passed, and counts afresh', async () => {
    const person = await signUpCompany(t.http);
    await failTimes(person, 5);
    await db.query(`UPDATE users SET sign_in_blocked_until = now() WHERE id = $1`, [person.userId]);
    const res = await signIn(t.http, authorizeParams(app), person.email, person.password);
    expect(res.status).toBe(303);
    expect(await userRow(person.userId)).toEqual({ failed_sign_ins: 0, sign_in_blocked_until: null });
  });
});
