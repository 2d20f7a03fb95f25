import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses, RequireScope, Tenant, type TenantContext } from '../common/index.js';
import { toAuditEventResponse } from './audit-event.mapper.js';
import { AuditEventsService } from './audit-events.service.js';
import { AuditEventListResponseDto } from './dto/audit-event-response.dto.js';
import { ListAuditEventsQuery } from './dto/list-audit-events.dto.js';

// Read only, by design: the log has no update or delete operation, and the database role
// could not carry one out anyway.
@ApiTags('Audit log')
@Controller('audit-events')
export class AuditEventsController {
  constructor(private readonly events: AuditEventsService) {}

  @Get()
  @RequireScope('audit:read')
  @ApiOperation({
    operationId: 'listAuditEvents',
    summary: "List the company's audit log, newest first",
    description:
      'Every write (who, what, when, under which request id). Page with `limit` and the `nextCursor` ' +
      'of the previous page; narrow with `action`, `resourceType`, `resourceId`, `from` and `to`.',
  })
  @ApiOkResponse({ type: AuditEventListResponseDto, description: 'One page of events, newest first.' })
  @ApiProblemResponses(400, 401, 403)
  async list(
    @Tenant() tenant: TenantContext,
    @Query() query: ListAuditEventsQuery,
  ): Promise<AuditEventListResponseDto> {
    const page = await this.events.list(tenant, query);
    return { data: page.events.map(toAuditEventResponse), nextCursor: page.nextCursor };
  }
}
