import { ArgsType, Field, ID, Int, registerEnumType } from '@nestjs/graphql';
import { applyDecorators } from '@nestjs/common';
import { IsUUID } from 'class-validator';
import { IdArgs } from '../../common/index.js';
import { ListWebhookDeliveriesQuery, RedeliverEventsDto } from '../dto/webhook-delivery.dto.js';

// The REST DTOs with their fields declared for GraphQL: the validation rules are inherited.
// REST's path parameters (`/webhook-subscriptions/{id}/...`) are the arguments subscriptionId and id.

export enum WebhookDeliveryStatusValue {
  pending = 'pending',
  succeeded = 'succeeded',
  failed = 'failed',
}
registerEnumType(WebhookDeliveryStatusValue, { name: 'WebhookDeliveryStatus' });

const UUID_MESSAGE = 'must be a UUID, e.g. 0193a0b1-c2d3-7e4f-8a9b-0c1d2e3f4a5b';

const UuidField = (description?: string) =>
  applyDecorators(
    Field(() => ID, { description }),
    IsUUID('all', { message: UUID_MESSAGE }),
  );

@ArgsType()
export class WebhookDeliveriesArgs extends ListWebhookDeliveriesQuery {
  @UuidField('The subscription whose delivery log to read.')
  subscriptionId: string;

  @Field(() => Int, { nullable: true, description: 'Items per page (1-1000, default 100).' })
  override limit?: number;

  @Field({ nullable: true, description: 'The `nextCursor` of the previous page.' })
  override cursor?: string;

  @Field(() => WebhookDeliveryStatusValue, { nullable: true })
  override status?: 'pending' | 'succeeded' | 'failed';
}

@ArgsType()
export class WebhookDeliveryArgs extends IdArgs {
  @UuidField()
  subscriptionId: string;
}

@ArgsType()
export class RedeliverWebhookEventArgs {
  @UuidField()
  subscriptionId: string;

  @UuidField('The event to send again, with the same `webhook-id`.')
  eventId: string;
}

@ArgsType()
export class RedeliverWebhookEventsArgs extends RedeliverEventsDto {
  @UuidField()
  subscriptionId: string;

  @Field(() => Int, { description: 'The first event to send again, by its `sequence` in the feed.' })
  override fromSequence: number;

  @Field(() => Int, { description: 'The last one (at most 10,000 events per request).' })
  override toSequence: number;
}
