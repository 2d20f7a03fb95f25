export { RateLimitsModule } from './rate-limits.module.js';
export { RateLimitBucket } from './rate-limit-bucket.entity.js';
export { PublicRateLimit } from './public-rate-limit.decorator.js';
export { documentRateLimits } from './rate-limits.openapi.js';
export { RateLimitsService, type TenantCountPlan, type TenantAdmission } from './rate-limits.service.js';
export type { RateLimitTally } from './rate-limits.repository.js';
