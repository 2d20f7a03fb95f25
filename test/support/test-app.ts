import 'reflect-metadata';
import { Writable } from 'node:stream';
import type { ModuleMetadata } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApp } from '../../src/bootstrap/index.js';
import { createLogger } from '../../src/common/index.js';
import { loadConfig, type AppConfig } from '../../src/config/index.js';
import { WorkerRuntime } from '../../src/jobs/index.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

/** The public base URL the committed contract is generated with; tests use the same. */
export const TEST_PUBLIC_BASE_URL = 'https://api.hovedbok.example';

export interface TestApp {
  app: NestExpressApplication;
  /** The HTTP server, for supertest. */
  http: ReturnType<NestExpressApplication['getHttpServer']>;
  config: AppConfig;
  database: TestDatabase;
  /** Every JSON log line the app wrote, parsed. */
  logs: Array<Record<string, unknown>>;
  close: () => Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  extraImports?: ModuleMetadata['imports'];
  database?: TestDatabase;
  /** Leave the database in place on close: for a second app on another app's database. */
  keepDatabase?: boolean;
  /** Run the job queue and the event relay in this app, as `npm start` does (off by default in tests). */
  workers?: boolean;
}

function capturingStream(lines: Array<Record<string, unknown>>): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
}

/** The real application on a database of its own, with its logs captured. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const config = loadConfig({
    NODE_ENV: 'test',
    PUBLIC_BASE_URL: TEST_PUBLIC_BASE_URL,
    DATABASE_URL: database.url,
    DATABASE_POOL_SIZE: '4',
    LOG_LEVEL: 'info',
    // Every test client calls from 127.0.0.1, so the per-address limit of the public endpoints
    // would throttle a file that signs up many companies; the rate-limit tests set their own.
    RATE_LIMIT_PUBLIC_PER_MINUTE: '100000',
    WORKER_CONCURRENCY: '4',
    ...options.env,
  });
  const logs: Array<Record<string, unknown>> = [];
  const logger = createLogger(config.logLevel, capturingStream(logs));
  const app = await createApp({
    config,
    databaseUrl: database.url,
    logger,
    extraImports: options.extraImports,
  });
  if (options.workers) await app.get(WorkerRuntime).start();
  return {
    app,
    http: app.getHttpServer(),
    config,
    database,
    logs,
    close: async () => {
      await app.close();
      if (!options.keepDatabase) await database.drop();
    },
  };
}
