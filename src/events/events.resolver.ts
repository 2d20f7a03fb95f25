import { Args, Query, Resolver } from '@nestjs/graphql';
import { IdArgs, perPageComplexity, RequireScope, Tenant, type TenantContext } from '../common/index.js';
import { eventCatalogue } from './event-definition.js';
import { toEventModel, toEventPageModel, toEventTypeResponse } from './event.mapper.js';
import { EventsService } from './events.service.js';
import { EventsArgs } from './graphql/event.input.js';
import { EventModel, EventPageModel, EventTypeModel } from './graphql/event.model.js';

/** The event feed, from the same service as /v1/events; only events the token's scopes may read. */
@Resolver(() => EventModel)
export class EventsResolver {
  constructor(private readonly eventsService: EventsService) {}

  @Query(() => EventPageModel, {
    description:
      "The company's event feed in sequence order, from any point within retention; pass `nextCursor` as " +
      '`after` to continue (scope events:read).',
    complexity: perPageComplexity,
  })
  @RequireScope('events:read')
  async events(@Tenant() tenant: TenantContext, @Args() args: EventsArgs): Promise<EventPageModel> {
    return toEventPageModel(await this.eventsService.feed(tenant, args));
  }

  @Query(() => EventModel, { description: 'One event (scope events:read).' })
  @RequireScope('events:read')
  async event(@Tenant() tenant: TenantContext, @Args() { id }: IdArgs): Promise<EventModel> {
    return toEventModel(await this.eventsService.get(tenant, id));
  }

  @Query(() => [EventTypeModel], {
    description: 'Every event type, with the scope it needs and the schema of its data (scope events:read).',
  })
  @RequireScope('events:read')
  eventTypes(): EventTypeModel[] {
    return eventCatalogue().map(toEventTypeResponse);
  }
}
