import type { EntityManager } from 'typeorm';
import { newId } from '../../common/index.js';
import { VoucherSeries, type VoucherType } from './voucher-series.entity.js';

const DEFAULT_SERIES: Record<VoucherType, { code: string; name: string }> = {
  manual: { code: 'MAN', name: 'Manual vouchers' },
  sales: { code: 'SAL', name: 'Sales' },
  purchase: { code: 'PUR', name: 'Purchases' },
  bank: { code: 'BNK', name: 'Bank' },
  pos: { code: 'POS', name: 'Point of sale' },
  payroll: { code: 'PAY', name: 'Payroll' },
  expense: { code: 'EXP', name: 'Expense claims' },
  opening_balance: { code: 'OPN', name: 'Opening balances' },
};

/** One numbering series per voucher type for a new company. */
export async function createDefaultSeries(tx: EntityManager, companyId: string): Promise<void> {
  await tx.getRepository(VoucherSeries).insert(
    Object.entries(DEFAULT_SERIES).map(([voucherType, series]) => ({
      companyId,
      id: newId(),
      voucherType: voucherType as VoucherType,
      ...series,
    })),
  );
}
