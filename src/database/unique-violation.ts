import { QueryFailedError } from 'typeorm';

const UNIQUE_VIOLATION = '23505';

/** True when the error is PostgreSQL refusing a duplicate, on the named constraint if one is given. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return (
    driverError.code === UNIQUE_VIOLATION &&
    (constraint === undefined || driverError.constraint === constraint)
  );
}
