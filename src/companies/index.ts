export { Company, type CompanyEnvironment } from './company.entity.js';
export { isValidOrganizationNumber } from './organization-number.js';
