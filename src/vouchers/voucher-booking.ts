import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, MoneyDecimal, newId, sumAmounts, type FieldError } from '../common/index.js';
import {
  LedgerRulesService,
  NoFiscalYearError,
  PeriodClosedError,
  PostingRulesBrokenError,
  type Account,
  type LedgerSnapshot,
} from '../ledger/index.js';
import type { Posting } from './postings/posting.entity.js';
import type { VoucherSeries, VoucherType } from './series/voucher-series.entity.js';
import { computePostings, type ComputedPosting } from './voucher-computation.js';
import type { VoucherLineInput } from './voucher-lines.js';
import { VoucherUnbalancedError } from './vouchers.errors.js';
import { VouchersRepository, type PostingRow, type VoucherRecord } from './vouchers.repository.js';

/** What a caller asks to book (or keep as a draft). */
export interface VoucherInput {
  type: VoucherType;
  date: string;
  description: string;
  amountsIncludeVat: boolean;
  postings: VoucherLineInput[];
}

/** A voucher that passed every rule, ready to be numbered and written. */
export interface PreparedVoucher {
  input: VoucherInput;
  series: VoucherSeries;
  fiscalYearId: string;
  periodId: string;
  postings: ComputedPosting[];
}

/**
 * The rules and the writing of a booking, inside a transaction the caller owns: judge the lines
 * against the ledger, then take numbers and write postings. Booking one voucher and booking a
 * batch share it, so both obey exactly the same rules.
 */
@Injectable()
export class VoucherBooking {
  constructor(
    private readonly ledgerRules: LedgerRulesService,
    private readonly repository: VouchersRepository,
  ) {}

  /** Throws the first kind of problem found: period, then line rules, then balance. */
  async prepare(
    tx: EntityManager,
    companyId: string,
    input: VoucherInput,
    lock: boolean,
  ): Promise<PreparedVoucher> {
    // One round trip for every read before the write: the ledger's and the series'.
    const { date, ...request } = snapshotRequest([input], lock, input.date);
    const { snapshots, also } = await this.ledgerRules.snapshotsWith(
      tx,
      companyId,
      { ...request, dates: [date] },
      [this.repository.seriesStatement(companyId, input.type)],
    );
    const series = this.repository.seriesFromRows(tx, also[0], companyId, input.type);
    return judge(input, series, snapshots.get(date)!);
  }

  /**
   * Judges many vouchers with one read of the ledger. Each item either passes or yields its
   * problems, pointed at `/vouchers/{index}/...`; the caller books all or none.
   */
  async prepareMany(
    tx: EntityManager,
    companyId: string,
    inputs: VoucherInput[],
  ): Promise<{ prepared: PreparedVoucher[]; errors: FieldError[] }> {
    const series = new Map(
      (await this.repository.allSeries(tx, companyId)).map((entry) => [entry.voucherType, entry]),
    );
    const { date: _unused, ...request } = snapshotRequest(inputs, true, '');
    const ledgers = await this.ledgerRules.snapshotsIn(tx, companyId, {
      ...request,
      dates: [...new Set(inputs.map((input) => input.date))],
    });
    const prepared: PreparedVoucher[] = [];
    const errors: FieldError[] = [];
    inputs.forEach((input, index) => {
      try {
        prepared.push(judge(input, series.get(input.type)!, ledgers.get(input.date)!));
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        errors.push(...itemErrors(index, error));
      }
    });
    return { prepared, errors };
  }

  /**
   * The mirror image of a booked voucher: its postings, VAT and rounding lines included, each
   * with the sign turned, in the same series, dated `date` (default: the original's date), which
   * must be in an open period. No VAT is computed again, so the pair nets to exactly zero, and
   * deactivated accounts are no obstacle: a correction must always be possible.
   */
  async prepareReversal(
    tx: EntityManager,
    companyId: string,
    original: VoucherRecord,
    options: { date?: string; description?: string },
  ): Promise<PreparedVoucher> {
    const { voucher, series } = original;
    const date = options.date ?? voucher.voucherDate;
    const ledger = await this.ledgerRules.snapshotIn(tx, companyId, {
      date,
      lockPeriod: true,
      accountNumbers: [],
      accountIds: original.postings.map((posting) => posting.accountId),
      vatCodes: [],
      dimensionValueIds: [],
    });
    const period = openPeriod(ledger);
    const postings = original.postings.map((posting) =>
      mirror(posting, ledger.accountsById.get(posting.accountId)!),
    );
    const input: VoucherInput = {
      type: series.voucherType,
      date,
      description: options.description ?? `Reversal of ${series.code} ${voucher.number}`,
      amountsIncludeVat: false,
      postings: [],
    };
    return {
      input,
      series,
      fiscalYearId: period.fiscalYearId,
      periodId: period.id,
      postings,
    };
  }

  /** Posting rows for a prepared voucher, to be written with `repository.insertPostings`. */
  rowsOf(voucherId: string, prepared: PreparedVoucher): PostingRow[] {
    return prepared.postings.map((posting) => ({
      ...posting,
      id: newId(),
      voucherId,
      postingDate: prepared.input.date,
      periodId: prepared.periodId,
    }));
  }
}

function snapshotRequest(inputs: VoucherInput[], lockPeriod: boolean, date: string) {
  const lines = inputs.flatMap((input) => input.postings);
  const unique = (values: (string | undefined)[]) => [...new Set(values.filter((v): v is string => !!v))];
  return {
    date,
    lockPeriod,
    accountIds: [],
    accountNumbers: unique(lines.map((line) => line.accountNumber)),
    vatCodes: unique(lines.map((line) => line.vatCode)),
    dimensionValueIds: unique(
      lines.flatMap((line) => [line.departmentId, line.projectId, ...(line.dimensionValueIds ?? [])]),
    ),
  };
}

/** The rules for one voucher against a ledger snapshot; throws the first kind of problem found. */
function judge(input: VoucherInput, series: VoucherSeries, ledger: LedgerSnapshot): PreparedVoucher {
  const period = openPeriod(ledger);
  const computation = computePostings(input.postings, input.amountsIncludeVat, ledger);
  if (computation.errors.length > 0) throw new PostingRulesBrokenError(computation.errors);
  const postings = computation.postings;
  const balance = sumAmounts(postings.map((posting) => posting.amount));
  if (!balance.isZero() || postings.length < 2)
    throw new VoucherUnbalancedError(computation.debit, computation.credit);
  return {
    input,
    series,
    fiscalYearId: period.fiscalYearId,
    periodId: period.id,
    postings,
  };
}

/** A rejected batch item's problems, pointed into the batch body. */
function itemErrors(index: number, error: DomainError): FieldError[] {
  const prefix = `/vouchers/${index}`;
  if (error.errors?.length)
    return error.errors.map((entry) => ({ ...entry, pointer: `${prefix}${entry.pointer ?? ''}` }));
  const field = error.code === 'VOUCHER_UNBALANCED' ? '/postings' : '/date';
  return [{ pointer: `${prefix}${field}`, rule: error.code, detail: error.message }];
}

function openPeriod(ledger: LedgerSnapshot) {
  if (!ledger.period) throw new NoFiscalYearError(ledger.date);
  if (ledger.period.status !== 'open') throw new PeriodClosedError(ledger.date, ledger.period);
  return ledger.period;
}

/** A posting with its sign turned, everything else as it was. */
function mirror(posting: Posting, account: Account): ComputedPosting {
  return {
    lineNumber: posting.lineNumber,
    kind: posting.kind,
    sourceLineNumber: posting.sourceLineNumber,
    account,
    amount: new MoneyDecimal(posting.amount).negated(),
    currency: posting.currency,
    currencyAmount: new MoneyDecimal(posting.currencyAmount).negated(),
    exchangeRate: new MoneyDecimal(posting.exchangeRate),
    vatCode: posting.vatCode,
    vatRate: posting.vatRate,
    departmentId: posting.departmentId,
    projectId: posting.projectId,
    dimensionValueIds: posting.dimensionValueIds,
    customerId: posting.customerId,
    supplierId: posting.supplierId,
    description: posting.description,
  };
}
