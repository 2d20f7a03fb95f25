import { Injectable } from '@nestjs/common';
import {
  assertScope,
  byKeys,
  NotFoundError,
  requestLoader,
  type GraphqlContext,
  type TenantContext,
} from '../../common/index.js';
import type { VoucherRecord } from '../vouchers.repository.js';
import { VouchersService } from '../vouchers.service.js';

/** Vouchers for GraphQL fields of other types (a posting's voucher, a reversal): batched per request. */
@Injectable()
export class VoucherLoader {
  constructor(private readonly vouchers: VouchersService) {}

  load(context: GraphqlContext, tenant: TenantContext, id: string): Promise<VoucherRecord> {
    assertScope(tenant, 'vouchers:read');
    const loader = requestLoader<VoucherRecord>(context.loaders, 'vouchers', async (ids) =>
      byKeys(
        ids,
        await this.vouchers.getMany(tenant, ids),
        (record) => record.voucher.id,
        (missing) => new NotFoundError('Voucher', missing),
      ),
    );
    return loader.load(id);
  }
}
