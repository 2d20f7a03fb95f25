import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

describe('the application database role', () => {
  let db: TestDatabase;
  let client: pg.Client;
  beforeAll(async () => {
    db = await createTestDatabase();
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await db.drop();
  });

  it('exists after the migrations and cannot bypass row-level security', async () => {
    const { rows } = await client.query(
      `SELECT rolsuper, rolbypassrls, rolcreatedb, rolcreaterole, rolcanlogin FROM pg_roles WHERE rolname = 'hovedbok_app'`,
    );
    expect(rows).toEqual([
      { rolsuper: false, rolbypassrls: false, rolcreatedb: false, rolcreaterole: false, rolcanlogin: false },
    ]);
  });

  it('gets data privileges on tables the migration owner creates, but not ownership', async () => {
    await client.query('CREATE TABLE role_probe (id int PRIMARY KEY, note text)');
    await client.query('BEGIN');
    try {
      await client.query('SET LOCAL ROLE hovedbok_app');
      await client.query(`INSERT INTO role_probe VALUES (1, 'a')`);
      await client.query(`UPDATE role_probe SET note = 'b'`);
      expect((await client.query('SELECT note FROM role_probe')).rows).toEqual([{ note: 'b' }]);
      await client.query('SAVEPOINT before_drop');
      await expect(client.query('DROP TABLE role_probe')).rejects.toThrow(/must be owner/);
      await client.query('ROLLBACK TO SAVEPOINT before_drop');
      await expect(client.query('ALTER TABLE role_probe ENABLE ROW LEVEL SECURITY')).rejects.toThrow(
        /must be owner/,
      );
    } finally {
      await client.query('ROLLBACK');
    }
  });

  it('cannot create tables of its own', async () => {
    await client.query('BEGIN');
    try {
      await client.query('SET LOCAL ROLE hovedbok_app');
      await expect(client.query('CREATE TABLE sneaky (id int)')).rejects.toThrow(
        /permission denied for schema public/,
      );
    } finally {
      await client.query('ROLLBACK');
    }
  });
});
