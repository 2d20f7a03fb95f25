import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Response } from 'express';
import {
  ApiProblemResponses,
  IdParam,
  IfMatch,
  RequireScope,
  Tenant,
  type TenantContext,
} from '../common/index.js';
import {
  BookVoucherBatchDto,
  CreateVoucherDto,
  CreateVoucherQuery,
  ReverseVoucherDto,
  UpdateDraftVoucherDto,
} from './dto/create-voucher.dto.js';
import { ListVouchersQuery } from './dto/list-vouchers.dto.js';
import {
  VoucherBatchResponseDto,
  VoucherListResponseDto,
  VoucherPreviewResponseDto,
  VoucherResponseDto,
} from './dto/voucher-response.dto.js';
import { toVoucherInput } from './voucher-input.js';
import { toVoucherPreviewResponse, toVoucherResponse } from './voucher.mapper.js';
import { BookVoucherBatch } from './use-cases/book-voucher-batch.js';
import { VouchersService } from './vouchers.service.js';

@ApiTags('Vouchers')
@ApiExtraModels(VoucherPreviewResponseDto)
@Controller('vouchers')
export class VouchersController {
  constructor(
    private readonly vouchers: VouchersService,
    private readonly batch: BookVoucherBatch,
  ) {}

  @Post()
  @RequireScope('vouchers:write')
  @ApiOperation({
    operationId: 'createVoucher',
    summary: 'Book a voucher (or save a draft, or dry-run it)',
    description:
      'Booking checks every rule, generates the VAT lines, gives the next gapless number in the series and ' +
      'fiscal year, and writes the postings; from then on the voucher never changes. With `dryRun=true` the ' +
      'answer is 200 with what booking would write, and nothing is stored.',
  })
  @ApiCreatedResponse({ type: VoucherResponseDto, description: 'Booked (or saved as a draft).' })
  @ApiOkResponse({
    description: 'Dry run: what booking would write.',
    schema: { $ref: getSchemaPath(VoucherPreviewResponseDto) },
  })
  @ApiProblemResponses(400, 401, 403, 422)
  async create(
    @Tenant() tenant: TenantContext,
    @Query() query: CreateVoucherQuery,
    @Body() body: CreateVoucherDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<VoucherResponseDto | VoucherPreviewResponseDto> {
    if (query.dryRun) {
      response.status(HttpStatus.OK);
      return toVoucherPreviewResponse(await this.vouchers.preview(tenant, toVoucherInput(body)));
    }
    return toVoucherResponse(
      await this.vouchers.create(tenant, toVoucherInput(body), body.status ?? 'booked'),
    );
  }

  @Post('batch')
  @RequireScope('vouchers:write')
  @ApiOperation({
    operationId: 'bookVoucherBatch',
    summary: 'Book up to 1,000 vouchers in one request, all or nothing',
    description:
      'One transaction: either every voucher is booked, numbered in request order within its series, or none ' +
      'is and the 422 problem lists every broken rule with a pointer such as `/vouchers/3/postings/1/amount`.',
  })
  @ApiCreatedResponse({ type: VoucherBatchResponseDto, description: 'All booked; one result per voucher.' })
  @ApiProblemResponses(400, 401, 403, 413, 422)
  async bookBatch(
    @Tenant() tenant: TenantContext,
    @Body() body: BookVoucherBatchDto,
  ): Promise<VoucherBatchResponseDto> {
    return { data: await this.batch.execute(tenant, body.vouchers.map(toVoucherInput)) };
  }

  @Get()
  @RequireScope('vouchers:read')
  @ApiOperation({
    operationId: 'listVouchers',
    summary: 'List vouchers, newest date first, with their postings',
  })
  @ApiOkResponse({ type: VoucherListResponseDto })
  @ApiProblemResponses(400, 401, 403)
  async list(
    @Tenant() tenant: TenantContext,
    @Query() query: ListVouchersQuery,
  ): Promise<VoucherListResponseDto> {
    const page = await this.vouchers.list(tenant, query);
    return { data: page.data.map(toVoucherResponse), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @RequireScope('vouchers:read')
  @ApiOperation({ operationId: 'getVoucher', summary: 'Get one voucher with its postings' })
  @ApiOkResponse({ type: VoucherResponseDto })
  @ApiProblemResponses(400, 401, 403, 404)
  async get(@Tenant() tenant: TenantContext, @Param() { id }: IdParam): Promise<VoucherResponseDto> {
    return toVoucherResponse(await this.vouchers.get(tenant, id));
  }

  @Put(':id')
  @RequireScope('vouchers:write')
  @ApiOperation({
    operationId: 'updateDraftVoucher',
    summary: 'Replace a draft voucher (booked ones never change)',
  })
  @ApiOkResponse({ type: VoucherResponseDto })
  @ApiProblemResponses(400, 401, 403, 404, 409, 412)
  async update(
    @Tenant() tenant: TenantContext,
    @Param() { id }: IdParam,
    @Body() body: UpdateDraftVoucherDto,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<VoucherResponseDto> {
    return toVoucherResponse(
      await this.vouchers.updateDraft(tenant, id, toVoucherInput(body), expectedVersion),
    );
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequireScope('vouchers:write')
  @ApiOperation({
    operationId: 'deleteDraftVoucher',
    summary: 'Delete a draft voucher (booked ones are reversed)',
  })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiProblemResponses(400, 401, 403, 404, 409, 412)
  async delete(
    @Tenant() tenant: TenantContext,
    @Param() { id }: IdParam,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<void> {
    await this.vouchers.deleteDraft(tenant, id, expectedVersion);
  }

  @Post(':id/book')
  @HttpCode(HttpStatus.OK)
  @RequireScope('vouchers:write')
  @ApiOperation({ operationId: 'bookVoucher', summary: 'Book a draft voucher: number it and post it' })
  @ApiOkResponse({ type: VoucherResponseDto })
  @ApiProblemResponses(400, 401, 403, 404, 409, 412, 422)
  async book(
    @Tenant() tenant: TenantContext,
    @Param() { id }: IdParam,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<VoucherResponseDto> {
    return toVoucherResponse(await this.vouchers.book(tenant, id, expectedVersion));
  }

  @Post(':id/reverse')
  @RequireScope('vouchers:write')
  @ApiOperation({
    operationId: 'reverseVoucher',
    summary: 'Reverse a booked voucher with a linked voucher of opposite postings',
  })
  @ApiCreatedResponse({ type: VoucherResponseDto, description: 'The reversing voucher.' })
  @ApiProblemResponses(400, 401, 403, 404, 409, 422)
  async reverse(
    @Tenant() tenant: TenantContext,
    @Param() { id }: IdParam,
    @Body() body: ReverseVoucherDto,
  ): Promise<VoucherResponseDto> {
    return toVoucherResponse(await this.vouchers.reverse(tenant, id, body));
  }
}
