import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.js';
import { CompaniesModule } from '../companies/index.js';
import { ApiKeysController } from './api-keys.controller.js';
import { ApiKeysService } from './api-keys.service.js';

@Module({
  imports: [AuditModule, CompaniesModule],
  controllers: [ApiKeysController],
  providers: [ApiKeysService],
  exports: [ApiKeysService],
})
export class ApiKeysModule {}
