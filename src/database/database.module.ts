import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/index.js';
import type { Logger } from '../common/index.js';
import { dataSourceOptions } from './data-source-options.js';
import { runMigrations } from './migrate.js';

@Module({})
export class DatabaseModule {
  /** `url` is the resolved database: `DATABASE_URL`, or the embedded server started by main.ts. */
  static forRoot(config: AppConfig, url: string, logger: Logger): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSourceOptions({ url, poolSize: config.database.poolSize }),
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
    };
  }
}
