import { Module } from '@nestjs/common';
import { CompaniesModule } from '../companies/index.js';
import { OAuthModule } from '../oauth/index.js';
import { MembershipsService } from './memberships.service.js';
import { SignUpController } from './sign-up.controller.js';
import { SignUpService } from './sign-up.service.js';

@Module({
  imports: [CompaniesModule, OAuthModule],
  controllers: [SignUpController],
  providers: [SignUpService, MembershipsService],
  exports: [MembershipsService],
})
export class IdentityModule {}
