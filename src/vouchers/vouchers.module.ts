import { Module, type OnModuleInit } from '@nestjs/common';
import { AuditModule } from '../audit/index.js';
import { CompaniesModule, CompanySetup } from '../companies/index.js';
import { LedgerModule } from '../ledger/index.js';
import { createDefaultSeries } from './series/voucher-series-setup.js';
import { VoucherAttachmentsController } from './attachments/voucher-attachments.controller.js';
import { VoucherAttachmentsService } from './attachments/voucher-attachments.service.js';
import { BookVoucherBatch } from './use-cases/book-voucher-batch.js';
import { VoucherBooking } from './voucher-booking.js';
import { VoucherLoader } from './graphql/voucher.loader.js';
import { VoucherMutationsResolver } from './voucher-mutations.resolver.js';
import { VouchersController } from './vouchers.controller.js';
import { PostingsFieldsResolver, VouchersResolver } from './vouchers.resolver.js';
import { VouchersRepository } from './vouchers.repository.js';
import { VouchersService } from './vouchers.service.js';

/** Vouchers and their postings: drafts, booking, numbering, reversal. */
@Module({
  imports: [AuditModule, CompaniesModule, LedgerModule],
  controllers: [VouchersController, VoucherAttachmentsController],
  providers: [
    VouchersService,
    VoucherBooking,
    VouchersRepository,
    BookVoucherBatch,
    VoucherAttachmentsService,
    VoucherLoader,
    VouchersResolver,
    VoucherMutationsResolver,
    PostingsFieldsResolver,
  ],
  exports: [VouchersService],
})
export class VouchersModule implements OnModuleInit {
  constructor(private readonly setup: CompanySetup) {}

  onModuleInit(): void {
    this.setup.register('voucher-series', (tx, company) => createDefaultSeries(tx, company.id));
  }
}
