import { MoneyDecimal, sumAmounts, type Amount } from '../common/index.js';
import { sectionOf, type ReportLayout } from '../ledger/index.js';

export interface StatementAccount {
  id: string;
  number: string;
  name: string;
}

export interface StatementAccountLine {
  account: StatementAccount;
  amount: Amount;
  compareAmount: Amount | null;
}

export interface StatementSection {
  key: string;
  name: string;
  englishName: string;
  amount: Amount;
  compareAmount: Amount | null;
  accounts: StatementAccountLine[];
}

export interface StatementSubtotal {
  key: string;
  name: string;
  englishName: string;
  amount: Amount;
  compareAmount: Amount | null;
}

export interface FinancialStatement {
  sections: StatementSection[];
  subtotals: StatementSubtotal[];
}

/** Signed amounts per account id (already in the report's sign convention), and the comparison. */
export interface StatementInput {
  accounts: StatementAccount[];
  amounts: Map<string, Amount>;
  compare: Map<string, Amount> | null;
  /** Sections outside the layout to add (the balance sheet's result not yet closed), with the subtotals they join. */
  extraSections?: { section: StatementSection; joins: string[] }[];
}

const ZERO = new MoneyDecimal(0);

/**
 * Arranges account amounts into a layout's sections and subtotals. Accounts with nothing in
 * either period are left out; sections stay, so two reports always have the same shape.
 */
export function buildStatement(layout: ReportLayout, input: StatementInput): FinancialStatement {
  const sections: StatementSection[] = layout.sections.map((section) => {
    const accounts = input.accounts
      .filter((account) => sectionOf(layout, account.number)?.key === section.key)
      .map((account) => ({
        account,
        amount: input.amounts.get(account.id) ?? ZERO,
        compareAmount: input.compare ? (input.compare.get(account.id) ?? ZERO) : null,
      }))
      .filter((line) => !line.amount.isZero() || (line.compareAmount && !line.compareAmount.isZero()))
      .sort((a, b) => a.account.number.localeCompare(b.account.number));
    return {
      key: section.key,
      name: section.name,
      englishName: section.englishName,
      amount: sumAmounts(accounts.map((line) => line.amount)),
      compareAmount: input.compare ? sumAmounts(accounts.map((line) => line.compareAmount ?? ZERO)) : null,
      accounts,
    };
  });
  const extras = input.extraSections ?? [];
  sections.push(...extras.map((extra) => extra.section));
  const byKey = new Map(sections.map((section) => [section.key, section]));
  const subtotals = layout.subtotals.map((subtotal) => {
    const members = [
      ...subtotal.sections,
      ...extras.filter((extra) => extra.joins.includes(subtotal.key)).map((extra) => extra.section.key),
    ].map((key) => byKey.get(key)!);
    return {
      key: subtotal.key,
      name: subtotal.name,
      englishName: subtotal.englishName,
      amount: sumAmounts(members.map((section) => section.amount)),
      compareAmount: input.compare
        ? sumAmounts(members.map((section) => section.compareAmount ?? ZERO))
        : null,
    };
  });
  return { sections, subtotals };
}
