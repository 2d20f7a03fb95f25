// What the OAuth module registers for the authorization pages (one small entry in oauth.module.ts).
import { AuthorizationCodesService } from './authorization-codes.service.js';
import { AuthorizationPagesController } from './authorization-pages.controller.js';
import { AuthorizationRequestsService } from './authorization-requests.service.js';
import { AuthorizeService } from './authorize.service.js';
import { ConsentService } from './consent.service.js';
import { SignInSessionsService } from './sign-in-sessions.service.js';

export const AUTHORIZATION_PAGES_CONTROLLERS = [AuthorizationPagesController];
export const AUTHORIZATION_PAGES_PROVIDERS = [
  AuthorizationRequestsService,
  SignInSessionsService,
  AuthorizationCodesService,
  AuthorizeService,
  ConsentService,
];
