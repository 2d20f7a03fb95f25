import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Company } from './company.entity.js';

/** One context's part of making a new company ready, run in the creating transaction. */
export type CompanySetupStep = (tx: EntityManager, company: Company) => Promise<void>;

/**
 * Steps other contexts add to company creation (the ledger seeds its chart of accounts, VAT
 * codes and periods; vouchers their series). They register at start-up, so companies need
 * not know them, and a company never exists half set up: the steps share its transaction.
 */
@Injectable()
export class CompanySetup {
  private readonly steps: { name: string; step: CompanySetupStep }[] = [];

  register(name: string, step: CompanySetupStep): void {
    if (this.steps.some((entry) => entry.name === name))
      throw new Error(`setup step ${name} registered twice`);
    this.steps.push({ name, step });
  }

  async runIn(tx: EntityManager, company: Company): Promise<void> {
    for (const { step } of this.steps) await step(tx, company);
  }
}
