import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('WebhookSubscription', { description: 'A URL events are POSTed to (never its secret).' })
export class WebhookSubscriptionModel {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Where events are POSTed: a public HTTPS URL.' })
  url: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => [String], { description: 'Empty: every type the subscription may read.' })
  eventTypes: string[];

  @Field(() => [String], {
    description: 'The read scopes of its creator: events needing another scope are never delivered to it.',
  })
  readableScopes: string[];

  @Field()
  isEnabled: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      '`manual`: disabled through the API; `gone`: the receiver answered 410; `failing`: no delivery ' +
      'succeeded for the configured time (3 days by default).',
  })
  disabledReason: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 8601 date-time.' })
  disabledAt: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'ISO 8601 date-time until when the previous secret still signs, after a rotation.',
  })
  previousSecretExpiresAt: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'ISO 8601 date-time since when deliveries fail; null while they succeed.',
  })
  failingSince: string | null;

  @Field({ description: 'ISO 8601 date-time.' })
  createdAt: string;

  @Field({ description: 'ISO 8601 date-time.' })
  updatedAt: string;

  @Field(() => Int, { description: 'Bumped by every change; pass it as expectedVersion.' })
  version: number;
}

@ObjectType('CreatedWebhookSubscription', {
  description: 'A subscription with its signing secret: returned once, when created or rotated.',
})
export class CreatedWebhookSubscriptionModel extends WebhookSubscriptionModel {
  @Field({
    description:
      'The signing secret, shown this once (Standard Webhooks format `whsec_` + base64). Verify each delivery ' +
      'with it, e.g. with the `standardwebhooks` package or `verifyWebhook` of our SDK.',
  })
  secret: string;
}
