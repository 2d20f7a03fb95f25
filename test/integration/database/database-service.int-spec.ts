import { DataSource } from 'typeorm';
import { dataSourceOptions, Database } from '../../../src/database/index.js';
import { ALL_ENTITIES } from '../../../src/entities.js';
import { RateLimitBucket } from '../../../src/rate-limits/index.js';
import { signUpCompany, type SignedUpCompany } from '../../support/factories.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

const SESSION = `SELECT current_user AS role, current_setting('app.company_id', true) AS company_id`;

// The settings go out in the same round trip as what follows them (see database.service.ts).
// One pooled connection, so every call below reuses the connection the one before it used.
describe('Database on a pooled connection', () => {
  let t: TestApp;
  let dataSource: DataSource;
  let db: Database;
  let a: SignedUpCompany;
  beforeAll(async () => {
    t = await createTestApp();
    a = await signUpCompany(t.http);
    await signUpCompany(t.http);
    dataSource = await new DataSource(
      dataSourceOptions({ url: t.database.url, poolSize: 1, entities: ALL_ENTITIES }),
    ).initialize();
    db = new Database(dataSource);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await t.close();
  });

  const owner = async () => (await dataSource.query<Array<Record<string, string>>>(SESSION))[0];

  it('runs a statement as the application role, under row-level security for the named company', async () => {
    const rows = await db.statement<{ id: string; role: string }>(
      { companyId: a.companyId },
      `SELECT id, current_user AS role FROM companies`,
    );
    expect(rows).toEqual([{ id: a.companyId, role: 'hovedbok_app' }]);
    expect(await db.statement({}, `SELECT id FROM companies`)).toEqual([]);
  });

  it('ends the settings with the statement, also when the statement fails', async () => {
    await db.statement({ companyId: a.companyId }, `SELECT 1`);
    expect(await owner()).toEqual({ role: expect.not.stringMatching(/^hovedbok_app$/), company_id: '' });
    await expect(db.statement({ companyId: a.companyId }, `SELECT 1 / 0`)).rejects.toThrow(
      /division by zero/,
    );
    expect(await owner()).toEqual({ role: expect.not.stringMatching(/^hovedbok_app$/), company_id: '' });
  });

  it('hands values over exactly, quotes, backslashes and array punctuation included', async () => {
    const text = `O'Brien \\ "quoted" {braces}, $1 -- not a comment`;
    const list = ['a,b', 'say "hi"', 'back\\slash', "it's", ''];
    const [row] = await db.statement<{ text: string; list: string[]; n: number; yes: boolean; none: null }>(
      {},
      `SELECT $1::text AS text, $2::text[] AS list, $3::int AS n, $4::boolean AS yes, $5::uuid AS none`,
      [text, list, 42, true, null],
    );
    expect(row).toEqual({ text, list, n: 42, yes: true, none: null });
  });

  it('runs a transaction with the settings, which end with it', async () => {
    const seen = await db.transaction({ companyId: a.companyId }, (tx) => tx.query(SESSION));
    expect(seen).toEqual([{ role: 'hovedbok_app', company_id: a.companyId }]);
    expect(await owner()).toEqual({ role: expect.not.stringMatching(/^hovedbok_app$/), company_id: '' });
  });

  it('keeps TypeORM saves inside the transaction, so a failure rolls them back', async () => {
    const key = `probe:${a.companyId}`;
    const bucket = { key, windowStart: new Date(), count: 1 };
    await expect(
      db.transaction({}, async (tx) => {
        await tx.getRepository(RateLimitBucket).save(bucket);
        throw new Error('after the save');
      }),
    ).rejects.toThrow('after the save');
    expect(await db.statement({}, `SELECT key FROM rate_limit_buckets WHERE key = $1`, [key])).toEqual([]);
    expect(await owner()).toEqual({ role: expect.not.stringMatching(/^hovedbok_app$/), company_id: '' });
    await db.transaction({}, (tx) => tx.getRepository(RateLimitBucket).save(bucket));
    expect(await db.statement({}, `SELECT key FROM rate_limit_buckets WHERE key = $1`, [key])).toEqual([
      { key },
    ]);
  });

  const bucketKeys = async (key: string) =>
    db.statement({}, `SELECT key FROM rate_limit_buckets WHERE key = $1`, [key]);
  const INSERT_BUCKET = `INSERT INTO rate_limit_buckets (key, window_start, count) VALUES ($1, now(), 1) RETURNING key`;

  it('commits with the last statement in one round trip, and ends the settings with it', async () => {
    const key = `commit-with:${a.companyId}`;
    const rows = await db.transaction({ companyId: a.companyId }, async (tx) => {
      const [session] = await tx.query<Array<Record<string, string>>>(SESSION);
      expect(session).toEqual({ role: 'hovedbok_app', company_id: a.companyId });
      return db.commitWith<{ key: string }>(tx, INSERT_BUCKET, [key]);
    });
    expect(rows).toEqual([{ key }]);
    expect(await bucketKeys(key)).toEqual([{ key }]);
    expect(await owner()).toEqual({ role: expect.not.stringMatching(/^hovedbok_app$/), company_id: '' });
  });

  it('commits nothing when the last statement fails, throwing what PostgreSQL said', async () => {
    const key = `commit-with-fails:${a.companyId}`;
    await expect(
      db.transaction({}, async (tx) => {
        await tx.query(INSERT_BUCKET, [key]);
        return db.commitWith(tx, INSERT_BUCKET, [key]);
      }),
    ).rejects.toMatchObject({ driverError: expect.objectContaining({ code: '23505' }) });
    expect(await bucketKeys(key)).toEqual([]);
    expect(await owner()).toEqual({ role: expect.not.stringMatching(/^hovedbok_app$/), company_id: '' });
  });

  it('runs an opening step first in the first transaction for its company, and tells it the commit', async () => {
    const log: string[] = [];
    const step = {
      companyId: a.companyId,
      run: async () => void log.push('step'),
      committed: () => void log.push('committed'),
    };
    await db.withOpeningStep(step, async () => {
      await db.transaction({}, async () => void log.push('other scope'));
      // Rolled back: the step runs again in the next transaction.
      await db
        .transaction({ companyId: a.companyId }, async () => {
          log.push('work that fails');
          throw new Error('no');
        })
        .catch(() => undefined);
      // Committed by commitWith before the work failed: the step's effects stand.
      await db
        .transaction({ companyId: a.companyId }, async (tx) => {
          await db.commitWith(tx, 'SELECT 1', []);
          throw new Error('after the commit');
        })
        .catch(() => undefined);
      await db.transaction({ companyId: a.companyId }, async () => void log.push('later work'));
    });
    expect(log).toEqual(['other scope', 'step', 'work that fails', 'step', 'committed', 'later work']);
  });

  it('runs independent statements in one round trip, rows per statement in order', async () => {
    const results = await db.transaction({ companyId: a.companyId }, (tx) =>
      db.queries(tx, [
        { sql: 'SELECT id FROM companies', values: [] },
        { sql: 'SELECT $1::int + 1 AS n, $2::text[] AS list', values: [41, ['x', null]] },
      ]),
    );
    expect(results).toEqual([[{ id: a.companyId }], [{ n: 42, list: ['x', null] }]]);
  });

  it('runs a repeatable-read transaction when asked', async () => {
    const [row] = await db.transaction(
      {},
      (tx) => tx.query(`SELECT current_setting('transaction_isolation') AS level`),
      {
        repeatableRead: true,
      },
    );
    expect(row).toEqual({ level: 'repeatable read' });
    const [plain] = await db.transaction({}, (tx) =>
      tx.query(`SELECT current_setting('transaction_isolation') AS level`),
    );
    expect(plain).toEqual({ level: 'read committed' });
  });
});
