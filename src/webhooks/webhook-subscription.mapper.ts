import type {
  CreatedWebhookSubscriptionResponseDto,
  WebhookSubscriptionResponseDto,
} from './dto/webhook-subscription.dto.js';
import type { WebhookSubscription } from './webhook-subscription.entity.js';

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

export function toWebhookSubscriptionResponse(
  subscription: WebhookSubscription,
): WebhookSubscriptionResponseDto {
  return {
    id: subscription.id,
    url: subscription.url,
    description: subscription.description,
    eventTypes: subscription.eventTypes,
    readableScopes: subscription.readableScopes,
    isEnabled: subscription.isEnabled,
    disabledReason: subscription.disabledReason,
    disabledAt: iso(subscription.disabledAt),
    previousSecretExpiresAt: iso(subscription.previousSecretExpiresAt),
    failingSince: iso(subscription.failingSince),
    createdAt: subscription.createdAt.toISOString(),
    updatedAt: subscription.updatedAt.toISOString(),
    version: subscription.version,
  };
}

export function toCreatedWebhookSubscriptionResponse(created: {
  subscription: WebhookSubscription;
  secret: string;
}): CreatedWebhookSubscriptionResponseDto {
  return { ...toWebhookSubscriptionResponse(created.subscription), secret: created.secret };
}
