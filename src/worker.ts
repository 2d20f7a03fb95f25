import 'reflect-metadata';
import { createApp, shutDownGracefully } from './bootstrap/index.js';
import { createLogger } from './common/index.js';
import { ConfigError, loadConfig } from './config/index.js';
import { WorkerRuntime } from './jobs/index.js';

// A worker process: the same application as the API (same modules, same configuration), not
// listening for HTTP, running the job queue and the event relay. Start any number of them
// against one database: `npm run worker`. Needs DATABASE_URL (the embedded database belongs to
// the API process that started it).
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  if (!config.database.url) {
    logger.error(
      'A worker process needs DATABASE_URL (the API process runs its own workers on the embedded database)',
    );
    process.exit(78);
  }
  const app = await createApp({ config, databaseUrl: config.database.url, logger });
  await app.get(WorkerRuntime).start();
  logger.info('Hovedbok worker is running');
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'worker shutting down');
    await shutDownGracefully(app, config.http.shutdownTimeoutMs, logger);
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Hovedbok worker failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
