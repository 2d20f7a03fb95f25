import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { IdempotencyInterceptor } from './idempotency.interceptor.js';
import { IdempotencyRepository } from './idempotency.repository.js';
import { IdempotencyService } from './idempotency.service.js';

// Global interceptors run in the order their modules are registered: list this module after
// RateLimitsModule (see FEATURE_MODULES), and let no module that comes earlier import it.
// TODO(issue 5): expired records are ignored and replaced on lookup but never deleted; a
// scheduled sweep (DELETE ... WHERE expires_at < now(), with an index on expires_at) comes with
// the job queue.
@Module({
  providers: [
    IdempotencyRepository,
    IdempotencyService,
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  ],
})
export class IdempotencyModule {}
