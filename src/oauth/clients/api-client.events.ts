import { defineEvent } from '../../events/index.js';
import { ApiClientResponseDto } from '../dto/api-client.dto.js';

// The payload is the client as GET returns it: never its secret nor the secret's hash.
const apiClientEvent = (verb: string, summary: string) =>
  defineEvent({
    type: `api_client.${verb}`,
    payload: ApiClientResponseDto,
    scope: 'api_clients:read',
    summary,
  });

export const API_CLIENT_CREATED = apiClientEvent(
  'created',
  'An API client was registered for the company (its secret is never in an event).',
);
export const API_CLIENT_REVOKED = apiClientEvent(
  'revoked',
  'An API client was revoked: it gets no new tokens.',
);
