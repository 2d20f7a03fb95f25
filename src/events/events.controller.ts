import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses, IdParam, RequireScope, Tenant, type TenantContext } from '../common/index.js';
import {
  EventFeedQuery,
  EventFeedResponseDto,
  EventResponseDto,
  EventTypeListResponseDto,
} from './dto/event-response.dto.js';
import { eventCatalogue } from './event-definition.js';
import { toEventTypeResponse } from './event.mapper.js';
import { EventsService } from './events.service.js';

@ApiTags('Events')
@Controller()
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Get('events')
  @RequireScope('events:read')
  @ApiOperation({
    operationId: 'listEvents',
    summary: "Read the company's event feed, in order, from any point within retention",
    description:
      'Every change in the company, as an event carrying the whole resource, numbered 1, 2, 3, ... per company ' +
      'without gaps. Pass the `nextCursor` (or the last `sequence` you handled) as `after` to continue; an empty ' +
      'page means you are up to date. Only events of resources your scopes may read are shown. The same events ' +
      'go to webhook subscriptions; the feed is how to catch up after downtime, with no limit on look-back within ' +
      'the retention (90 days by default).',
  })
  @ApiOkResponse({ type: EventFeedResponseDto })
  @ApiProblemResponses(400, 401, 403)
  feed(@Tenant() tenant: TenantContext, @Query() query: EventFeedQuery): Promise<EventFeedResponseDto> {
    return this.events.feed(tenant, query);
  }

  @Get('events/:id')
  @RequireScope('events:read')
  @ApiOperation({ operationId: 'getEvent', summary: 'Get one event' })
  @ApiOkResponse({ type: EventResponseDto })
  @ApiProblemResponses(400, 401, 403, 404)
  get(@Tenant() tenant: TenantContext, @Param() { id }: IdParam): Promise<EventResponseDto> {
    return this.events.get(tenant, id);
  }

  @Get('event-types')
  @RequireScope('events:read')
  @ApiOperation({
    operationId: 'listEventTypes',
    summary: 'List every event type, with the scope it needs and the schema of its data',
  })
  @ApiOkResponse({ type: EventTypeListResponseDto })
  @ApiProblemResponses(401, 403)
  types(): EventTypeListResponseDto {
    return { data: eventCatalogue().map(toEventTypeResponse), nextCursor: null };
  }
}
