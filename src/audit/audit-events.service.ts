import { Injectable } from '@nestjs/common';
import type { TenantContext } from '../common/index.js';
import { Database } from '../database/index.js';
import { decodeAuditCursor, encodeAuditCursor } from './audit-cursor.js';
import { AuditEvent } from './audit-event.entity.js';
import { AUDIT_PAGE_DEFAULT, type ListAuditEventsQuery } from './dto/list-audit-events.dto.js';

export interface AuditEventPage {
  events: AuditEvent[];
  nextCursor: string | null;
}

/** Reading the audit log. Writing goes through AuditLog, inside each write's transaction. */
@Injectable()
export class AuditEventsService {
  constructor(private readonly db: Database) {}

  list(tenant: TenantContext, query: ListAuditEventsQuery): Promise<AuditEventPage> {
    const limit = query.limit ?? AUDIT_PAGE_DEFAULT;
    return this.db.transaction({ companyId: tenant.companyId }, async (tx) => {
      const builder = tx
        .getRepository(AuditEvent)
        .createQueryBuilder('event')
        .where('event.companyId = :companyId', { companyId: tenant.companyId })
        .orderBy('event.occurredAt', 'DESC')
        .addOrderBy('event.id', 'DESC')
        // One more than asked for tells whether another page follows.
        .limit(limit + 1);
      if (query.action) builder.andWhere('event.action = :action', { action: query.action });
      if (query.resourceType) {
        builder.andWhere('event.resourceType = :resourceType', { resourceType: query.resourceType });
      }
      if (query.resourceId)
        builder.andWhere('event.resourceId = :resourceId', { resourceId: query.resourceId });
      if (query.from) builder.andWhere('event.occurredAt >= :from', { from: new Date(query.from) });
      if (query.to) builder.andWhere('event.occurredAt < :to', { to: new Date(query.to) });
      const cursor = query.cursor ? decodeAuditCursor(query.cursor) : undefined;
      if (cursor) {
        builder.andWhere('(event.occurredAt, event.id) < (:cursorAt, :cursorId)', {
          cursorAt: cursor.occurredAt,
          cursorId: cursor.id,
        });
      }
      const rows = await builder.getMany();
      const events = rows.slice(0, limit);
      const last = events.at(-1);
      return { events, nextCursor: rows.length > limit && last ? encodeAuditCursor(last) : null };
    });
  }
}
