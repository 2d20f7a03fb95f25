import pg from 'pg';
import { AuditLog } from '../../../src/audit/index.js';
import { Database } from '../../../src/database/index.js';
import { signUpCompany, type SignedUpCompany } from '../../support/factories.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

describe('the audit log in the database', () => {
  let t: TestApp;
  let company: SignedUpCompany;
  let client: pg.Client;
  beforeAll(async () => {
    t = await createTestApp();
    company = await signUpCompany(t.http);
    client = new pg.Client({ connectionString: t.database.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await t.close();
  });

  const countEvents = () =>
    t.app
      .get(Database)
      .transaction({ companyId: company.companyId }, (tx) =>
        tx.query<Array<{ count: number }>>('SELECT count(*)::int AS count FROM audit_events'),
      )
      .then((rows) => rows[0].count);

  // As the application role, with the company set: exactly what the application can do.
  async function asApplication<T>(work: () => Promise<T>): Promise<T> {
    await client.query('BEGIN');
    try {
      await client.query(
        `SELECT set_config('role', 'hovedbok_app', true), set_config('app.company_id', $1, true)`,
        [company.companyId],
      );
      return await work();
    } finally {
      await client.query('ROLLBACK');
    }
  }

  it('lets the application role read and append events', async () => {
    await asApplication(async () => {
      const { rows } = await client.query('SELECT count(*)::int AS count FROM audit_events');
      expect(rows[0].count).toBeGreaterThan(0);
      await client.query(
        `INSERT INTO audit_events (company_id, id, actor_kind, action, resource_type, resource_id)
         VALUES ($1, gen_random_uuid(), 'system', 'test.appended', 'test', 'x')`,
        [company.companyId],
      );
    });
  });

  it.each([
    ['update', `UPDATE audit_events SET action = 'company.forged'`],
    ['delete', 'DELETE FROM audit_events'],
    ['truncate', 'TRUNCATE audit_events'],
  ])('refuses to %s events as the application role', async (_verb, statement) => {
    await asApplication(async () => {
      await expect(client.query(statement)).rejects.toThrow(/permission denied for table audit_events/);
    });
  });

  it('shows the application role no events without the company setting', async () => {
    await client.query('BEGIN');
    try {
      await client.query(`SELECT set_config('role', 'hovedbok_app', true)`);
      const { rows } = await client.query('SELECT count(*)::int AS count FROM audit_events');
      expect(rows[0].count).toBe(0);
    } finally {
      await client.query('ROLLBACK');
    }
  });

  it('keeps no event of a write whose transaction rolls back', async () => {
    const before = await countEvents();
    const failing = t.app.get(Database).transaction({ companyId: company.companyId }, async (tx) => {
      await t.app
        .get(AuditLog)
        .record(
          tx,
          { companyId: company.companyId, actor: { kind: 'system' }, requestId: 'req_rolled_back' },
          { action: 'company.updated', resourceType: 'company', resourceId: company.companyId },
        );
      throw new Error('the write failed after it was audited');
    });
    await expect(failing).rejects.toThrow('the write failed');
    expect(await countEvents()).toBe(before);
  });

  it('refuses an event for another company than the transaction’s', async () => {
    const other = await signUpCompany(t.http);
    const forged = t.app
      .get(Database)
      .transaction({ companyId: company.companyId }, (tx) =>
        t.app
          .get(AuditLog)
          .record(
            tx,
            { companyId: other.companyId, actor: { kind: 'system' } },
            { action: 'company.updated', resourceType: 'company', resourceId: other.companyId },
          ),
      );
    await expect(forged).rejects.toThrow(/row-level security/);
  });
});
