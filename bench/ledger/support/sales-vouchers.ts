import { randomInt, randomUUID } from 'node:crypto';
import { addDays } from '../../../src/common/dates/calendar-date.js';
import { formatAmount, MoneyDecimal } from '../../../src/common/money/amount.js';

const CUSTOMERS = Array.from({ length: 200 }, () => randomUUID());
const VAT_RATE = new MoneyDecimal('0.25');

/**
 * The voucher every booking benchmark writes, through the API and raw alike: a sale on account
 * with three entered lines, D 1500 gross (with a customer), C 3000 net with VAT code 3 (25 %),
 * C 3100 zero-rated with VAT code 5 (0 %: no VAT line), and the generated line C 2700 VAT.
 * Four postings; amounts, dates and customers vary.
 */
export interface SalesVoucher {
  date: string;
  customerId: string;
  gross: string;
  net: string;
  vat: string;
  zeroRated: string;
}

/** Amounts in øre, so the VAT on the net is a whole number of øre and needs no rounding. */
function amount(minOre: number, maxOre: number, multipleOf = 1): InstanceType<typeof MoneyDecimal> {
  const ore = randomInt(Math.ceil(minOre / multipleOf), Math.floor(maxOre / multipleOf)) * multipleOf;
  return new MoneyDecimal(ore).dividedBy(100);
}

/** A random sale dated inside [firstDate, lastDate]. */
export function salesVoucher(firstDate: string, days: number): SalesVoucher {
  const net = amount(10_000, 2_000_000, 4);
  const zeroRated = amount(100, 300_000);
  const vat = net.times(VAT_RATE);
  return {
    date: addDays(firstDate, randomInt(0, days)),
    customerId: CUSTOMERS[randomInt(0, CUSTOMERS.length)],
    gross: formatAmount(net.plus(vat).plus(zeroRated)),
    net: formatAmount(net),
    vat: formatAmount(vat),
    zeroRated: formatAmount(zeroRated),
  };
}

/** A source of random sales vouchers dated anywhere in `range` (inclusive). */
export function salesVouchersIn(range: { startDate: string; endDate: string }): () => SalesVoucher {
  const days = Math.round((Date.parse(range.endDate) - Date.parse(range.startDate)) / 86_400_000) + 1;
  return () => salesVoucher(range.startDate, days);
}

/** The voucher as `POST /v1/vouchers` (or one item of a batch) takes it. */
export function toRequestBody(voucher: SalesVoucher): object {
  return {
    type: 'sales',
    date: voucher.date,
    description: 'Bench sale',
    postings: [
      { accountNumber: '1500', amount: voucher.gross, customerId: voucher.customerId },
      { accountNumber: '3000', amount: `-${voucher.net}`, vatCode: '3' },
      { accountNumber: '3100', amount: `-${voucher.zeroRated}`, vatCode: '5' },
    ],
  };
}
