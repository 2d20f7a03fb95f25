import { defineEvent } from '../events/index.js';
import { ApiKeyResponseDto } from './dto/api-key-response.dto.js';

// The payload is the key as GET returns it: its prefix, never the key nor its hash.
const apiKeyEvent = (verb: string, summary: string) =>
  defineEvent({ type: `api_key.${verb}`, payload: ApiKeyResponseDto, scope: 'api_keys:read', summary });

export const API_KEY_CREATED = apiKeyEvent(
  'created',
  'An API key was created (the key itself is never in an event).',
);
export const API_KEY_REVOKED = apiKeyEvent('revoked', 'An API key was revoked: it is refused from now on.');
