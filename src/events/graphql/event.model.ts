import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Event', {
  description: 'One change in the company, carrying the whole resource (REST `GET /v1/events/{id}`).',
})
export class EventModel {
  @Field(() => ID, { description: 'Also the `webhook-id` of its deliveries: deduplicate on it.' })
  id: string;

  @Field({ description: '`<resource>.<past-tense verb>`, e.g. `voucher.booked` (see eventTypes).' })
  type: string;

  @Field({ description: 'ISO 8601 date-time when the change was made (its transaction began).' })
  timestamp: string;

  @Field(() => ID)
  companyId: string;

  @Field(() => Int, {
    description:
      "The event's place in the company's stream: 1, 2, 3, ... without gaps. Resume after the last one handled.",
  })
  sequence: number;

  // GraphQL has no JSON scalar here (and we add no dependency for one): REST's `data` object
  // is sent as its JSON text, the same bytes a webhook body carries.
  @Field({
    description:
      "REST's and the webhook body's `data` as JSON text (parse it): the resource as the API returns it, " +
      'of the schema eventTypes names for this type.',
  })
  dataJson: string;
}

@ObjectType('EventPage')
export class EventPageModel {
  @Field(() => [EventModel], { description: 'In sequence order.' })
  data: EventModel[];

  @Field({
    description:
      'Where to continue: pass it as `after` next time. Never null, also when the page is empty, so a ' +
      'consumer can keep polling from it.',
  })
  nextCursor: string;

  @Field({ description: 'More events are there now: ask again at once.' })
  hasMore: boolean;
}

@ObjectType('EventType', { description: 'One kind of event, with the scope needed to see it.' })
export class EventTypeModel {
  @Field({ description: 'e.g. `voucher.booked`.' })
  type: string;

  @Field()
  summary: string;

  @Field({ description: 'The scope needed to see events of this type, e.g. `vouchers:read`.' })
  scope: string;

  @Field({ description: 'The schema of `data` in the OpenAPI description, e.g. `VoucherResponseDto`.' })
  schema: string;
}
