import { Query, Resolver } from '@nestjs/graphql';
import { RequireScope, Tenant, type TenantContext } from '../common/index.js';
import { CompaniesService } from './companies.service.js';
import { toCompanyResponse } from './company.mapper.js';
import { CompanyModel } from './graphql/company.model.js';

@Resolver(() => CompanyModel)
export class CompaniesResolver {
  constructor(private readonly companies: CompaniesService) {}

  @Query(() => CompanyModel, { description: 'The company the request acts on (scope company:read).' })
  @RequireScope('company:read')
  async company(@Tenant() tenant: TenantContext): Promise<CompanyModel> {
    return toCompanyResponse(await this.companies.get(tenant));
  }
}
