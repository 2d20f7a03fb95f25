import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.js';
import { CompaniesController } from './companies.controller.js';
import { CompaniesResolver } from './companies.resolver.js';
import { CompaniesService } from './companies.service.js';
import { CompanySetup } from './company-setup.js';

@Module({
  imports: [AuditModule],
  controllers: [CompaniesController],
  providers: [CompaniesService, CompaniesResolver, CompanySetup],
  exports: [CompaniesService, CompanySetup],
})
export class CompaniesModule {}
