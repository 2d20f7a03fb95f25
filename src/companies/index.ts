export { Company, type CompanyEnvironment } from './company.entity.js';
export { isValidOrganizationNumber } from './organization-number.js';
export { IsOrganizationNumber } from './is-organization-number.decorator.js';
export { CompaniesModule } from './companies.module.js';
export { CompaniesResolver } from './companies.resolver.js';
export { CompaniesService, type NewCompany } from './companies.service.js';
export { CompanySetup, type CompanySetupStep } from './company-setup.js';
