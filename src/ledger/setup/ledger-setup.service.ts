import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { addMonthsToMonthStart, newId, todayInNorway } from '../../common/index.js';
import type { Company } from '../../companies/index.js';
import { Account } from '../accounts/account.entity.js';
import { DEFAULT_CHART } from '../chart/default-chart.js';
import { Dimension } from '../dimensions/dimension.entity.js';
import { FiscalYearsService } from '../periods/fiscal-years.service.js';
import { fiscalYearStartFor } from '../periods/fiscal-calendar.js';
import { STANDARD_VAT_CODES } from '../vat/standard-vat-codes.js';
import { VatCode } from '../vat/vat-code.entity.js';

/**
 * A new company's ledger: the default chart of accounts (NS 4102 numbers, our names, each
 * mapped to its SAF-T standard account and grouping code), the SAF-T standard VAT codes with
 * the accounts they post to, the department and project dimensions, and open fiscal years from
 * last year to next year, so back-dated and early bookings both have a period.
 */
@Injectable()
export class LedgerSetupService {
  constructor(private readonly fiscalYears: FiscalYearsService) {}

  async setUpIn(tx: EntityManager, company: Company, today = todayInNorway()): Promise<void> {
    const accountIds = await this.createChart(tx, company.id);
    await this.createVatCodes(tx, company.id, accountIds);
    await tx.getRepository(Dimension).insert([
      { companyId: company.id, id: newId(), kind: 'department', name: 'Department' },
      { companyId: company.id, id: newId(), kind: 'project', name: 'Project' },
    ]);
    const currentStart = fiscalYearStartFor(today, company.fiscalYearStartMonth);
    for (const offset of [-12, 0, 12]) {
      await this.fiscalYears.createIn(tx, company.id, addMonthsToMonthStart(currentStart, offset));
    }
  }

  private async createChart(tx: EntityManager, companyId: string): Promise<Map<string, string>> {
    const rows = DEFAULT_CHART.map((template) => ({
      companyId,
      id: newId(),
      number: template.number,
      name: template.name,
      description: null,
      accountClass: template.accountClass,
      standardAccountId: template.standardAccountId,
      groupingCategory: template.groupingCategory,
      groupingCode: template.groupingCode,
      controlKind: template.controlKind ?? null,
      defaultVatCode: template.defaultVatCode ?? null,
      isVatLocked: template.vatLocked ?? false,
    }));
    await tx.getRepository(Account).insert(rows);
    return new Map(rows.map((row) => [row.number, row.id]));
  }

  private async createVatCodes(
    tx: EntityManager,
    companyId: string,
    accountIds: Map<string, string>,
  ): Promise<void> {
    const accountId = (number: string | undefined): string | null => {
      if (number === undefined) return null;
      const id = accountIds.get(number);
      if (!id) throw new Error(`VAT code template names account ${number}, which the default chart lacks`);
      return id;
    };
    await tx.getRepository(VatCode).insert(
      STANDARD_VAT_CODES.map((template) => ({
        companyId,
        code: template.code,
        name: template.name,
        direction: template.direction,
        rates: template.rates.map((period) => ({ ...period })),
        vatAccountId: accountId(template.vatAccountNumber),
        deductionAccountId: accountId(template.reverseChargeInputAccountNumber),
        isDeductible: template.deductible,
      })),
    );
  }
}
