import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { ApiKeysModule } from '../api-keys/index.js';
import { IdentityModule } from '../identity/index.js';
import { OAuthModule } from '../oauth/index.js';
import { AccessGuard } from './access.guard.js';
import { BearerAuthGuard } from './bearer-auth.guard.js';
import { BearerStrategy } from './bearer.strategy.js';
import { CompanyAccessService } from './company-access.service.js';

@Module({
  imports: [PassportModule, OAuthModule, IdentityModule, ApiKeysModule],
  providers: [
    BearerStrategy,
    BearerAuthGuard,
    CompanyAccessService,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
})
export class AuthModule {}
