import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses, RequireScope, Tenant, type TenantContext } from '../../common/index.js';
import { VatCodeListResponseDto, VatCodeParam, VatCodeResponseDto } from './dto/vat-code.dto.js';
import { VatCodesService } from './vat-codes.service.js';

@ApiTags('VAT codes')
@Controller('vat-codes')
export class VatCodesController {
  constructor(private readonly vatCodes: VatCodesService) {}

  @Get()
  @RequireScope('vat:read')
  @ApiOperation({ operationId: 'listVatCodes', summary: 'List the VAT codes (SAF-T standard tax codes)' })
  @ApiOkResponse({ type: VatCodeListResponseDto })
  @ApiProblemResponses(401, 403)
  async list(@Tenant() tenant: TenantContext): Promise<VatCodeListResponseDto> {
    return { data: await this.vatCodes.list(tenant), nextCursor: null };
  }

  @Get(':code')
  @RequireScope('vat:read')
  @ApiOperation({ operationId: 'getVatCode', summary: 'Get one VAT code with its rates and accounts' })
  @ApiOkResponse({ type: VatCodeResponseDto })
  @ApiProblemResponses(400, 401, 403, 404)
  async get(@Tenant() tenant: TenantContext, @Param() { code }: VatCodeParam): Promise<VatCodeResponseDto> {
    return this.vatCodes.get(tenant, code);
  }
}
