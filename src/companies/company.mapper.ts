import type { Company } from './company.entity.js';
import type { CompanyResponseDto } from './dto/company.dto.js';

export function toCompanyResponse(company: Company): CompanyResponseDto {
  return {
    id: company.id,
    organizationNumber: company.organizationNumber,
    name: company.name,
    baseCurrency: company.baseCurrency,
    fiscalYearStartMonth: company.fiscalYearStartMonth,
    environment: company.environment,
    createdAt: company.createdAt.toISOString(),
    updatedAt: company.updatedAt.toISOString(),
    version: company.version,
  };
}
