import type {
  EventFeedResponseDto,
  EventResponseDto,
  EventTypeResponseDto,
} from './dto/event-response.dto.js';
import type { EventDefinition } from './event-definition.js';
import type { EventModel, EventPageModel } from './graphql/event.model.js';

export function toEventTypeResponse(definition: EventDefinition): EventTypeResponseDto {
  return {
    type: definition.type,
    summary: definition.summary,
    scope: definition.scope,
    schema: definition.payload.name,
  };
}

export function toEventModel({ data, ...event }: EventResponseDto): EventModel {
  return { ...event, dataJson: JSON.stringify(data) };
}

export function toEventPageModel(page: EventFeedResponseDto): EventPageModel {
  return { data: page.data.map(toEventModel), nextCursor: page.nextCursor, hasMore: page.hasMore };
}
