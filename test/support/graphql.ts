import pg from 'pg';
import request from 'supertest';
import type { App } from 'supertest/types.js';

/** Posts one operation to /graphql, with a bearer token when given. */
export async function graphql(
  http: App,
  token: string | null,
  query: string,
  variables: Record<string, unknown> = {},
) {
  const req = request(http).post('/graphql').set('Content-Type', 'application/json');
  if (token) req.set('Authorization', `Bearer ${token}`);
  const res = await req.send({ query, variables });
  // The body stays loosely typed, as supertest gives it: tests read the fields they asked for.
  return {
    status: res.status,
    data: res.body.data,
    errors: res.body.errors,
  };
}

/**
 * Counts the SQL statements the application sends to PostgreSQL while `work` runs, by wrapping
 * `pg.Client#query`, through which every statement of the pool passes. The statements still
 * run: nothing is mocked. Run nothing else against the app meanwhile.
 */
export async function countQueries(work: () => Promise<unknown>): Promise<{ count: number; sql: string[] }> {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- restored as is, called with its client
  const original = pg.Client.prototype.query;
  const sql: string[] = [];
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0];
    sql.push(typeof first === 'string' ? first : String((first as { text?: string })?.text ?? first));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await work();
  } finally {
    pg.Client.prototype.query = original;
  }
  return { count: sql.length, sql };
}
