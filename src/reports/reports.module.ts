import { Module } from '@nestjs/common';
import { FinancialStatementsService } from './financial-statements.service.js';
import { GeneralLedgerService } from './general-ledger.service.js';
import { LedgerBalancesRepository } from './ledger-balances.repository.js';
import { PostingsController } from './postings.controller.js';
import { PostingsService } from './postings.service.js';
import { ReportsController } from './reports.controller.js';
import { ReportsResolver } from './reports.resolver.js';
import { TrialBalanceService } from './trial-balance.service.js';

/** Real-time reports and ledger queries, read from the maintained balances and the postings. */
@Module({
  controllers: [ReportsController, PostingsController],
  providers: [
    TrialBalanceService,
    LedgerBalancesRepository,
    PostingsService,
    FinancialStatementsService,
    GeneralLedgerService,
    ReportsResolver,
  ],
  exports: [TrialBalanceService],
})
export class ReportsModule {}
