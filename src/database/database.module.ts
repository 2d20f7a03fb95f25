import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/index.js';
import type { Logger } from '../common/index.js';
import { dataSourceOptions, type DatabaseSettings } from './data-source-options.js';
import { Database } from './database.service.js';
import { runMigrations } from './migrate.js';

/** Injection token for the database's connection string (for connections of their own: LISTEN, the job queue). */
export const DATABASE_URL = Symbol('DATABASE_URL');

@Global()
@Module({})
export class DatabaseModule {
  /** `url` is the resolved database: `DATABASE_URL`, or the embedded server started by main.ts. */
  static forRoot(
    config: AppConfig,
    url: string,
    logger: Logger,
    entities: DatabaseSettings['entities'],
  ): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSourceOptions({ url, poolSize: config.database.poolSize, entities }),
          dataSourceFactory: async (options) => {
            const dataSource = await new DataSource(options!).initialize();
            if (config.database.runMigrations) {
              const applied = await runMigrations(dataSource);
              logger.info({ applied }, `database migrations: ${applied.length} applied`);
            }
            return dataSource;
          },
        }),
      ],
      providers: [Database, { provide: DATABASE_URL, useValue: url }],
      exports: [Database, DATABASE_URL],
    };
  }
}
