import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NotFoundError, type TenantContext, assertVersion } from '../../common/index.js';
import { AuditLog } from '../../audit/index.js';
import { Database } from '../../database/index.js';
import { EventOutbox, type EventDefinition } from '../../events/index.js';
import { PeriodStatusConflictError } from '../ledger.errors.js';
import type { PeriodResponseDto } from './dto/period.dto.js';
import { Period, type PeriodStatus } from './period.entity.js';
import { PERIOD_CLOSED, PERIOD_LOCKED, PERIOD_REOPENED } from './period.events.js';
import { toPeriodResponse } from './period.mapper.js';

export type PeriodTransition = 'close' | 'lock' | 'reopen';

// open -> closed -> locked; reopen takes a closed or locked period back to open.
const TRANSITIONS: Record<
  PeriodTransition,
  { from: PeriodStatus[]; to: PeriodStatus; past: string; event: EventDefinition<PeriodResponseDto> }
> = {
  close: { from: ['open'], to: 'closed', past: 'closed', event: PERIOD_CLOSED },
  lock: { from: ['open', 'closed'], to: 'locked', past: 'locked', event: PERIOD_LOCKED },
  reopen: { from: ['closed', 'locked'], to: 'open', past: 'reopened', event: PERIOD_REOPENED },
};

export interface PeriodFilter {
  fiscalYearId?: string;
  from?: string;
  to?: string;
}

/** Accounting periods: list them, and close, lock or reopen one (each audited and published). */
@Injectable()
export class PeriodsService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly outbox: EventOutbox,
  ) {}

  list(tenant: TenantContext, filter: PeriodFilter): Promise<Period[]> {
    return this.db.transaction({ companyId: tenant.companyId }, (tx) => {
      const query = tx
        .getRepository(Period)
        .createQueryBuilder('period')
        .where('period.company_id = :companyId', { companyId: tenant.companyId })
        .orderBy('period.start_date', 'ASC');
      if (filter.fiscalYearId) query.andWhere('period.fiscal_year_id = :year', { year: filter.fiscalYearId });
      if (filter.from) query.andWhere('period.end_date >= :from', { from: filter.from });
      if (filter.to) query.andWhere('period.start_date <= :to', { to: filter.to });
      return query.getMany();
    });
  }

  get(tenant: TenantContext, id: string): Promise<Period> {
    return this.db.transaction({ companyId: tenant.companyId }, (tx) => this.getIn(tx, tenant.companyId, id));
  }

  /**
   * Moves a period to its next status. The row lock waits for bookings in flight, which hold
   * the period FOR SHARE, so no posting lands in a period after it is closed.
   */
  transition(
    tenant: TenantContext,
    id: string,
    transition: PeriodTransition,
    expectedVersion?: number,
  ): Promise<Period> {
    const rule = TRANSITIONS[transition];
    return this.db.transaction({ companyId: tenant.companyId }, async (tx) => {
      const period = await this.getIn(tx, tenant.companyId, id, true);
      assertVersion(period, expectedVersion, 'period');
      if (!rule.from.includes(period.status)) throw new PeriodStatusConflictError(rule.past, period.status);
      await tx
        .getRepository(Period)
        .update(
          { companyId: tenant.companyId, id },
          { status: rule.to, updatedAt: () => 'now()', version: () => 'version + 1' },
        );
      const changed = await this.getIn(tx, tenant.companyId, id);
      await this.outbox.add(tx, tenant.companyId, rule.event, toPeriodResponse(changed));
      await this.audit.record(tx, tenant, {
        action: rule.event.type,
        resourceType: 'period',
        resourceId: id,
        details: { startDate: period.startDate, endDate: period.endDate, from: period.status, to: rule.to },
      });
      return changed;
    });
  }

  private async getIn(tx: EntityManager, companyId: string, id: string, forUpdate = false): Promise<Period> {
    const period = await tx.getRepository(Period).findOne({
      where: { companyId, id },
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!period) throw new NotFoundError('Period', id);
    return period;
  }
}
