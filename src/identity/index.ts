export { User } from './user.entity.js';
export { Membership, MEMBERSHIP_ROLES, type MembershipRole } from './membership.entity.js';
export { AccountingFirmEngagement } from './accounting-firms/accounting-firm-engagement.entity.js';
export { ROLE_SCOPES } from './role-scopes.js';
export { IdentityModule } from './identity.module.js';
export { SignUpService } from './sign-up.service.js';
export { hashPassword, verifyPassword } from './password-hasher.js';
