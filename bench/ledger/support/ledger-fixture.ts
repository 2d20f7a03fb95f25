import pg from 'pg';
import { performance } from 'node:perf_hooks';
import { ApiSession } from './api-session.js';
import { generateVouchers, postingsOfVouchers, vouchersForPostings } from './ledger-generator.js';
import { readCompanyRefs, type LedgerRefs } from './ledger-refs.js';

// Vouchers per statement: about 165,000 postings, a few seconds of work, a bounded trigger table.
const CHUNK_VOUCHERS = 50_000;

export interface Growth {
  postings: number;
  vouchers: number;
  addedPostings: number;
  generateSeconds: number;
  vacuumSeconds: number;
}

/**
 * One company whose ledger the report and export benchmarks grow, as its owner and in set-based
 * SQL, to the number of postings they need: 100,000 first, then on to 1,000,000, so the second
 * measurement sees the first one's data plus the rest, as a company's ledger grows.
 */
export class LedgerFixture {
  private session: ApiSession | undefined;
  private refs: LedgerRefs | undefined;
  private vouchers = 0;
  // Ids are time-ordered from the moment the fixture was made, like ids the API makes now.
  private readonly idTimeBase = Date.now();

  constructor(
    private readonly baseUrl: string,
    private readonly databaseUrl: string,
  ) {}

  get postings(): number {
    return postingsOfVouchers(this.vouchers);
  }

  async api(): Promise<ApiSession> {
    this.session ??= await ApiSession.signUp(this.baseUrl, 'Bench Ledger AS');
    return this.session;
  }

  async fiscalYear(): Promise<LedgerRefs['fiscalYear']> {
    return (await this.ledgerRefs()).fiscalYear;
  }

  /** Adds generated vouchers until the company has at least `postings` postings; then VACUUM ANALYZE. */
  async growTo(postings: number, onChunk: (done: number) => void = () => undefined): Promise<Growth> {
    const refs = await this.ledgerRefs();
    const target = vouchersForPostings(postings);
    const before = this.postings;
    const client = new pg.Client({
      connectionString: this.databaseUrl,
      application_name: 'hovedbok-bench-generator',
    });
    await client.connect();
    try {
      // The owner is subject to row-level security too (FORCE) unless it is a superuser.
      await client.query(`SELECT set_config('app.company_id', $1, false)`, [refs.companyId]);
      const started = performance.now();
      while (this.vouchers < target) {
        const last = Math.min(target, this.vouchers + CHUNK_VOUCHERS) - 1;
        await generateVouchers(client, refs, this.vouchers, last, this.idTimeBase);
        this.vouchers = last + 1;
        onChunk(this.postings);
      }
      const generated = performance.now();
      // A long-lived database has statistics and a visibility map; a bulk load has neither yet.
      await client.query('VACUUM (ANALYZE) postings, vouchers, ledger_balances');
      const vacuumed = performance.now();
      const counted = await client.query<{ count: string }>(
        'SELECT count(*) FROM postings WHERE company_id = $1',
        [refs.companyId],
      );
      if (Number(counted.rows[0].count) !== this.postings) {
        throw new Error(`the generator wrote ${counted.rows[0].count} postings, expected ${this.postings}`);
      }
      return {
        postings: this.postings,
        vouchers: this.vouchers,
        addedPostings: this.postings - before,
        generateSeconds: (generated - started) / 1000,
        vacuumSeconds: (vacuumed - generated) / 1000,
      };
    } finally {
      await client.end();
    }
  }

  private async ledgerRefs(): Promise<LedgerRefs> {
    this.refs ??= await readCompanyRefs(this.databaseUrl, (await this.api()).companyId);
    return this.refs;
  }
}
