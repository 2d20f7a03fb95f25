export { WebhookSubscription } from './webhook-subscription.entity.js';
export { WebhookDelivery, WebhookDeliveryAttempt } from './webhook-delivery.entity.js';
export { WebhooksModule } from './webhooks.module.js';
export { EventRelay } from './event-relay.js';
export { RetentionSweep } from './retention-sweep.js';
export { WebhookSubscriptionsResolver } from './webhook-subscriptions.resolver.js';
export { WebhookDeliveriesResolver } from './webhook-deliveries.resolver.js';
export { WebhookDeliverer, type DeliveryJob } from './webhook-deliverer.js';
export { DELIVERIES_PER_JOB, FAILING_RECEIVER_PRIORITY } from './event-relay.sql.js';
