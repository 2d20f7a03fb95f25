import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  ApiProblemResponses,
  RequireScope,
  streamCsvText,
  Tenant,
  type TenantContext,
} from '../common/index.js';
import { ListPostingsQuery, PostingFilterQuery, PostingListResponseDto } from './dto/postings.dto.js';
import { toLedgerPosting } from './postings.mapper.js';
import { POSTINGS_CSV_HEADER } from './postings-query.js';
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
      'RFC 4180 CSV, UTF-8, comma-separated, LF line ends, amounts with a decimal point. One consistent snapshot, formatted by the database and streamed.',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The CSV file.', schema: { type: 'string' } })
  @ApiProblemResponses(400, 401, 403)
  async export(
    @Tenant() tenant: TenantContext,
    @Query() filter: PostingFilterQuery,
    @Res() response: Response,
  ): Promise<void> {
    await streamCsvText(response, 'postings.csv', POSTINGS_CSV_HEADER, (write) =>
      this.postings.exportCsv(tenant, { ...filter }, async (chunks) => {
        for await (const chunk of chunks) await write(chunk);
      }),
    );
  }
}
