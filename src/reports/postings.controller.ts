import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { stringify } from 'csv-stringify/sync';
import type { Response } from 'express';
import { once } from 'node:events';
import { ApiProblemResponses, RequireScope, Tenant, type TenantContext } from '../common/index.js';
import { ListPostingsQuery, PostingFilterQuery, PostingListResponseDto } from './dto/postings.dto.js';
import { CSV_COLUMNS, toLedgerPosting } from './postings.mapper.js';
import { PostingsService } from './postings.service.js';

@ApiTags('Ledger')
@Controller('postings')
export class PostingsController {
  constructor(private readonly postings: PostingsService) {}

  @Get()
  @RequireScope('ledger:read')
  @ApiOperation({
    operationId: 'listPostings',
    summary: 'Query postings by account, date, dimension, voucher, customer or supplier',
    description: 'In date order, then booking order. Each posting links to its voucher and attachments.',
  })
  @ApiOkResponse({ type: PostingListResponseDto })
  @ApiProblemResponses(400, 401, 403)
  async list(
    @Tenant() tenant: TenantContext,
    @Query() query: ListPostingsQuery,
  ): Promise<PostingListResponseDto> {
    const { limit, cursor, ...filter } = query;
    const page = await this.postings.list(tenant, filter, limit, cursor);
    return { data: page.data.map(toLedgerPosting), nextCursor: page.nextCursor };
  }

  @Get('export.csv')
  @RequireScope('ledger:read')
  @ApiOperation({
    operationId: 'exportPostingsCsv',
    summary: 'All matching postings as CSV, streamed (no row limit, constant memory)',
    description:
      'RFC 4180 CSV, UTF-8, comma-separated, amounts with a decimal point. One consistent snapshot.',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The CSV file.', schema: { type: 'string' } })
  @ApiProblemResponses(400, 401, 403)
  async export(
    @Tenant() tenant: TenantContext,
    @Query() filter: PostingFilterQuery,
    @Res() response: Response,
  ): Promise<void> {
    response.status(200).type('text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', 'attachment; filename="postings.csv"');
    response.write(stringify([CSV_COLUMNS.map(([name]) => name)]));
    try {
      await this.postings.export(tenant, { ...filter }, async (rows) => {
        // One write per batch, and backpressure: wait for the socket to drain rather than
        // buffer the whole ledger in memory.
        const chunk = stringify(rows.map((row) => CSV_COLUMNS.map(([, read]) => read(row))));
        if (!response.write(chunk)) await once(response, 'drain');
      });
      response.end();
    } catch (error) {
      // Once rows are on the wire no problem body can follow: cut the connection so the client
      // sees a failed download, never a silently short file.
      if (!response.headersSent) throw error;
      response.destroy(error as Error);
    }
  }
}
