export { User } from './user.entity.js';
export { Membership, MEMBERSHIP_ROLES, type MembershipRole } from './membership.entity.js';
