import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IdArgs, RequireScope, Tenant, VersionedIdArgs, type TenantContext } from '../common/index.js';
import { WebhookPingModel } from './graphql/webhook-delivery.model.js';
import {
  CreateWebhookSubscriptionArgs,
  RotateWebhookSecretArgs,
  UpdateWebhookSubscriptionArgs,
} from './graphql/webhook-subscription.input.js';
import {
  CreatedWebhookSubscriptionModel,
  WebhookSubscriptionModel,
} from './graphql/webhook-subscription.model.js';
import { WebhookDeliverer } from './webhook-deliverer.js';
import {
  toCreatedWebhookSubscriptionResponse,
  toWebhookSubscriptionResponse,
} from './webhook-subscription.mapper.js';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service.js';

/** Webhook subscriptions, from the same services as /v1/webhook-subscriptions. */
@Resolver(() => WebhookSubscriptionModel)
export class WebhookSubscriptionsResolver {
  constructor(
    private readonly subscriptionsService: WebhookSubscriptionsService,
    private readonly deliverer: WebhookDeliverer,
  ) {}

  @Query(() => [WebhookSubscriptionModel], {
    description: "The company's webhook subscriptions, oldest first (scope webhooks:read).",
  })
  @RequireScope('webhooks:read')
  async webhookSubscriptions(@Tenant() tenant: TenantContext): Promise<WebhookSubscriptionModel[]> {
    return (await this.subscriptionsService.list(tenant)).map(toWebhookSubscriptionResponse);
  }

  @Query(() => WebhookSubscriptionModel, {
    description: 'One webhook subscription, never its secret (scope webhooks:read).',
  })
  @RequireScope('webhooks:read')
  async webhookSubscription(
    @Tenant() tenant: TenantContext,
    @Args() { id }: IdArgs,
  ): Promise<WebhookSubscriptionModel> {
    return toWebhookSubscriptionResponse(await this.subscriptionsService.get(tenant, id));
  }

  @Mutation(() => CreatedWebhookSubscriptionModel, {
    description:
      'Subscribe a URL to events (Standard Webhooks, at least once, retried for about three days). The ' +
      'signing secret is in this answer only (scope webhooks:write).',
  })
  @RequireScope('webhooks:write')
  async createWebhookSubscription(
    @Tenant() tenant: TenantContext,
    @Args() { input }: CreateWebhookSubscriptionArgs,
  ): Promise<CreatedWebhookSubscriptionModel> {
    return toCreatedWebhookSubscriptionResponse(await this.subscriptionsService.create(tenant, input));
  }

  @Mutation(() => WebhookSubscriptionModel, {
    description: 'Change a subscription: URL, description, event types, enabled (scope webhooks:write).',
  })
  @RequireScope('webhooks:write')
  async updateWebhookSubscription(
    @Tenant() tenant: TenantContext,
    @Args() { id, expectedVersion, input }: UpdateWebhookSubscriptionArgs,
  ): Promise<WebhookSubscriptionModel> {
    const subscription = await this.subscriptionsService.update(
      tenant,
      id,
      input,
      expectedVersion ?? undefined,
    );
    return toWebhookSubscriptionResponse(subscription);
  }

  @Mutation(() => Boolean, {
    description: 'Delete a subscription and its delivery log; true when deleted (scope webhooks:write).',
  })
  @RequireScope('webhooks:write')
  async deleteWebhookSubscription(
    @Tenant() tenant: TenantContext,
    @Args() { id, expectedVersion }: VersionedIdArgs,
  ): Promise<boolean> {
    await this.subscriptionsService.delete(tenant, id, expectedVersion ?? undefined);
    return true;
  }

  @Mutation(() => CreatedWebhookSubscriptionModel, {
    description:
      'Replace the signing secret; the old one keeps signing beside it for overlapHours. The new secret is in ' +
      'this answer only (scope webhooks:write).',
  })
  @RequireScope('webhooks:write')
  async rotateWebhookSecret(
    @Tenant() tenant: TenantContext,
    @Args() { id, overlapHours }: RotateWebhookSecretArgs,
  ): Promise<CreatedWebhookSubscriptionModel> {
    const rotated = await this.subscriptionsService.rotateSecret(tenant, id, overlapHours ?? 24);
    return toCreatedWebhookSubscriptionResponse(rotated);
  }

  @Mutation(() => WebhookPingModel, {
    description:
      'Send a signed test event (`webhook.ping`) now and see how the receiver answered (scope webhooks:write).',
  })
  @RequireScope('webhooks:write')
  async pingWebhookSubscription(
    @Tenant() tenant: TenantContext,
    @Args() { id }: IdArgs,
  ): Promise<WebhookPingModel> {
    return this.deliverer.ping(tenant, id);
  }
}
