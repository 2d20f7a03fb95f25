import { Catch, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../../config/index.js';
import { AuthorizationPageError, AuthorizationRedirectError } from './authorization-errors.js';
import { errorPageResult } from './authorization-pages.js';
import { authorizationResponseUrl, sendPageResult } from './page-result.js';

/** Answers the authorization pages' errors: our own error page, or a redirect to the client. */
@Catch(AuthorizationPageError, AuthorizationRedirectError)
export class AuthorizationErrorFilter implements ExceptionFilter {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  catch(error: AuthorizationPageError | AuthorizationRedirectError, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    if (error instanceof AuthorizationPageError) {
      sendPageResult(res, errorPageResult(error));
      return;
    }
    const location = authorizationResponseUrl(error.redirectUri, {
      error: error.error,
      error_description: error.description,
      state: error.state,
      iss: this.config.http.publicBaseUrl,
    });
    // 303 after a form post, so the browser follows with a GET and never re-posts the form.
    sendPageResult(res, { kind: 'redirect', status: req.method === 'GET' ? 302 : 303, location });
  }
}
