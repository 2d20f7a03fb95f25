import { Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor, PAGE_DEFAULT, type Page, type TenantContext } from '../common/index.js';
import { Database } from '../database/index.js';
import {
  fetchPostings,
  type PostingFilter,
  type PostingPosition,
  type PostingRow,
} from './postings-query.js';

/** Rows per round trip of an export: big enough to stream fast, small enough to hold little. */
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
   * Every matching posting, batch by batch, in one snapshot (REPEATABLE READ), so an export is
   * consistent however long it takes; `write` may wait (backpressure) before the next batch.
   */
  export(
    tenant: TenantContext,
    filter: PostingFilter,
    write: (rows: PostingRow[]) => Promise<void>,
  ): Promise<number> {
    return this.db.transaction(
      { companyId: tenant.companyId },
      async (tx) => {
        let after: PostingPosition | undefined;
        let total = 0;
        for (;;) {
          const rows = await fetchPostings(tx, tenant.companyId, filter, after, EXPORT_BATCH);
          if (rows.length > 0) await write(rows);
          total += rows.length;
          if (rows.length < EXPORT_BATCH) return total;
          const last = rows.at(-1)!;
          after = { date: last.posting_date, id: last.id };
        }
      },
      { repeatableRead: true },
    );
  }
}

export function positionOf(cursor: string | undefined): PostingPosition | undefined {
  const key = cursor ? decodeCursor(cursor) : undefined;
  if (!key || typeof key[0] !== 'string' || typeof key[1] !== 'string') return undefined;
  return { date: key[0], id: key[1] };
}
