import {
  Body,
  Controller,
  Get,
  Headers,
  HttpStatus,
  Param,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import {
  ApiProblemResponses,
  IdParam,
  RequireScope,
  Tenant,
  type TenantContext,
} from '../../common/index.js';
import { ATTACHMENT_CONTENT_TYPES, baseMediaType } from './attachment-content.js';
import { toAttachmentResponse } from './attachment.mapper.js';
import {
  AttachmentListResponseDto,
  AttachmentResponseDto,
  UploadAttachmentQuery,
} from './dto/attachment.dto.js';
import { VoucherAttachmentsService } from './voucher-attachments.service.js';

@ApiTags('Vouchers')
@Controller()
export class VoucherAttachmentsController {
  constructor(private readonly attachments: VoucherAttachmentsService) {}

  @Post('vouchers/:id/attachments')
  @RequireScope('vouchers:write')
  @ApiOperation({
    operationId: 'addVoucherAttachment',
    summary: 'Attach a source document (PDF, PNG, JPEG, TIFF) to a voucher',
    description:
      'Send the file itself as the body with its Content-Type. Booked vouchers take attachments too; an ' +
      'attachment is never changed or removed. The same file again answers 200 with the stored one.',
  })
  @ApiConsumes(...ATTACHMENT_CONTENT_TYPES)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiCreatedResponse({ type: AttachmentResponseDto, description: 'Stored.' })
  @ApiOkResponse({ type: AttachmentResponseDto, description: 'The same file was attached already.' })
  @ApiProblemResponses(400, 401, 403, 404, 413, 415)
  async add(
    @Tenant() tenant: TenantContext,
    @Param() { id }: IdParam,
    @Query() query: UploadAttachmentQuery,
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AttachmentResponseDto> {
    const content = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
    const upload = { fileName: query.fileName, contentType: baseMediaType(contentType), content };
    const { attachment, created } = await this.attachments.add(tenant, id, upload);
    if (!created) response.status(HttpStatus.OK);
    return toAttachmentResponse(attachment);
  }

  @Get('vouchers/:id/attachments')
  @RequireScope('vouchers:read')
  @ApiOperation({ operationId: 'listVoucherAttachments', summary: "List a voucher's attachments" })
  @ApiOkResponse({ type: AttachmentListResponseDto })
  @ApiProblemResponses(400, 401, 403, 404)
  async list(@Tenant() tenant: TenantContext, @Param() { id }: IdParam): Promise<AttachmentListResponseDto> {
    return { data: (await this.attachments.list(tenant, id)).map(toAttachmentResponse), nextCursor: null };
  }

  @Get('attachments/:id')
  @RequireScope('vouchers:read')
  @ApiOperation({ operationId: 'getAttachment', summary: 'Get an attachment (its details, not the file)' })
  @ApiOkResponse({ type: AttachmentResponseDto })
  @ApiProblemResponses(400, 401, 403, 404)
  async get(@Tenant() tenant: TenantContext, @Param() { id }: IdParam): Promise<AttachmentResponseDto> {
    return toAttachmentResponse(await this.attachments.get(tenant, id));
  }

  @Get('attachments/:id/content')
  @RequireScope('vouchers:read')
  @ApiOperation({
    operationId: 'downloadAttachment',
    summary: 'Download the attached file as it was uploaded',
  })
  @ApiProduces(...ATTACHMENT_CONTENT_TYPES)
  @ApiOkResponse({ description: 'The file.', schema: { type: 'string', format: 'binary' } })
  @ApiProblemResponses(400, 401, 403, 404)
  async content(
    @Tenant() tenant: TenantContext,
    @Param() { id }: IdParam,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const { attachment, content } = await this.attachments.content(tenant, id);
    response.setHeader('ETag', `"${attachment.sha256}"`);
    // Served as a download with a fixed type and no sniffing: never rendered in our origin.
    response.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(content, {
      type: attachment.contentType,
      disposition: `attachment; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`,
      length: content.length,
    });
  }
}
