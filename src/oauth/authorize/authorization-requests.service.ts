import { Injectable } from '@nestjs/common';
import { OAuthClientsService } from '../clients/oauth-clients.service.js';
import {
  checkAuthorizationRequest,
  receiveParams,
  requestedClientId,
  type AuthorizationRequest,
} from './authorization-request.js';

/** Checks an authorization request, from the query or carried in a form, against its client. */
@Injectable()
export class AuthorizationRequestsService {
  constructor(private readonly clients: OAuthClientsService) {}

  async check(source: unknown): Promise<AuthorizationRequest> {
    const received = receiveParams(source);
    const client = await this.clients.findActive(requestedClientId(received));
    return checkAuthorizationRequest(received, client);
  }
}
