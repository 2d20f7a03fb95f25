export { DatabaseModule } from './database.module.js';
export { dataSourceOptions, type DatabaseSettings } from './data-source-options.js';
export { startEmbeddedPostgres, type RunningPostgres } from './embedded-postgres.js';
export { runMigrations } from './migrate.js';
export { ALL_ENTITIES } from './entities.js';
