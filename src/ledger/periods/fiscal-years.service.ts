import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { addDays, newId, NotFoundError, type TenantContext } from '../../common/index.js';
import { AuditLog } from '../../audit/index.js';
import { Database } from '../../database/index.js';
import { EventOutbox } from '../../events/index.js';
import { FiscalYearNotAdjacentError } from '../ledger.errors.js';
import { planFiscalYear } from './fiscal-calendar.js';
import { FiscalYear } from './fiscal-year.entity.js';
import { Period } from './period.entity.js';
import { FISCAL_YEAR_CREATED } from './period.events.js';
import { toFiscalYearResponse } from './period.mapper.js';

/** Fiscal years and their twelve periods; years follow each other without gaps. */
@Injectable()
export class FiscalYearsService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly outbox: EventOutbox,
  ) {}

  /**
   * Inside the caller's transaction; the caller has checked that the year fits. Publishes no
   * event: sign-up's first years come with the company, `create` publishes its own.
   */
  async createIn(tx: EntityManager, companyId: string, startDate: string): Promise<FiscalYear> {
    const plan = planFiscalYear(startDate);
    const id = newId();
    await tx.getRepository(FiscalYear).insert({ companyId, id, startDate, endDate: plan.endDate });
    await tx.getRepository(Period).insert(
      plan.periods.map((period) => ({
        companyId,
        id: newId(),
        fiscalYearId: id,
        ...period,
        status: 'open' as const,
      })),
    );
    return tx.getRepository(FiscalYear).findOneByOrFail({ companyId, id });
  }

  list(tenant: TenantContext): Promise<FiscalYear[]> {
    return this.db.transaction({ companyId: tenant.companyId }, (tx) =>
      tx
        .getRepository(FiscalYear)
        .find({ where: { companyId: tenant.companyId }, order: { startDate: 'ASC' } }),
    );
  }

  get(tenant: TenantContext, id: string): Promise<FiscalYear> {
    return this.db.transaction({ companyId: tenant.companyId }, async (tx) => {
      const year = await tx.getRepository(FiscalYear).findOneBy({ companyId: tenant.companyId, id });
      if (!year) throw new NotFoundError('Fiscal year', id);
      return year;
    });
  }

  /** The next year after the last, or the one before the first (for back-dated books). */
  create(tenant: TenantContext, startDate: string): Promise<FiscalYear> {
    return this.db.transaction({ companyId: tenant.companyId }, async (tx) => {
      // Serialises concurrent creations for the company, so two cannot both pass the check.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('fiscal_years:' || $1, 0))`, [
        tenant.companyId,
      ]);
      const [bounds] = await tx.query<[{ first: string | null; last: string | null }]>(
        `SELECT min(start_date) AS first, max(end_date) AS last FROM fiscal_years WHERE company_id = $1`,
        [tenant.companyId],
      );
      if (bounds.first && bounds.last) {
        const allowed = [addDays(bounds.last, 1), planFiscalYearBefore(bounds.first)];
        if (!allowed.includes(startDate)) throw new FiscalYearNotAdjacentError(startDate, allowed);
      }
      const year = await this.createIn(tx, tenant.companyId, startDate);
      await this.outbox.add(tx, tenant.companyId, FISCAL_YEAR_CREATED, toFiscalYearResponse(year));
      await this.audit.record(tx, tenant, {
        action: FISCAL_YEAR_CREATED.type,
        resourceType: 'fiscal_year',
        resourceId: year.id,
        details: { startDate: year.startDate, endDate: year.endDate },
      });
      return year;
    });
  }
}

function planFiscalYearBefore(firstStart: string): string {
  return `${String(Number(firstStart.slice(0, 4)) - 1).padStart(4, '0')}${firstStart.slice(4)}`;
}
