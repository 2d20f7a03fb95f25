import { defineEvent } from '../events/index.js';
import { WebhookSubscriptionResponseDto } from './dto/webhook-subscription.dto.js';

const subscriptionEvent = (verb: string, summary: string) =>
  defineEvent({
    type: `webhook_subscription.${verb}`,
    payload: WebhookSubscriptionResponseDto,
    scope: 'webhooks:read',
    summary,
  });

export const WEBHOOK_SUBSCRIPTION_CREATED = subscriptionEvent(
  'created',
  'A webhook subscription was created.',
);
export const WEBHOOK_SUBSCRIPTION_UPDATED = subscriptionEvent(
  'updated',
  'A webhook subscription was changed, enabled, disabled through the API, or had its secret rotated.',
);
export const WEBHOOK_SUBSCRIPTION_DELETED = subscriptionEvent(
  'deleted',
  'A webhook subscription was deleted.',
);
export const WEBHOOK_SUBSCRIPTION_DISABLED = subscriptionEvent(
  'disabled',
  'Hovedbok disabled a webhook subscription: its receiver answered 410 Gone, or no delivery succeeded for days.',
);
