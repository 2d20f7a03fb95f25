import { Query, Resolver } from '@nestjs/graphql';
import { RequireScope, Tenant, type TenantContext } from '../../common/index.js';
import { VatCodeModel } from './graphql/vat-code.model.js';
import { VatCodesService } from './vat-codes.service.js';

@Resolver(() => VatCodeModel)
export class VatCodesResolver {
  constructor(private readonly vatCodesService: VatCodesService) {}

  @Query(() => [VatCodeModel], { description: 'The VAT codes (scope vat:read).' })
  @RequireScope('vat:read')
  async vatCodes(@Tenant() tenant: TenantContext): Promise<VatCodeModel[]> {
    return this.vatCodesService.list(tenant);
  }
}
