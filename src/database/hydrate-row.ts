import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Turns a row as PostgreSQL returned it (`RETURNING *`, snake_case columns) into its entity,
 * with each value converted exactly as a TypeORM read would. Lets a write answer with what it
 * stored without reading it back.
 */
export function hydrateRow<T extends ObjectLiteral>(
  tx: EntityManager,
  target: EntityTarget<T>,
  raw: Record<string, unknown>,
): T {
  const metadata = tx.connection.getMetadata(target);
  const entity = metadata.create() as T;
  for (const column of metadata.columns) {
    if (!(column.databaseName in raw))
      throw new Error(`${metadata.name}: no column ${column.databaseName} in row`);
    const value: unknown = tx.connection.driver.prepareHydratedValue(raw[column.databaseName], column);
    column.setEntityValue(entity, value);
  }
  return entity;
}
