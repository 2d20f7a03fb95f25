export { RateLimitsModule } from './rate-limits.module.js';
export { RateLimitBucket } from './rate-limit-bucket.entity.js';
export { PublicRateLimit } from './public-rate-limit.decorator.js';
export { documentRateLimits } from './rate-limits.openapi.js';
