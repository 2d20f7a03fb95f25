export { AuthModule } from './auth.module.js';
export { COMPANY_HEADER } from './company-choice.js';
