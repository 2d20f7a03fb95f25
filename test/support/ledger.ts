import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { App } from 'supertest/types.js';
import { todayInNorway } from '../../src/common/index.js';

/** A date inside the current fiscal year of a company made today (it has last, this and next year). */
export function bookingDate(): string {
  return todayInNorway();
}

/** A customer or supplier id; the registers come later, postings only need the reference. */
export function partyId(): string {
  return randomUUID();
}

export interface VoucherLine {
  accountNumber: string;
  amount?: string;
  vatCode?: string;
  customerId?: string;
  supplierId?: string;
  [key: string]: unknown;
}

/** A sales voucher: receivable gross, revenue net with VAT code 3 (25 %). */
export function salesVoucher(net: string, gross: string, date = bookingDate()) {
  return {
    type: 'sales',
    date,
    description: 'Invoice',
    postings: [
      { accountNumber: '1500', amount: gross, customerId: partyId() },
      { accountNumber: '3000', amount: `-${net}`, vatCode: '3' },
    ],
  };
}

/** A plain two-line voucher moving `amount` from `credit` to `debit`. */
export function transferVoucher(amount: string, debit = '1920', credit = '2050', date = bookingDate()) {
  return {
    date,
    description: 'Transfer',
    postings: [
      { accountNumber: debit, amount },
      { accountNumber: credit, amount: `-${amount}` },
    ],
  };
}

/** The fields of a voucher response the tests read. */
export interface PostingBody {
  id: string;
  kind: string;
  accountNumber: string;
  amount: string;
  vatCode: string | null;
}

export interface VoucherBody {
  id: string;
  number: number;
  status: string;
  postings: PostingBody[];
  [field: string]: unknown;
}

export function bearer(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}` };
}

export async function bookVoucher(http: App, token: string, body: object): Promise<VoucherBody> {
  const res = await request(http).post('/v1/vouchers').set(bearer(token)).send(body);
  if (res.status !== 201) throw new Error(`booking failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as VoucherBody;
}

export async function periodFor(
  http: App,
  token: string,
  date: string,
): Promise<{ id: string; status: string }> {
  const res = await request(http).get('/v1/periods').query({ from: date, to: date }).set(bearer(token));
  if (res.status !== 200 || res.body.data.length !== 1)
    throw new Error(`no period for ${date}: ${res.status}`);
  return (res.body as { data: { id: string; status: string }[] }).data[0];
}
