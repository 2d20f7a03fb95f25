import fc from 'fast-check';
import pg from 'pg';
import { formatAmount, MoneyDecimal, roundAmount, type Amount } from '../../../src/common/index.js';
import { LEDGER_DRIFT_SQL, NUMBER_GAPS_SQL, UNBALANCED_VOUCHERS_SQL } from '../../../src/reports/index.js';
import { clientToken, signUpCompany, type SignedUpCompany } from '../../support/factories.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

/**
 * Model-based property test of the ledger rules (DOMAIN.md "Double entry"): a long random
 * sequence of operations through the HTTP API, each checked against a small model of what the
 * books must then say. Set LEDGER_MODEL_SEED to replay a failure; LEDGER_MODEL_OPERATIONS to
 * change the length (default 10,000).
 */
const OPERATIONS = Number(process.env.LEDGER_MODEL_OPERATIONS ?? 10_000);
const SEED = Number(process.env.LEDGER_MODEL_SEED ?? Date.now() % 2 ** 31);
const FULL_CHECK_EVERY = 1000;
const API_CHECK_EVERY = 100;

const ACCOUNTS = ['1920', '2050', '3000', '6300', '7140'];
const VAT_RATES: Record<string, string> = { '3': '25', '31': '15' };

type Operation =
  | {
      kind: 'post';
      lines: { account: string; ore: number }[];
      vat: { code: string; ore: number } | null;
      month: number;
      breakBalance: boolean;
    }
  | { kind: 'dryRun'; ore: number; month: number }
  | { kind: 'reverse'; pick: number }
  | { kind: 'period'; month: number; action: 'close' | 'lock' | 'reopen' }
  | { kind: 'retry'; pick: number };

const operation: fc.Arbitrary<Operation> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record({
      kind: fc.constant('post' as const),
      lines: fc.array(
        fc.record({
          account: fc.constantFrom(...ACCOUNTS),
          ore: fc.integer({ min: -5_000_000, max: 5_000_000 }).filter((n) => n !== 0),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      vat: fc.option(
        fc.record({ code: fc.constantFrom('3', '31'), ore: fc.integer({ min: 1, max: 2_000_000 }) }),
        { nil: null },
      ),
      month: fc.integer({ min: 0, max: 2 }),
      breakBalance: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('dryRun' as const),
      ore: fc.integer({ min: 1, max: 1_000_000 }),
      month: fc.integer({ min: 0, max: 2 }),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('period' as const),
      month: fc.integer({ min: 0, max: 2 }),
      action: fc.constantFrom('close' as const, 'lock' as const, 'reopen' as const),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('retry' as const), pick: fc.nat() }) },
);

function money(ore: number): string {
  return formatAmount(new MoneyDecimal(ore).dividedBy(100));
}

interface ModelVoucher {
  id: string;
  month: number;
  amounts: Map<string, Amount>;
  reversed: boolean;
  key: string;
  body: object;
  response: unknown;
}

// The API's JSON as the model reads it; fields are checked where used.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reading arbitrary JSON bodies
type ResponseBody = any;

class Model {
  balances = new Map<string, Amount>();
  periods: ('open' | 'closed' | 'locked')[] = ['open', 'open', 'open'];
  vouchers: ModelVoucher[] = [];
  nextNumber = 1;

  apply(amounts: Map<string, Amount>, sign = 1): void {
    for (const [account, amount] of amounts) {
      const next = (this.balances.get(account) ?? new MoneyDecimal(0)).plus(amount.times(sign));
      this.balances.set(account, next);
    }
  }
}

describe('the ledger against a model, over a long random sequence of operations', () => {
  let t: TestApp;
  let company: SignedUpCompany;
  let base: string;
  let headers: Record<string, string>;
  let year: number;
  let periodIds: string[];
  let db: pg.Client;

  beforeAll(async () => {
    // The model fires requests back to back for minutes: far beyond the default per-minute limit.
    t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
    await t.app.listen(0, '127.0.0.1');
    base = await t.app.getUrl();
    company = await signUpCompany(t.http);
    headers = {
      Authorization: `Bearer ${await clientToken(t.http, company)}`,
      'Content-Type': 'application/json',
    };
    year = Number(new Date().toISOString().slice(0, 4)) + 1;
    const periods = await call('GET', `/v1/periods?from=${year}-01-01&to=${year}-03-31`);
    db = new pg.Client({ connectionString: t.database.url });
    await db.connect();
    periodIds = periods.body.data.map((period: { id: string }) => period.id);
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  async function call(method: string, path: string, body?: object, extra: Record<string, string> = {}) {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { ...headers, ...extra },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: (await res.json()) as ResponseBody, headers: res.headers };
  }

  function date(month: number): string {
    return `${year}-0${month + 1}-15`;
  }

  function expectedBalances(model: Model): Record<string, string> {
    return Object.fromEntries(
      [...model.balances]
        .filter(([, amount]) => !amount.isZero())
        .map(([account, amount]) => [account, formatAmount(amount)]),
    );
  }

  function withoutZeros(balances: Record<string, string>): Record<string, string> {
    return Object.fromEntries(Object.entries(balances).filter(([, amount]) => amount !== '0.00'));
  }

  // Through the API: the trial balance report, its total and every account's closing balance.
  async function checkTrialBalance(model: Model): Promise<void> {
    const res = await call('GET', `/v1/reports/trial-balance?from=${year}-01-01&to=${year}-12-31`);
    expect(res.status).toBe(200);
    expect(res.body.totals.closing).toBe('0.00');
    const actual = Object.fromEntries(
      res.body.lines.map((line: { accountNumber: string; closing: string }) => [
        line.accountNumber,
        line.closing,
      ]),
    );
    expect(withoutZeros(actual)).toEqual(expectedBalances(model));
  }

  // After every step, cheaply: the kept month balances (what the reports read) against the model.
  async function checkKeptBalances(model: Model): Promise<void> {
    const { rows } = await db.query<{ number: string; balance: string }>(
      `SELECT a.number, to_char(sum(b.debit - b.credit), 'FM999999999999990.00') AS balance
         FROM ledger_balances b JOIN accounts a ON a.company_id = b.company_id AND a.id = b.account_id
        WHERE b.company_id = $1 AND b.grain = 'M' AND b.dimension_value_id = '00000000-0000-0000-0000-000000000000'
        GROUP BY a.number`,
      [company.companyId],
    );
    expect(withoutZeros(Object.fromEntries(rows.map((row) => [row.number, row.balance])))).toEqual(
      expectedBalances(model),
    );
  }

  // The same checks as npm run ledger:check, balances per dimension value included.
  async function checkAgainstFreshSums(): Promise<void> {
    for (const sql of [LEDGER_DRIFT_SQL, UNBALANCED_VOUCHERS_SQL, NUMBER_GAPS_SQL]) {
      expect((await db.query(sql, [company.companyId])).rows).toEqual([]);
    }
  }

  function voucherBody(op: Extract<Operation, { kind: 'post' }>) {
    const postings: object[] = [];
    const amounts = new Map<string, Amount>();
    const add = (account: string, amount: Amount) =>
      amounts.set(account, (amounts.get(account) ?? new MoneyDecimal(0)).plus(amount));
    let total = new MoneyDecimal(0);
    for (const line of op.lines) {
      const amount = new MoneyDecimal(line.ore).dividedBy(100);
      postings.push({ accountNumber: line.account, amount: money(line.ore) });
      add(line.account, amount);
      total = total.plus(amount);
    }
    if (op.vat) {
      const net = new MoneyDecimal(op.vat.ore).dividedBy(100);
      const vat = roundAmount(net.times(VAT_RATES[op.vat.code]).dividedBy(100));
      postings.push({ accountNumber: '3000', amount: formatAmount(net.negated()), vatCode: op.vat.code });
      add('3000', net.negated());
      add('2700', vat.negated());
      total = total.minus(net).minus(vat);
    }
    // Breaking the balance by one øre must still leave a balancing line: a voucher of one
    // posting is refused by validation (400) before the balance is judged (422).
    const oneOre = new MoneyDecimal('0.01');
    const offBy = !op.breakBalance ? 0 : total.equals(oneOre) ? oneOre.negated() : oneOre;
    const balancing = total.negated().plus(offBy);
    if (!balancing.isZero()) {
      postings.push({ accountNumber: '1920', amount: formatAmount(balancing) });
      add('1920', balancing);
    }
    for (const [account, amount] of [...amounts]) if (amount.isZero()) amounts.delete(account);
    return {
      body: { date: date(op.month), description: 'model', postings },
      amounts,
      balanced: !op.breakBalance,
    };
  }

  async function step(model: Model, op: Operation, index: number): Promise<void> {
    switch (op.kind) {
      case 'post': {
        const { body, amounts, balanced } = voucherBody(op);
        const key = `model-${SEED}-${index}`;
        const res = await call('POST', '/v1/vouchers', body, { 'Idempotency-Key': key });
        const open = model.periods[op.month] === 'open';
        // The period is judged first, then the lines, then the balance.
        if (!open) return expect([res.status, res.body.code]).toEqual([422, 'PERIOD_CLOSED']);
        if (!balanced) return expect([res.status, res.body.code]).toEqual([422, 'VOUCHER_UNBALANCED']);
        expect(res.status).toBe(201);
        expect(res.body.number).toBe(model.nextNumber++);
        const sum = res.body.postings.reduce(
          (total: Amount, p: { amount: string }) => total.plus(p.amount),
          new MoneyDecimal(0),
        );
        expect(sum.isZero()).toBe(true);
        model.apply(amounts);
        model.vouchers.push({
          id: res.body.id,
          month: op.month,
          amounts,
          reversed: false,
          key,
          body,
          response: res.body,
        });
        return;
      }
      case 'dryRun': {
        const body = {
          date: date(op.month),
          postings: [
            { accountNumber: '6300', amount: money(op.ore) },
            { accountNumber: '1920', amount: money(-op.ore) },
          ],
        };
        const res = await call('POST', '/v1/vouchers?dryRun=true', body);
        if (model.periods[op.month] !== 'open') return expect(res.status).toBe(422);
        expect(res.status).toBe(200);
        expect(res.body.number).toBe(model.nextNumber);
        return;
      }
      case 'reverse': {
        const candidates = model.vouchers;
        if (candidates.length === 0) return;
        const target = candidates[op.pick % candidates.length];
        const res = await call('POST', `/v1/vouchers/${target.id}/reverse`, {});
        if (target.reversed)
          return expect([res.status, res.body.code]).toEqual([409, 'VOUCHER_ALREADY_REVERSED']);
        if (model.periods[target.month] !== 'open')
          return expect([res.status, res.body.code]).toEqual([422, 'PERIOD_CLOSED']);
        expect(res.status).toBe(201);
        expect(res.body.number).toBe(model.nextNumber++);
        target.reversed = true;
        model.apply(target.amounts, -1);
        return;
      }
      case 'period': {
        const current = model.periods[op.month];
        const allowed = { close: ['open'], lock: ['open', 'closed'], reopen: ['closed', 'locked'] }[
          op.action
        ];
        const res = await call('POST', `/v1/periods/${periodIds[op.month]}/${op.action}`);
        if (!allowed.includes(current))
          return expect([res.status, res.body.code]).toEqual([409, 'PERIOD_STATUS_CONFLICT']);
        expect(res.status).toBe(200);
        model.periods[op.month] = ({ close: 'closed', lock: 'locked', reopen: 'open' } as const)[op.action];
        return;
      }
      case 'retry': {
        if (model.vouchers.length === 0) return;
        const target = model.vouchers[op.pick % model.vouchers.length];
        const res = await call('POST', '/v1/vouchers', target.body, { 'Idempotency-Key': target.key });
        expect(res.status).toBe(201);
        expect(res.headers.get('idempotent-replayed')).toBe('true');
        expect(res.body).toEqual(target.response);
        return;
      }
    }
  }

  it(`keeps every rule through ${OPERATIONS} random operations (seed printed on failure)`, async () => {
    const operations = fc.sample(operation, { seed: SEED, numRuns: OPERATIONS });
    const model = new Model();
    for (const [index, op] of operations.entries()) {
      try {
        await step(model, op, index);
        if (op.kind === 'post' || op.kind === 'reverse') await checkKeptBalances(model);
        if ((index + 1) % API_CHECK_EVERY === 0) await checkTrialBalance(model);
        if ((index + 1) % FULL_CHECK_EVERY === 0) await checkAgainstFreshSums();
      } catch (error) {
        throw new Error(
          `ledger model broke at operation ${index} (${JSON.stringify(op)}); replay with LEDGER_MODEL_SEED=${SEED}\n${String(error)}`,
          { cause: error },
        );
      }
    }
    await checkAgainstFreshSums();
    await checkTrialBalance(model);
  }, 900_000);
});
