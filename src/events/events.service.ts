import { Injectable } from '@nestjs/common';
import { NotFoundError, type TenantContext } from '../common/index.js';
import { Database } from '../database/index.js';
import type { EventFeedResponseDto, EventResponseDto } from './dto/event-response.dto.js';

interface EventRecord {
  id: string;
  type: string;
  occurred_at: Date;
  company_id: string;
  sequence: string;
  data: object;
}

export function toEventResponse(row: EventRecord): EventResponseDto {
  return {
    id: row.id,
    type: row.type,
    timestamp: row.occurred_at.toISOString(),
    companyId: row.company_id,
    sequence: Number(row.sequence),
    data: row.data,
  };
}

const COLUMNS = 'id, type, occurred_at, company_id, sequence, data';

/**
 * The event feed: a company's numbered events in order, only of the types the caller's scopes
 * may read. Events still waiting for their number (milliseconds after commit) are not shown yet,
 * so a consumer that resumes after the last sequence it saw never skips one.
 */
@Injectable()
export class EventsService {
  constructor(private readonly db: Database) {}

  async feed(
    tenant: TenantContext,
    query: { after?: string; limit?: number; types?: string[] },
  ): Promise<EventFeedResponseDto> {
    const after = query.after ?? '0';
    const limit = query.limit ?? 100;
    const rows = await this.db.statement<EventRecord>(
      { companyId: tenant.companyId },
      `SELECT ${COLUMNS} FROM events
        WHERE company_id = $1 AND sequence > $2::bigint AND scope = ANY ($3::text[])
          AND ($4::text[] IS NULL OR type = ANY ($4::text[]))
        ORDER BY sequence LIMIT $5`,
      [tenant.companyId, after, [...tenant.scopes], query.types ?? null, limit + 1],
    );
    const data = rows.slice(0, limit).map(toEventResponse);
    return {
      data,
      nextCursor: data.length > 0 ? String(data[data.length - 1].sequence) : after,
      hasMore: rows.length > limit,
    };
  }

  async get(tenant: TenantContext, id: string): Promise<EventResponseDto> {
    const [row] = await this.db.statement<EventRecord>(
      { companyId: tenant.companyId },
      `SELECT ${COLUMNS} FROM events
        WHERE company_id = $1 AND id = $2 AND sequence IS NOT NULL AND scope = ANY ($3::text[])`,
      [tenant.companyId, id, [...tenant.scopes]],
    );
    if (!row) throw new NotFoundError('event', id);
    return toEventResponse(row);
  }
}
