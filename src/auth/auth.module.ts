import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { ApiKeysModule } from '../api-keys/index.js';
import { IdentityModule } from '../identity/index.js';
import { OAuthModule } from '../oauth/index.js';
import { RateLimitsModule } from '../rate-limits/index.js';
import { AccessGuard } from './access.guard.js';
import { AdmissionRepository } from './admission.repository.js';
import { AdmissionService } from './admission.service.js';
import { BearerAuthGuard } from './bearer-auth.guard.js';
import { BearerStrategy } from './bearer.strategy.js';

@Module({
  imports: [PassportModule, OAuthModule, IdentityModule, ApiKeysModule, RateLimitsModule],
  providers: [
    BearerStrategy,
    BearerAuthGuard,
    AdmissionRepository,
    AdmissionService,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
})
export class AuthModule {}
