export { IdempotencyModule } from './idempotency.module.js';
export { IdempotencyKey } from './idempotency-key.entity.js';
export { documentIdempotency } from './idempotency.openapi.js';
export { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAYED_HEADER } from './idempotency-key-header.js';
