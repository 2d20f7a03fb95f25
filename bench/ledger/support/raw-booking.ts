import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { APPLICATION_ROLE } from '../../../src/database/application-role.js';
import type { LedgerContext } from '../ledger-benchmark.js';
import { runClosedLoop, type LoopResult } from './closed-loop.js';
import { accountId, periodOf, type LedgerRefs } from './ledger-refs.js';
import type { SalesVoucher } from './sales-vouchers.js';

// Prepared (named) statements: the least a careful hand-written writer would do.
const TENANT = {
  name: 'bench_tenant',
  text: `SELECT set_config('role', $1, true), set_config('app.company_id', $2, true)`,
};
const TAKE_NUMBER = {
  name: 'bench_take_number',
  text: `INSERT INTO voucher_number_counters AS c (company_id, series_id, fiscal_year_id, last_number)
         VALUES ($1, $2, $3, 1)
         ON CONFLICT (company_id, series_id, fiscal_year_id) DO UPDATE SET last_number = c.last_number + 1
         RETURNING last_number`,
};
const INSERT_VOUCHER = {
  name: 'bench_insert_voucher',
  text: `INSERT INTO vouchers (company_id, id, series_id, fiscal_year_id, number, status, voucher_date, description,
                               amounts_include_vat, created_by_kind, created_by_client_id, booked_at)
         VALUES ($1, $2, $3, $4, $5, 'booked', $6, $7, false, 'client', $8, now())`,
};
const INSERT_POSTINGS = {
  name: 'bench_insert_postings',
  text: `INSERT INTO postings (company_id, id, voucher_id, line_number, kind, source_line_number, posting_date,
                               period_id, account_id, amount, currency_amount, vat_code, vat_rate, customer_id)
         SELECT $1, u.id, $2, u.line, u.kind, u.source, $3, $4, u.account, u.amount, u.amount, u.vat_code,
                u.vat_rate, u.customer
           FROM unnest($5::uuid[], $6::smallint[], $7::text[], $8::smallint[], $9::uuid[], $10::numeric[],
                       $11::text[], $12::numeric[], $13::uuid[])
             AS u(id, line, kind, source, account, amount, vat_code, vat_rate, customer)`,
};
const INSERT_AUDIT = {
  name: 'bench_insert_audit',
  text: `INSERT INTO audit_events (company_id, id, actor_kind, actor_client_id, action, resource_type, resource_id, details)
         VALUES ($1, $2, 'client', $3, 'voucher.booked', 'voucher', $4, $5)`,
};

/**
 * The raw limit: the rows the API writes for one booked voucher, written straight through `pg`
 * in one transaction per voucher, one connection per worker, as the application role (row-level
 * security applies, as it does to the API): take the number, the voucher row, its four postings
 * in one INSERT (the trigger checks them and maintains ledger_balances), the audit row.
 */
export class RawBooker {
  private readonly clients: (pg.Client | undefined)[] = [];

  constructor(
    private readonly databaseUrl: string,
    private readonly refs: LedgerRefs,
    private readonly actorClientId: string,
  ) {}

  async book(worker: number, voucher: SalesVoucher): Promise<void> {
    const client = await this.client(worker);
    const { companyId } = this.refs;
    const id = uuidv7();
    await client.query('BEGIN');
    try {
      await client.query({ ...TENANT, values: [APPLICATION_ROLE, companyId] });
      const seriesId = this.refs.seriesIds.get('sales')!;
      const numbered = await client.query<{ last_number: number }>({
        ...TAKE_NUMBER,
        values: [companyId, seriesId, this.refs.fiscalYear.id],
      });
      const number = numbered.rows[0].last_number;
      await client.query({
        ...INSERT_VOUCHER,
        values: [
          companyId,
          id,
          seriesId,
          this.refs.fiscalYear.id,
          number,
          voucher.date,
          'Bench sale',
          this.actorClientId,
        ],
      });
      await client.query({ ...INSERT_POSTINGS, values: this.postingValues(id, voucher) });
      await client.query({
        ...INSERT_AUDIT,
        values: [companyId, uuidv7(), this.actorClientId, id, { series: 'SAL', number }],
      });
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  async close(): Promise<void> {
    const open = this.clients.filter((client): client is pg.Client => client !== undefined);
    await Promise.all(open.map((client) => client.end()));
    this.clients.length = 0;
  }

  private async client(worker: number): Promise<pg.Client> {
    let client = this.clients[worker];
    if (!client) {
      client = new pg.Client({ connectionString: this.databaseUrl, application_name: 'hovedbok-bench-raw' });
      this.clients[worker] = client;
      await client.connect();
    }
    return client;
  }

  // The same four postings, line numbers and VAT fields as the API writes for this voucher.
  private postingValues(voucherId: string, voucher: SalesVoucher): unknown[] {
    const account = (number: string) => accountId(this.refs, number);
    const lines = [
      {
        kind: 'entry',
        source: null,
        account: account('1500'),
        amount: voucher.gross,
        vat: [null, null],
        customer: voucher.customerId,
      },
      {
        kind: 'entry',
        source: null,
        account: account('3000'),
        amount: `-${voucher.net}`,
        vat: ['3', '25'],
        customer: null,
      },
      {
        kind: 'vat',
        source: 2,
        account: account('2700'),
        amount: `-${voucher.vat}`,
        vat: ['3', '25'],
        customer: null,
      },
      {
        kind: 'entry',
        source: null,
        account: account('3100'),
        amount: `-${voucher.zeroRated}`,
        vat: ['5', '0'],
        customer: null,
      },
    ];
    return [
      this.refs.companyId,
      voucherId,
      voucher.date,
      periodOf(this.refs, voucher.date).id,
      lines.map(() => uuidv7()),
      lines.map((_, index) => index + 1),
      lines.map((line) => line.kind),
      lines.map((line) => line.source),
      lines.map((line) => line.account),
      lines.map((line) => line.amount),
      lines.map((line) => line.vat[0]),
      lines.map((line) => line.vat[1]),
      lines.map((line) => line.customer),
    ];
  }
}

/**
 * Raw bookings at one concurrency for the run's measured seconds; the figure is kept in the
 * context, so later benchmarks compare against it within the same run.
 */
export async function measureRawBookings(
  context: LedgerContext,
  raw: RawBooker,
  next: () => SalesVoucher,
  concurrency: number,
): Promise<LoopResult> {
  const result = await runClosedLoop({
    concurrency,
    warmupSeconds: context.settings.warmupSeconds,
    until: { seconds: context.settings.bookingSeconds },
    operation: (worker) => raw.book(worker, next()),
  });
  if (result.failures === 0) context.references.rawVouchersPerSecond.set(concurrency, result.perSecond);
  return result;
}
