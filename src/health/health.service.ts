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
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly shutdown: ShutdownState,
  ) {}

  /** Ready means: not shutting down, the database answers, and no migration is pending. */
  async getReadiness(): Promise<Readiness> {
    if (this.shutdown.isShuttingDown) throw new ServiceUnavailableError('The server is shutting down.');
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw new ServiceUnavailableError('The database does not answer.');
    }
    if (await this.dataSource.showMigrations()) {
      throw new ServiceUnavailableError('Database migrations are pending; run `npm run migration:run`.');
    }
    return { status: 'ready', database: 'up', migrations: 'up-to-date' };
  }
}
