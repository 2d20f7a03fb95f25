import type { AuthorizationPageError } from './authorization-errors.js';
import type { AuthorizationRequest } from './authorization-request.js';
import { consentCsrfToken } from './consent-csrf.js';
import type { PageResult } from './page-result.js';
import { consentPage } from './pages/consent.page.js';
import { errorPage } from './pages/error.page.js';
import { signInPage } from './pages/sign-in.page.js';
import type { ResourceOwnerProfile } from './resource-owner-directory.js';

const SELF = "'self'";

export function signInPageResult(
  request: AuthorizationRequest,
  extras: { email?: string; message?: string; status?: number; retryAfterSeconds?: number } = {},
): PageResult {
  return {
    kind: 'page',
    status: extras.status ?? 200,
    html: signInPage({ clientName: request.client.name, params: request.params, ...extras }),
    formTargets: [SELF],
    retryAfterSeconds: extras.retryAfterSeconds,
  };
}

export function consentPageResult(
  request: AuthorizationRequest,
  person: ResourceOwnerProfile,
  sessionSecret: string,
  extras: { message?: string; status?: number } = {},
): PageResult {
  const csrfToken = consentCsrfToken(sessionSecret, request.params);
  return {
    kind: 'page',
    status: extras.status ?? 200,
    html: consentPage({ request, person, csrfToken, message: extras.message }),
    // The form posts here, and the answer redirects to the client: both must be allowed.
    formTargets: [SELF, new URL(request.redirectUri).origin],
  };
}

export function errorPageResult(error: AuthorizationPageError): PageResult {
  return { kind: 'page', status: error.status, html: errorPage(error.title, error.detail), formTargets: [] };
}
