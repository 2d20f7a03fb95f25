import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/index.js';
import { AuthorizationCodesService } from './authorization-codes.service.js';
import { AuthorizationPageError } from './authorization-errors.js';
import { consentPageResult, signInPageResult } from './authorization-pages.js';
import { receiveParams, type AuthorizationRequest } from './authorization-request.js';
import { AuthorizationRequestsService } from './authorization-requests.service.js';
import { consentCsrfTokenMatches } from './consent-csrf.js';
import { formList, formText } from './form-fields.js';
import { authorizationResponseUrl, type PageResult } from './page-result.js';
import { ResourceOwnerDirectory } from './resource-owner-directory.js';
import { SignInSessionsService, type SignedIn } from './sign-in-sessions.service.js';

/** POST /oauth/consent: the person's decision, answered with a code or access_denied (RFC 6749 §4.1.2). */
@Injectable()
export class ConsentService {
  constructor(
    private readonly requests: AuthorizationRequestsService,
    private readonly sessions: SignInSessionsService,
    private readonly people: ResourceOwnerDirectory,
    private readonly codes: AuthorizationCodesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async decide(body: unknown, cookieHeader: string | undefined): Promise<PageResult> {
    const signedIn = await this.sessions.current(cookieHeader);
    if (!signedIn) {
      const request = await this.requests.check(body);
      return signInPageResult(request, { message: 'Your sign-in has ended. Sign in again to continue.' });
    }
    // Before anything else, so that another site's forged post cannot even cause a redirect.
    if (!consentCsrfTokenMatches(formText(body, 'csrf_token'), signedIn.secret, receiveParams(body).params)) {
      throw new AuthorizationPageError(
        403,
        'This form cannot be used',
        'It has expired or was not sent from the consent page of this sign-in.',
      );
    }
    const request = await this.requests.check(body);
    const decision = formText(body, 'decision');
    if (decision === 'deny') {
      return this.redirect(request, {
        error: 'access_denied',
        error_description: 'The person denied access.',
      });
    }
    if (decision !== 'approve') {
      throw new AuthorizationPageError(400, 'No decision was made', 'Choose Allow access or Deny.');
    }
    return this.approve(request, signedIn, formList(body, 'company'));
  }

  private async approve(
    request: AuthorizationRequest,
    signedIn: SignedIn,
    chosen: string[],
  ): Promise<PageResult> {
    const person = await this.people.profile(signedIn.userId);
    if (!person) throw new AuthorizationPageError(401, 'You are signed out', 'Sign in again to continue.');
    const companyIds = [...new Set(chosen)];
    if (companyIds.length === 0) {
      return consentPageResult(request, person, signedIn.secret, {
        message: 'Choose at least one company.',
        status: 400,
      });
    }
    const own = new Set(person.companies.map((company) => company.id));
    if (companyIds.some((id) => !own.has(id))) {
      throw new AuthorizationPageError(
        403,
        'This company cannot be granted',
        'You can only grant access to companies you are a member of.',
      );
    }
    const code = await this.codes.issue(request, person.userId, companyIds);
    return this.redirect(request, { code });
  }

  // RFC 9207: `iss` tells the client which server answered, against mix-up attacks.
  private redirect(request: AuthorizationRequest, fields: Record<string, string>): PageResult {
    const location = authorizationResponseUrl(request.redirectUri, {
      ...fields,
      state: request.state,
      iss: this.config.http.publicBaseUrl,
    });
    return { kind: 'redirect', status: 303, location };
  }
}
