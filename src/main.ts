import 'reflect-metadata';
import { createApp, ensureDemoCompany, shutDownGracefully } from './bootstrap/index.js';
import { createLogger } from './common/index.js';
import { ConfigError, loadConfig, type AppConfig } from './config/index.js';
import { startEmbeddedPostgres, type RunningPostgres } from './database/index.js';
import { WorkerRuntime } from './jobs/index.js';

function readConfig(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.logLevel);
  let embedded: RunningPostgres | undefined;
  if (!config.database.url) {
    const { dataDir, port } = config.database.embedded;
    logger.info({ dataDir, port }, 'DATABASE_URL is not set: starting the embedded PostgreSQL');
    embedded = await startEmbeddedPostgres({
      dataDir,
      port,
      database: 'hovedbok',
      log: (message) => logger.debug({ component: 'embedded-postgres' }, message),
    });
  }
  const app = await createApp({ config, databaseUrl: config.database.url ?? embedded!.url, logger });
  // Before listening, so that "ready" also means the demo company exists.
  if (embedded && config.demoCompany) await ensureDemoCompany(app, config, logger);
  await app.listen(config.http.port, config.http.host);
  // In-process workers (the default) deliver webhooks from this process; production runs
  // `npm run worker` processes instead (WORKERS_IN_PROCESS=false here).
  if (config.workers.inProcess) await app.get(WorkerRuntime).start();
  logger.info(
    {
      url: config.http.publicBaseUrl,
      docs: `${config.http.publicBaseUrl}/docs`,
      graphql: `${config.http.publicBaseUrl}/graphiql`,
    },
    `Hovedbok is listening on ${config.http.host}:${config.http.port}`,
  );

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await shutDownGracefully(app, config.http.shutdownTimeoutMs, logger);
    await embedded?.stop();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Hovedbok failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
