import { defineEvent } from '../../events/index.js';
import { AccountResponseDto } from './dto/account.dto.js';

const accountEvent = (verb: string, summary: string) =>
  defineEvent({ type: `account.${verb}`, payload: AccountResponseDto, scope: 'accounts:read', summary });

export const ACCOUNT_CREATED = accountEvent('created', 'An account was added to the chart of accounts.');
export const ACCOUNT_UPDATED = accountEvent('updated', 'An account was changed, deactivated or reactivated.');
export const ACCOUNT_DELETED = accountEvent(
  'deleted',
  'An account nobody had posted to was deleted; `data` is the account as it was.',
);
