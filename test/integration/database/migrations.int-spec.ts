import { readdirSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../../migrations/index.js';
import { dataSourceOptions } from '../../../src/database/index.js';
import { ALL_ENTITIES } from '../../../src/entities.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

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
});
