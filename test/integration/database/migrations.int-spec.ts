import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../../migrations/index.js';
import { dataSourceOptions } from '../../../src/database/index.js';
import { ALL_ENTITIES } from '../../../src/entities.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

const run = promisify(execFile);

describe('migrations', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource(
      dataSourceOptions({ url: db.url, poolSize: 1, entities: ALL_ENTITIES }),
    ).initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('lists every migration file in migrations/index.ts, in order', () => {
    const files = readdirSync('migrations')
      .filter((file) => /^\d+-\w+\.ts$/.test(file))
      .sort();
    expect(MIGRATIONS.map((migration) => migration.name)).toEqual(
      files.map((file) => file.replace(/^(\d+)-(\w+)\.ts$/, '$2$1')),
    );
  });

  it('leaves nothing for migration:generate to do after all have run', async () => {
    expect(await dataSource.showMigrations()).toBe(false);
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('can revert every migration and apply them again', async () => {
    for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await dataSource.showMigrations()).toBe(true);
    await dataSource.runMigrations({ transaction: 'each' });
    expect(await dataSource.showMigrations()).toBe(false);
  });

  // CI relies on the exit status of `npm run migration:check`; it once ended 0 on a mismatch.
  it('makes migration:check exit 1 when the schema and the entities differ', async () => {
    const drifted = await createTestDatabase();
    try {
      const admin = new pg.Client({ connectionString: drifted.url });
      await admin.connect();
      await admin.query('ALTER TABLE accounts DROP COLUMN description');
      await admin.end();
      const script = path.resolve(import.meta.dirname, '../../../dist/scripts/migrate.js');
      const result = await run(process.execPath, [script, 'check'], {
        env: { ...process.env, DATABASE_URL: drifted.url },
      }).then(
        () => 0,
        (error: { code: number }) => error.code,
      );
      expect(result).toBe(1);
    } finally {
      await drifted.drop();
    }
  });
});
