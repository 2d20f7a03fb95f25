// Runs outside Jest's ESM module system (Jest loads global setup through require hooks), so
// it uses the compiled code in dist/: `npm test` builds first.
import 'reflect-metadata';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrations, startEmbeddedPostgres } from '../../dist/src/database/index.js';

const PREFIX = 'hovedbok_test_';

function withDatabase(serverUrl, database) {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

// Migrations run once, into a template database; every test file clones it (CREATE DATABASE
// ... TEMPLATE), so files run in parallel without sharing data or paying for migrations.
export default async function globalSetup() {
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres({
      dataDir: process.env.HOVEDBOK_TEST_EMBEDDED_DIR ?? '.data/test-postgres',
      port: Number(process.env.HOVEDBOK_TEST_EMBEDDED_PORT ?? 54330),
      database: 'postgres',
    });
    serverUrl = embedded.url;
    globalThis.__HOVEDBOK_EMBEDDED_STOP__ = embedded.stop;
  }
  const template = `${PREFIX}template_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${template}"`);
  await admin.end();
  const dataSource = await new DataSource(
    dataSourceOptions({ url: withDatabase(serverUrl, template), poolSize: 2 }),
  ).initialize();
  try {
    await runMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
  process.env.HOVEDBOK_TEST_SERVER_URL = serverUrl;
  process.env.HOVEDBOK_TEST_TEMPLATE = template;
}
