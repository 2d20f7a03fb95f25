import { ArgsType, Field, Int } from '@nestjs/graphql';
import { EventFeedQuery } from '../dto/event-response.dto.js';

// The REST query with its fields declared for GraphQL: the validation rules are inherited.

@ArgsType()
export class EventsArgs extends EventFeedQuery {
  @Field({
    nullable: true,
    description:
      'The `sequence` of the last event handled (or a `nextCursor`); events after it are returned. 0 or left ' +
      'out: from the oldest event kept.',
  })
  override after?: string;

  @Field(() => Int, { nullable: true, description: 'Events per page (1-1000, default 100).' })
  override limit?: number;

  @Field(() => [String], { nullable: true, description: 'Only these event types, e.g. `voucher.booked`.' })
  override types?: string[];
}
