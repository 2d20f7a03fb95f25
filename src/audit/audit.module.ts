import { Module } from '@nestjs/common';
import { AuditEventsController } from './audit-events.controller.js';
import { AuditEventsService } from './audit-events.service.js';
import { AuditLog } from './audit-log.js';

// Depends on common/ and database/ only, so any context that writes can import it without
// a cycle.
@Module({
  controllers: [AuditEventsController],
  providers: [AuditLog, AuditEventsService],
  exports: [AuditLog],
})
export class AuditModule {}
