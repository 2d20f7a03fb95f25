import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { RateLimitInterceptor } from './rate-limit.interceptor.js';
import { RateLimitsRepository } from './rate-limits.repository.js';
import { RateLimitsService } from './rate-limits.service.js';

@Module({
  providers: [
    RateLimitsRepository,
    RateLimitsService,
    { provide: APP_INTERCEPTOR, useClass: RateLimitInterceptor },
  ],
  // The guard counts authenticated requests in its own statement (RateLimitsService.admitOnce).
  exports: [RateLimitsService],
})
export class RateLimitsModule {}
