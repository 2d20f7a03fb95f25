export { DatabaseModule, DATABASE_URL } from './database.module.js';
export { dataSourceOptions, type DatabaseSettings } from './data-source-options.js';
export { startEmbeddedPostgres, type RunningPostgres } from './embedded-postgres.js';
export { runMigrations } from './migrate.js';
export { Database, type DatabaseScope, type OpeningStep, type SqlStatement } from './database.service.js';
export type { SqlValue } from './sql-literals.js';
export { APPLICATION_ROLE } from './application-role.js';
export { isUniqueViolation } from './unique-violation.js';
export { hydrateRow } from './hydrate-row.js';
