import type { CreateVoucherDto } from './dto/create-voucher.dto.js';
import type { VoucherInput } from './voucher-booking.js';
import type { VoucherLineInput } from './voucher-lines.js';

/** The request body as the domain's input, defaults applied, unknown keys never carried along. */
export function toVoucherInput(body: CreateVoucherDto): VoucherInput {
  return {
    type: body.type ?? 'manual',
    date: body.date,
    description: body.description ?? '',
    amountsIncludeVat: body.amountsIncludeVat ?? false,
    postings: body.postings.map((line) => {
      const input: VoucherLineInput = { accountNumber: line.accountNumber };
      for (const key of LINE_KEYS) if (line[key] !== undefined) Object.assign(input, { [key]: line[key] });
      return input;
    }),
  };
}

const LINE_KEYS = [
  'amount',
  'currency',
  'currencyAmount',
  'exchangeRate',
  'vatCode',
  'departmentId',
  'projectId',
  'dimensionValueIds',
  'customerId',
  'supplierId',
  'description',
] as const satisfies (keyof VoucherLineInput)[];
