import { Global, Module } from '@nestjs/common';
import { EventOutbox } from './event-outbox.js';
import { EventsController } from './events.controller.js';
import { EventsResolver } from './events.resolver.js';
import { EventsService } from './events.service.js';

// Global: every context that changes something publishes through the outbox.
@Global()
@Module({
  controllers: [EventsController],
  providers: [EventOutbox, EventsService, EventsResolver],
  exports: [EventOutbox],
})
export class EventsModule {}
