import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

const OUTCOME =
  '`succeeded`, `http_error`, `redirect` (never followed), `gone` (410, disables the subscription), ' +
  '`timeout`, `network_error` or `refused_target` (the host resolved to a non-public address).';

@ObjectType('WebhookDeliveryAttempt', { description: 'One POST of a delivery to the receiver.' })
export class WebhookDeliveryAttemptModel {
  @Field(() => Int)
  attemptNumber: number;

  @Field({ description: 'ISO 8601 date-time.' })
  attemptedAt: string;

  @Field(() => Int, { description: 'From sending to the end of the answer, in ms.' })
  durationMs: number;

  @Field({ description: OUTCOME })
  outcome: string;

  @Field(() => Int, { nullable: true })
  statusCode: number | null;

  @Field(() => String, { nullable: true, description: 'The first KiB of the answer.' })
  responseExcerpt: string | null;

  @Field(() => String, { nullable: true })
  error: string | null;
}

@ObjectType('WebhookDelivery', { description: 'One event sent to one subscription, retried until done.' })
export class WebhookDeliveryModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  subscriptionId: string;

  @Field(() => ID, { description: 'Also the `webhook-id` header: the same on every attempt.' })
  eventId: string;

  @Field({ description: 'e.g. `voucher.booked`.' })
  eventType: string;

  @Field(() => Int)
  eventSequence: number;

  @Field({ description: '`pending`, `succeeded` or `failed`.' })
  status: string;

  @Field({ description: 'Asked for with a redelivery.' })
  isManual: boolean;

  @Field(() => Int)
  attemptCount: number;

  @Field(() => String, { nullable: true, description: 'ISO 8601 date-time.' })
  nextAttemptAt: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 8601 date-time.' })
  lastAttemptAt: string | null;

  @Field(() => String, { nullable: true, description: OUTCOME })
  lastOutcome: string | null;

  @Field(() => Int, { nullable: true })
  lastStatusCode: number | null;

  @Field({ description: 'ISO 8601 date-time.' })
  createdAt: string;

  @Field(() => String, { nullable: true, description: 'ISO 8601 date-time.' })
  completedAt: string | null;

  @Field(() => [WebhookDeliveryAttemptModel], {
    nullable: true,
    description: 'Every attempt, first first: on webhookDelivery; null in webhookDeliveries.',
  })
  attempts?: WebhookDeliveryAttemptModel[];
}

@ObjectType('WebhookDeliveryPage')
export class WebhookDeliveryPageModel {
  @Field(() => [WebhookDeliveryModel], { description: 'Newest first.' })
  data: WebhookDeliveryModel[];

  @Field(() => String, {
    nullable: true,
    description: 'Pass as `cursor` for the next page; null at the end.',
  })
  nextCursor: string | null;
}

@ObjectType('WebhookRedelivery')
export class WebhookRedeliveryModel {
  @Field(() => Int, {
    description: 'How many deliveries were queued (events in the range the subscription takes).',
  })
  queued: number;
}

@ObjectType('WebhookPing', { description: 'How the receiver answered a signed `webhook.ping`.' })
export class WebhookPingModel {
  @Field(() => ID, { description: 'The `webhook-id` sent.' })
  id: string;

  @Field({ description: OUTCOME })
  outcome: string;

  @Field(() => Int, { nullable: true })
  statusCode: number | null;

  @Field(() => Int)
  durationMs: number;

  @Field(() => String, { nullable: true })
  responseExcerpt: string | null;

  @Field(() => String, { nullable: true })
  error: string | null;
}
