import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { newId } from '../common/index.js';
import { AuditEvent, type AuditActorKind } from './audit-event.entity.js';

/** Who did it. A TenantContext's actor fits; `system` is for work no caller asked for. */
export interface AuditActor {
  kind: AuditActorKind;
  userId?: string;
  clientId?: string;
  apiKeyId?: string;
}

/** The part of a TenantContext the log needs; sign-up, which has no tenant yet, builds one. */
export interface AuditContext {
  companyId: string;
  actor: AuditActor;
  requestId?: string | null;
}

export interface AuditEntry {
  /** `<resource>.<past-tense verb>`, e.g. `api_key.created`. */
  action: `${string}.${string}`;
  resourceType: string;
  resourceId: string;
  /** What changed, for a reader. Never a secret or a hash of one. */
  details?: Record<string, unknown>;
}

/**
 * Records writes in the audit log. Call it inside the write's own transaction: the row is
 * committed with the write or rolled back with it, so the log never claims a failed write.
 */
@Injectable()
export class AuditLog {
  async record(tx: EntityManager, context: AuditContext, entry: AuditEntry): Promise<void> {
    await this.recordMany(tx, context, [entry]);
  }

  /** Many entries in one statement, e.g. one per voucher of a batch. */
  async recordMany(tx: EntityManager, context: AuditContext, entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await tx.getRepository(AuditEvent).insert(entries.map((entry) => auditRow(context, entry)));
  }
}

/**
 * The audit_events row of an entry, for a hot path that writes it within a statement of its own
 * (booking a voucher), still in the write's transaction; everything else calls AuditLog.
 */
export function auditRow(context: AuditContext, entry: AuditEntry) {
  return {
    companyId: context.companyId,
    id: newId(),
    actorKind: context.actor.kind,
    actorUserId: context.actor.userId ?? null,
    actorClientId: context.actor.clientId ?? null,
    actorApiKeyId: context.actor.apiKeyId ?? null,
    action: entry.action,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId,
    requestId: context.requestId ?? null,
    details: entry.details ?? {},
  };
}
