import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { perPageComplexity, RequireScope, Tenant, type TenantContext } from '../common/index.js';
import {
  RedeliverWebhookEventArgs,
  RedeliverWebhookEventsArgs,
  WebhookDeliveriesArgs,
  WebhookDeliveryArgs,
} from './graphql/webhook-delivery.input.js';
import {
  WebhookDeliveryModel,
  WebhookDeliveryPageModel,
  WebhookRedeliveryModel,
} from './graphql/webhook-delivery.model.js';
import { WebhookDeliveriesService } from './webhook-deliveries.service.js';

/** Delivery logs and redelivery, from the same service as /v1/webhook-subscriptions/{id}/... */
@Resolver(() => WebhookDeliveryModel)
export class WebhookDeliveriesResolver {
  constructor(private readonly deliveriesService: WebhookDeliveriesService) {}

  @Query(() => WebhookDeliveryPageModel, {
    description: "A subscription's delivery log, newest first (scope webhooks:read).",
    complexity: perPageComplexity,
  })
  @RequireScope('webhooks:read')
  async webhookDeliveries(
    @Tenant() tenant: TenantContext,
    @Args() { subscriptionId, ...query }: WebhookDeliveriesArgs,
  ): Promise<WebhookDeliveryPageModel> {
    return this.deliveriesService.list(tenant, subscriptionId, query);
  }

  @Query(() => WebhookDeliveryModel, {
    description:
      'One delivery with every attempt: status, latency, the start of the answer (scope webhooks:read).',
  })
  @RequireScope('webhooks:read')
  async webhookDelivery(
    @Tenant() tenant: TenantContext,
    @Args() { subscriptionId, id }: WebhookDeliveryArgs,
  ): Promise<WebhookDeliveryModel> {
    return this.deliveriesService.get(tenant, subscriptionId, id);
  }

  @Mutation(() => WebhookRedeliveryModel, {
    description: 'Send one event to a subscription again, same `webhook-id` (scope webhooks:write).',
  })
  @RequireScope('webhooks:write')
  async redeliverWebhookEvent(
    @Tenant() tenant: TenantContext,
    @Args() { subscriptionId, eventId }: RedeliverWebhookEventArgs,
  ): Promise<WebhookRedeliveryModel> {
    return { queued: await this.deliveriesService.redeliverEvent(tenant, subscriptionId, eventId) };
  }

  @Mutation(() => WebhookRedeliveryModel, {
    description:
      'Send a range of events (by sequence) to a subscription again: only those it takes, at most 10,000 ' +
      '(scope webhooks:write).',
  })
  @RequireScope('webhooks:write')
  async redeliverWebhookEvents(
    @Tenant() tenant: TenantContext,
    @Args() { subscriptionId, fromSequence, toSequence }: RedeliverWebhookEventsArgs,
  ): Promise<WebhookRedeliveryModel> {
    const queued = await this.deliveriesService.redeliverRange(
      tenant,
      subscriptionId,
      fromSequence,
      toSequence,
    );
    return { queued };
  }
}
