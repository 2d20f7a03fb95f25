import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ServiceUnavailableError, ShutdownState } from '../common/index.js';

export interface Readiness {
  status: 'ready';
  database: 'up';
  migrations: 'up-to-date';
}

@Injectable()
export class HealthService {
  // Once this build's migrations are all applied they stay applied (a newer build may add
  // more, which does not make this one unfit), so the check is not repeated on every probe.
  private migrationsUpToDate = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly shutdown: ShutdownState,
  ) {}

  /** Ready means: not shutting down, the database answers, and no migration is pending. */
  async getReadiness(): Promise<Readiness> {
    if (this.shutdown.isShuttingDown) throw new ServiceUnavailableError('The server is shutting down.');
    let pending: boolean;
    try {
      await this.dataSource.query('SELECT 1');
      pending = !this.migrationsUpToDate && (await this.dataSource.showMigrations());
    } catch {
      throw new ServiceUnavailableError('The database does not answer.');
    }
    if (pending) {
      throw new ServiceUnavailableError('Database migrations are pending; run `npm run migration:run`.');
    }
    this.migrationsUpToDate = true;
    return { status: 'ready', database: 'up', migrations: 'up-to-date' };
  }
}
