import type { AuditEvent } from './audit-event.entity.js';
import type { AuditEventResponseDto } from './dto/audit-event-response.dto.js';

export function toAuditEventResponse(event: AuditEvent): AuditEventResponseDto {
  return {
    id: event.id,
    occurredAt: event.occurredAt.toISOString(),
    actor: {
      kind: event.actorKind,
      userId: event.actorUserId,
      clientId: event.actorClientId,
      apiKeyId: event.actorApiKeyId,
    },
    action: event.action,
    resourceType: event.resourceType,
    resourceId: event.resourceId,
    requestId: event.requestId,
    details: event.details as Record<string, unknown>,
  };
}
