import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.js';
import { CompaniesModule } from '../companies/index.js';
import { OAuthModule } from '../oauth/index.js';
import { AccountingFirmsController } from './accounting-firms/accounting-firms.controller.js';
import { AccountingFirmsService } from './accounting-firms/accounting-firms.service.js';
import { MembersController } from './members/members.controller.js';
import { MembersService } from './members/members.service.js';
import { SignUpController } from './sign-up.controller.js';
import { ResourceOwnersModule } from './sign-in/resource-owners.module.js';
import { SignUpService } from './sign-up.service.js';

@Module({
  imports: [AuditModule, CompaniesModule, OAuthModule, ResourceOwnersModule],
  controllers: [SignUpController, MembersController, AccountingFirmsController],
  providers: [SignUpService, MembersService, AccountingFirmsService],
  exports: [SignUpService],
})
export class IdentityModule {}
