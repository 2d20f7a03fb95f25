import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type pg from 'pg';
import { to as copyTo, type CopyToStreamQuery } from 'pg-copy-streams';
import { QueryFailedError, type DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { APPLICATION_ROLE } from './application-role.js';
import { inlineParameters, sqlLiteral, type SqlValue } from './sql-literals.js';

/**
 * Who a transaction acts for. Row-level security lets the application role see a tenant row
 * only when the transaction names its company, or for the narrow cross-company lookups the
 * policies allow: a person's own memberships (`userId`), an OAuth client by id (`clientId`),
 * an API key by id (`apiKeyId`).
 * An empty scope reaches global tables only (users, signing keys): tenant tables show nothing.
 */
export interface DatabaseScope {
  companyId?: string;
  userId?: string;
  clientId?: string;
  /** An API key by id, so authentication can find it before it knows the company. */
  apiKeyId?: string;
  /**
   * Work on all companies at once that no request asks for: the event relay and retention.
   * Only the tables whose policies allow it (events and webhooks) show every company's rows.
   */
  system?: boolean;
}

// set_config(..., true) is SET LOCAL: it ends with the transaction, so a pooled connection
// never carries one tenant's settings into another's work. Sent as literals, in the same
// simple-protocol query as what follows it (see sql-literals.ts).
function settingsStatement(scope: DatabaseScope): string {
  const settings: Array<[string, string]> = [
    ['role', APPLICATION_ROLE],
    ['app.company_id', scope.companyId ?? ''],
    ['app.user_id', scope.userId ?? ''],
    ['app.client_id', scope.clientId ?? ''],
    ['app.api_key_id', scope.apiKeyId ?? ''],
    ['app.system', scope.system ? 'on' : ''],
  ];
  const calls = settings.map(
    ([name, value]) => `set_config(${sqlLiteral(name)}, ${sqlLiteral(value)}, true)`,
  );
  return `SELECT ${calls.join(', ')}`;
}

// What TypeORM's startTransaction would have set had it opened the transaction: with these,
// saves join our transaction instead of opening their own, nested transactions become
// savepoints, and commitTransaction/rollbackTransaction end it.
function markTransactionOpen(runner: QueryRunner): void {
  Object.assign(runner, { isTransactionActive: true, transactionDepth: 1 });
}

/**
 * Work that must commit or roll back together with the first transaction of a request in one
 * company: it runs first inside that transaction. Idempotency-Key uses it to record the key in
 * the same transaction as the write it guards.
 */
export interface OpeningStep {
  companyId: string;
  run(tx: EntityManager): Promise<void>;
  /** Told once that transaction has committed. */
  committed(): void;
}

interface PendingStep {
  step: OpeningStep;
  state: 'waiting' | 'running' | 'done';
}

const openingSteps = new AsyncLocalStorage<PendingStep>();

// Transactions that commitWith has committed, for `transaction` to tell from rolled-back ones.
const committedEarly = new WeakSet<QueryRunner>();

/** A statement with its `$n` values, to run with others in one round trip. */
export interface SqlStatement {
  sql: string;
  values: readonly SqlValue[];
}

// The pg client under an open transaction of ours, for what TypeORM has no call for.
function clientOf(tx: EntityManager): pg.PoolClient {
  const runner = tx.queryRunner;
  if (!runner?.isTransactionActive) throw new Error('this needs an open transaction');
  return (runner as unknown as { databaseConnection: pg.PoolClient }).databaseConnection;
}

// One simple-protocol query (any number of statements, values already inlined); one result per
// statement. PostgreSQL's errors come out as QueryFailedError, as from TypeORM's own calls.
async function simpleQuery(client: pg.PoolClient, query: string): Promise<pg.QueryResult[]> {
  let results: pg.QueryResult | pg.QueryResult[];
  try {
    results = await client.query(query);
  } catch (error) {
    if (error instanceof Error && 'code' in error) throw new QueryFailedError(query, [], error);
    throw error;
  }
  const list: pg.QueryResult[] = Array.isArray(results) ? results : [results];
  return list;
}

/**
 * The one way services touch the database: one transaction per use case, run as the
 * application role (no BYPASSRLS) with the tenant settings the policies read.
 */
@Injectable()
export class Database {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * `repeatableRead` gives one snapshot for the whole transaction: for reads in several
   * statements that must agree, such as an export fetched in batches.
   */
  async transaction<T>(
    scope: DatabaseScope,
    work: (tx: EntityManager) => Promise<T>,
    options: { repeatableRead?: boolean } = {},
  ): Promise<T> {
    const isolation = options.repeatableRead ? 'REPEATABLE READ' : 'READ COMMITTED';
    const runner = this.dataSource.createQueryRunner();
    const pending = openingSteps.getStore();
    try {
      markTransactionOpen(runner);
      // One round trip where TypeORM's startTransaction and the settings would take three.
      await runner.query(`START TRANSACTION ISOLATION LEVEL ${isolation}; ${settingsStatement(scope)}`);
      if (pending?.state === 'waiting' && scope.companyId === pending.step.companyId) {
        pending.state = 'running';
        await pending.step.run(runner.manager);
      }
      const result = await work(runner.manager);
      // Already committed when the work ended with Database.commitWith.
      if (runner.isTransactionActive) await runner.commitTransaction();
      if (pending?.state === 'running') {
        pending.state = 'done';
        pending.step.committed();
      }
      return result;
    } catch (error) {
      // Committed by commitWith before the work failed: the step's effects stand. Otherwise
      // rolled back with this transaction, and the next transaction of the request takes it.
      if (pending?.state === 'running') {
        pending.state = committedEarly.has(runner) ? 'done' : 'waiting';
        if (pending.state === 'done') pending.step.committed();
      }
      // The original error counts; a failed rollback means the connection is gone anyway.
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  /**
   * Runs the last statement of a transaction and its COMMIT in one round trip, and returns the
   * statement's rows; `transaction` then has nothing left to commit. For a statement that holds
   * a lock everyone queues on (a voucher series' number counter): the lock is released by the
   * database as soon as the statement is done, not a round trip and a turn of the event loop
   * later. Values go in as literals (sql-literals.ts), as in `statement`. Nothing may run in
   * `tx` afterwards. If the statement fails, nothing is committed and the error is thrown.
   */
  async commitWith<Row>(tx: EntityManager, sql: string, values: readonly SqlValue[]): Promise<Row[]> {
    const [result] = await simpleQuery(clientOf(tx), `${inlineParameters(sql, values)}; COMMIT`);
    Object.assign(tx.queryRunner!, { isTransactionActive: false, transactionDepth: 0 });
    committedEarly.add(tx.queryRunner!);
    return result.rows as Row[];
  }

  /**
   * `COPY (query) TO STDOUT` in the transaction, as a stream of the bytes PostgreSQL writes:
   * for exports, where the database formats the rows and the API only passes them on, with
   * backpressure down to the socket. Read it to its end before the transaction ends. Values go
   * in as literals (COPY takes no parameters).
   */
  copyTo(tx: EntityManager, query: string, values: readonly SqlValue[], options: string): CopyToStreamQuery {
    const copy = `COPY (${inlineParameters(query, values)}) TO STDOUT WITH (${options})`;
    return clientOf(tx).query(copyTo(copy));
  }

  /**
   * Several independent statements of a transaction in one round trip (one simple-protocol
   * query, values as literals as in `statement`); returns each statement's rows, in order. For
   * the reads a hot path needs before it writes.
   */
  async queries(
    tx: EntityManager,
    statements: readonly SqlStatement[],
  ): Promise<Record<string, unknown>[][]> {
    if (statements.length === 0) return [];
    const query = statements.map(({ sql, values }) => inlineParameters(sql, values)).join(';\n');
    const results = await simpleQuery(clientOf(tx), query);
    return results.map((result) => result.rows as Record<string, unknown>[]);
  }

  /**
   * Runs `work` so that the first transaction it opens for `step.companyId` runs `step` first.
   * Transactions for other scopes, and all after the first that committed, are left alone.
   */
  withOpeningStep<T>(step: OpeningStep, work: () => Promise<T>): Promise<T> {
    return openingSteps.run({ step, state: 'waiting' }, work);
  }

  /**
   * One statement in one round trip, with the same role and settings as `transaction`: for
   * hot paths that need a single statement (authentication, rate limiting). The settings and
   * the statement go out as one query, which PostgreSQL runs as one implicit transaction: the
   * settings apply to the statement and end with it, and a failed statement changes nothing.
   * `$n` placeholders take `values` (as literals, see sql-literals.ts); returns its rows.
   */
  async statement<Row>(scope: DatabaseScope, sql: string, values: readonly SqlValue[] = []): Promise<Row[]> {
    const query = `${settingsStatement(scope)}; ${inlineParameters(sql, values)}`;
    const runner = this.dataSource.createQueryRunner();
    try {
      const results = await simpleQuery((await runner.connect()) as pg.PoolClient, query);
      return results[1].rows as Row[];
    } finally {
      await runner.release();
    }
  }
}
