export { AuditEvent, type AuditActorKind } from './audit-event.entity.js';
export { AuditModule } from './audit.module.js';
export { AuditLog, auditRow, type AuditActor, type AuditContext, type AuditEntry } from './audit-log.js';
