import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { APPLICATION_ROLE } from './application-role.js';

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
  transaction<T>(
    scope: DatabaseScope,
    work: (tx: EntityManager) => Promise<T>,
    options: { repeatableRead?: boolean } = {},
  ): Promise<T> {
    const run = async (tx: EntityManager): Promise<T> => {
      // set_config(..., true) is SET LOCAL: it ends with the transaction, so a pooled
      // connection never carries one tenant's settings into another's work.
      await tx.query(
        `SELECT set_config('role', $1, true), set_config('app.company_id', $2, true),
                set_config('app.user_id', $3, true), set_config('app.client_id', $4, true),
                set_config('app.api_key_id', $5, true)`,
        [
          APPLICATION_ROLE,
          scope.companyId ?? '',
          scope.userId ?? '',
          scope.clientId ?? '',
          scope.apiKeyId ?? '',
        ],
      );
      return work(tx);
    };
    // READ COMMITTED is PostgreSQL's default: naming it would cost a SET TRANSACTION round trip.
    return options.repeatableRead
      ? this.dataSource.transaction('REPEATABLE READ', run)
      : this.dataSource.transaction(run);
  }
}
