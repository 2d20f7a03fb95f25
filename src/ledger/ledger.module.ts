import { Module, type OnModuleInit } from '@nestjs/common';
import { AuditModule } from '../audit/index.js';
import { CompaniesModule, CompanySetup } from '../companies/index.js';
import { AccountsController } from './accounts/accounts.controller.js';
import { AccountLoader } from './accounts/account.loader.js';
import { AccountsResolver } from './accounts/accounts.resolver.js';
import { AccountsService } from './accounts/accounts.service.js';
import { DimensionsController, DimensionValuesController } from './dimensions/dimensions.controller.js';
import { DimensionsResolver } from './dimensions/dimensions.resolver.js';
import { DimensionsService } from './dimensions/dimensions.service.js';
import { FiscalYearsService } from './periods/fiscal-years.service.js';
import { FiscalYearsController, PeriodsController } from './periods/periods.controller.js';
import { PeriodsResolver } from './periods/periods.resolver.js';
import { PeriodsService } from './periods/periods.service.js';
import { LedgerRulesService } from './rules/ledger-rules.service.js';
import { LedgerSetupService } from './setup/ledger-setup.service.js';
import { VatCodesController } from './vat/vat-codes.controller.js';
import { VatCodesResolver } from './vat/vat-codes.resolver.js';
import { VatCodesService } from './vat/vat-codes.service.js';

/** The chart of accounts, VAT codes, fiscal years and periods, and dimensions of each company. */
@Module({
  imports: [AuditModule, CompaniesModule],
  controllers: [
    AccountsController,
    VatCodesController,
    FiscalYearsController,
    PeriodsController,
    DimensionsController,
    DimensionValuesController,
  ],
  providers: [
    AccountsService,
    AccountsResolver,
    AccountLoader,
    VatCodesService,
    FiscalYearsService,
    PeriodsService,
    LedgerRulesService,
    LedgerSetupService,
    DimensionsService,
    VatCodesResolver,
    PeriodsResolver,
    DimensionsResolver,
  ],
  exports: [LedgerRulesService, AccountLoader],
})
export class LedgerModule implements OnModuleInit {
  constructor(
    private readonly setup: CompanySetup,
    private readonly ledgerSetup: LedgerSetupService,
  ) {}

  onModuleInit(): void {
    this.setup.register('ledger', (tx, company) => this.ledgerSetup.setUpIn(tx, company));
  }
}
