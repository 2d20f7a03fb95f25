import { Injectable } from '@nestjs/common';
import { AuthorizationRequestsService } from './authorization-requests.service.js';
import { consentPageResult, signInPageResult } from './authorization-pages.js';
import { formText } from './form-fields.js';
import type { PageResult } from './page-result.js';
import { ResourceOwnerDirectory } from './resource-owner-directory.js';
import { SignInSessionsService } from './sign-in-sessions.service.js';

const WRONG_CREDENTIALS = 'The email or password is not correct.';

/** The authorization endpoint (RFC 6749 §4.1.1) and the sign-in form in front of the consent page. */
@Injectable()
export class AuthorizeService {
  constructor(
    private readonly requests: AuthorizationRequestsService,
    private readonly sessions: SignInSessionsService,
    private readonly people: ResourceOwnerDirectory,
  ) {}

  /** GET /oauth/authorize: the sign-in page, or the consent page for a signed-in person. */
  async show(query: unknown, cookieHeader: string | undefined): Promise<PageResult> {
    const request = await this.requests.check(query);
    const signedIn = await this.sessions.current(cookieHeader);
    const person = signedIn ? await this.people.profile(signedIn.userId) : undefined;
    if (!signedIn || !person) return signInPageResult(request);
    return consentPageResult(request, person, signedIn.secret);
  }

  /** POST /oauth/sign-in: on success a session, and back to the authorization request. */
  async signIn(body: unknown): Promise<PageResult> {
    const request = await this.requests.check(body);
    const email = formText(body, 'email');
    const password = formText(body, 'password');
    if (email === undefined || password === undefined) {
      return signInPageResult(request, { email, message: 'Enter your email and password.', status: 400 });
    }
    const check = await this.people.checkPassword(email, password);
    if (check.outcome === 'refused') return signInPageResult(request, { email, message: WRONG_CREDENTIALS });
    if (check.outcome === 'blocked') {
      const minutes = Math.ceil(check.retryAfterSeconds / 60);
      return signInPageResult(request, {
        email,
        message: `Too many attempts. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`,
        status: 429,
        retryAfterSeconds: check.retryAfterSeconds,
      });
    }
    return {
      kind: 'redirect',
      status: 303,
      location: `/oauth/authorize?${new URLSearchParams(request.params).toString()}`,
      cookie: await this.sessions.start(check.userId),
    };
  }
}
