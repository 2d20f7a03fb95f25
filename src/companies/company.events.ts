import { defineEvent } from '../events/index.js';
import { CompanyResponseDto } from './dto/company.dto.js';

export const COMPANY_UPDATED = defineEvent({
  type: 'company.updated',
  payload: CompanyResponseDto,
  scope: 'company:read',
  summary: "The company's details (name, fiscal year start) were changed.",
});
