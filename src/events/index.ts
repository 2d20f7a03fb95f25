export { DomainEvent, EventStream } from './event.entity.js';
export {
  defineEvent,
  eventCatalogue,
  findEventDefinition,
  type EventDefinition,
} from './event-definition.js';
export { EventOutbox, eventRow, type EventRow } from './event-outbox.js';
export { EventsModule } from './events.module.js';
export { EventsResolver } from './events.resolver.js';
export { documentWebhooks, eventSchemaName } from './event-openapi.js';
