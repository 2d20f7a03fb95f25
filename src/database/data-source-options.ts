import pg from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

export interface DatabaseSettings {
  url: string;
  poolSize: number;
  /** Every entity of every context (src/entities.ts); migrations alone need none. */
  entities?: DataSourceOptions['entities'];
}

// A calendar date stays the string PostgreSQL gives ("2026-11-27"): turning it into a JS Date
// would pin it to a time zone and could move it a day.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

export function dataSourceOptions(settings: DatabaseSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    entities: settings.entities ?? [],
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    // The schema comes from migrations only, everywhere, tests included.
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    poolSize: settings.poolSize,
    applicationName: 'hovedbok',
    extra: { connectionTimeoutMillis: 5000 },
  };
}
