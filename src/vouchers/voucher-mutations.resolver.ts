import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequireScope, Tenant, VersionedIdArgs, type TenantContext } from '../common/index.js';
import {
  BookVoucherBatchArgs,
  CreateVoucherArgs,
  ReverseVoucherArgs,
  UpdateDraftVoucherArgs,
  VoucherArgs,
} from './graphql/voucher.input.js';
import { BookedBatchItemModel, VoucherModel, VoucherPreviewModel } from './graphql/voucher.model.js';
import { BookVoucherBatch } from './use-cases/book-voucher-batch.js';
import { toVoucherInput } from './voucher-input.js';
import { toVoucherModel, toVoucherPreviewResponse } from './voucher.mapper.js';
import { VouchersService } from './vouchers.service.js';

// REST's dry run (`POST /v1/vouchers?dryRun=true`) is its own mutation here, previewVoucher:
// each field then has one result type, and a client cannot book by forgetting a flag.
@Resolver(() => VoucherModel)
export class VoucherMutationsResolver {
  constructor(
    private readonly vouchers: VouchersService,
    private readonly batch: BookVoucherBatch,
  ) {}

  @Mutation(() => VoucherModel, {
    description:
      'Book a voucher (numbered, immutable), or save it as a draft with status draft (scope vouchers:write).',
  })
  @RequireScope('vouchers:write')
  async createVoucher(
    @Tenant() tenant: TenantContext,
    @Args() { input, status }: CreateVoucherArgs,
  ): Promise<VoucherModel> {
    return toVoucherModel(await this.vouchers.create(tenant, toVoucherInput(input), status ?? 'booked'));
  }

  @Mutation(() => VoucherPreviewModel, {
    description:
      'What booking the voucher would write now, judged by the same rules; stores nothing (scope vouchers:write).',
  })
  @RequireScope('vouchers:write')
  async previewVoucher(
    @Tenant() tenant: TenantContext,
    @Args() { input }: VoucherArgs,
  ): Promise<VoucherPreviewModel> {
    return toVoucherPreviewResponse(await this.vouchers.preview(tenant, toVoucherInput(input)));
  }

  @Mutation(() => [BookedBatchItemModel], {
    description: 'Book up to 1,000 vouchers in one transaction, all or nothing (scope vouchers:write).',
  })
  @RequireScope('vouchers:write')
  async bookVoucherBatch(
    @Tenant() tenant: TenantContext,
    @Args() { input }: BookVoucherBatchArgs,
  ): Promise<BookedBatchItemModel[]> {
    return this.batch.execute(tenant, input.vouchers.map(toVoucherInput));
  }

  @Mutation(() => VoucherModel, {
    description: 'Replace a draft voucher; booked ones never change (scope vouchers:write).',
  })
  @RequireScope('vouchers:write')
  async updateDraftVoucher(
    @Tenant() tenant: TenantContext,
    @Args() { id, expectedVersion, input }: UpdateDraftVoucherArgs,
  ): Promise<VoucherModel> {
    const record = await this.vouchers.updateDraft(
      tenant,
      id,
      toVoucherInput(input),
      expectedVersion ?? undefined,
    );
    return toVoucherModel(record);
  }

  @Mutation(() => Boolean, {
    description: 'Delete a draft voucher; true when deleted (scope vouchers:write).',
  })
  @RequireScope('vouchers:write')
  async deleteDraftVoucher(
    @Tenant() tenant: TenantContext,
    @Args() { id, expectedVersion }: VersionedIdArgs,
  ): Promise<boolean> {
    await this.vouchers.deleteDraft(tenant, id, expectedVersion ?? undefined);
    return true;
  }

  @Mutation(() => VoucherModel, {
    description: 'Book a draft voucher: number it and post it (scope vouchers:write).',
  })
  @RequireScope('vouchers:write')
  async bookVoucher(
    @Tenant() tenant: TenantContext,
    @Args() { id, expectedVersion }: VersionedIdArgs,
  ): Promise<VoucherModel> {
    return toVoucherModel(await this.vouchers.book(tenant, id, expectedVersion ?? undefined));
  }

  @Mutation(() => VoucherModel, {
    description:
      'Reverse a booked voucher with a linked voucher of opposite postings; returns the reversal (scope vouchers:write).',
  })
  @RequireScope('vouchers:write')
  async reverseVoucher(
    @Tenant() tenant: TenantContext,
    @Args() { id, date, description }: ReverseVoucherArgs,
  ): Promise<VoucherModel> {
    return toVoucherModel(await this.vouchers.reverse(tenant, id, { date, description }));
  }
}
