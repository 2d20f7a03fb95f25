import { Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor, PAGE_DEFAULT, type Page, type TenantContext } from '../common/index.js';
import { Database } from '../database/index.js';
import {
  fetchPostings,
  postingsCsvQuery,
  type PostingFilter,
  type PostingPosition,
  type PostingRow,
} from './postings-query.js';

/** Rows per round trip of the general ledger's export: big enough to stream fast, small enough to hold little. */
export const EXPORT_BATCH = 5000;

/** The postings query: filtered, in date order, cursor-paged or streamed whole. */
@Injectable()
export class PostingsService {
  constructor(private readonly db: Database) {}

  list(
    tenant: TenantContext,
    filter: PostingFilter,
    limit = PAGE_DEFAULT,
    cursor?: string,
  ): Promise<Page<PostingRow>> {
    return this.db.transaction({ companyId: tenant.companyId }, async (tx) => {
      const rows = await fetchPostings(tx, tenant.companyId, filter, positionOf(cursor), limit + 1);
      const data = rows.slice(0, limit);
      const last = data.at(-1);
      return {
        data,
        nextCursor: rows.length > limit && last ? encodeCursor([last.posting_date, last.id]) : null,
      };
    });
  }

  /**
   * Every matching posting as CSV rows, formatted by PostgreSQL (COPY, one statement, so one
   * consistent snapshot) and handed to `sink` as the bytes arrive; the sink's pace is the
   * database's (backpressure), so memory stays flat whatever the number of rows.
   */
  exportCsv(
    tenant: TenantContext,
    filter: PostingFilter,
    sink: (chunks: AsyncIterable<Buffer>) => Promise<void>,
  ): Promise<void> {
    return this.db.transaction({ companyId: tenant.companyId }, async (tx) => {
      const { sql, values } = postingsCsvQuery(tenant.companyId, filter);
      await sink(this.db.copyTo(tx, sql, values, 'FORMAT csv'));
    });
  }
}

export function positionOf(cursor: string | undefined): PostingPosition | undefined {
  const key = cursor ? decodeCursor(cursor) : undefined;
  if (!key || typeof key[0] !== 'string' || typeof key[1] !== 'string') return undefined;
  return { date: key[0], id: key[1] };
}
