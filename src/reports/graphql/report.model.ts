import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

// Amounts are decimal strings in NOK (debit positive unless a field says otherwise), never Float.

@ObjectType('TrialBalanceLine')
export class TrialBalanceLineModel {
  @Field(() => ID) accountId: string;
  @Field() accountNumber: string;
  @Field() accountName: string;
  @Field() accountClass: string;
  @Field({ description: 'Balance before `from`.' }) opening: string;
  @Field({ description: 'Sum of debits in the range.' }) debit: string;
  @Field({ description: 'Sum of credits in the range, positive.' }) credit: string;
  @Field({ description: 'opening + debit - credit.' }) closing: string;
  @Field(() => Int) postingCount: number;
  @Field({ description: 'The postings behind the line (REST).' }) postingsUrl: string;
}

@ObjectType('TrialBalanceTotals')
export class TrialBalanceTotalsModel {
  @Field() opening: string;
  @Field() debit: string;
  @Field() credit: string;
  @Field({ description: 'Always 0.00: debits equal credits.' }) closing: string;
}

@ObjectType('TrialBalance')
export class TrialBalanceModel {
  @Field() from: string;
  @Field() to: string;
  @Field(() => ID, { nullable: true }) dimensionValueId: string | null;
  @Field(() => [TrialBalanceLineModel]) lines: TrialBalanceLineModel[];
  @Field(() => TrialBalanceTotalsModel) totals: TrialBalanceTotalsModel;
}

@ObjectType('StatementAccountLine')
export class StatementAccountLineModel {
  @Field(() => ID) accountId: string;
  @Field() accountNumber: string;
  @Field() accountName: string;
  @Field() amount: string;
  @Field(() => String, { nullable: true }) compareAmount: string | null;
  @Field() postingsUrl: string;
}

@ObjectType('StatementSection')
export class StatementSectionModel {
  @Field() key: string;
  @Field() name: string;
  @Field() englishName: string;
  @Field() amount: string;
  @Field(() => String, { nullable: true }) compareAmount: string | null;
  @Field(() => [StatementAccountLineModel]) accounts: StatementAccountLineModel[];
}

@ObjectType('StatementSubtotal')
export class StatementSubtotalModel {
  @Field() key: string;
  @Field() name: string;
  @Field() englishName: string;
  @Field() amount: string;
  @Field(() => String, { nullable: true }) compareAmount: string | null;
}

@ObjectType('FinancialStatement', { description: 'Profit and loss, or balance sheet, as on the page.' })
export class FinancialStatementModel {
  @Field({ description: '`profitAndLoss` or `balanceSheet`.' }) report: string;
  @Field(() => String, { nullable: true }) from: string | null;
  @Field() to: string;
  @Field(() => String, { nullable: true }) compareFrom: string | null;
  @Field(() => String, { nullable: true }) compareTo: string | null;
  @Field() signConvention: string;
  @Field(() => [StatementSectionModel]) sections: StatementSectionModel[];
  @Field(() => [StatementSubtotalModel]) subtotals: StatementSubtotalModel[];
}

@ObjectType('GeneralLedgerLine')
export class GeneralLedgerLineModel {
  @Field(() => ID) postingId: string;
  @Field() date: string;
  @Field(() => ID) voucherId: string;
  @Field({ description: 'Series code and number, e.g. SAL 17.' }) voucher: string;
  @Field() voucherUrl: string;
  @Field() description: string;
  @Field(() => String, { nullable: true }) vatCode: string | null;
  @Field({ description: 'Debit positive, credit negative.' }) amount: string;
  @Field({ description: 'Running balance after this posting.' }) balance: string;
}

@ObjectType('GeneralLedger', { description: "One account's postings with opening and running balance." })
export class GeneralLedgerModel {
  @Field(() => ID) accountId: string;
  @Field() accountNumber: string;
  @Field() accountName: string;
  @Field() from: string;
  @Field() to: string;
  @Field({ description: 'Balance before `from`.' }) opening: string;
  @Field({ description: 'Balance at the end of `to` (over all pages).' }) closing: string;
  @Field(() => [GeneralLedgerLineModel]) data: GeneralLedgerLineModel[];
  @Field(() => String, { nullable: true }) nextCursor: string | null;
}

@ObjectType('AccountBalance')
export class AccountBalanceModel {
  @Field(() => ID) accountId: string;
  @Field() accountNumber: string;
  @Field() accountName: string;
  @Field({ description: 'Debit positive.' }) balance: string;
}

@ObjectType('AccountBalances')
export class AccountBalancesModel {
  @Field() at: string;
  @Field(() => [AccountBalanceModel]) data: AccountBalanceModel[];
}

@ObjectType('LedgerPosting', { description: 'A posting with its account and voucher number.' })
export class LedgerPostingModel {
  @Field(() => ID) id: string;
  @Field() date: string;
  @Field(() => ID) voucherId: string;
  @Field({ description: 'Series code and number, e.g. SAL 17.' }) voucher: string;
  @Field() voucherUrl: string;
  @Field(() => Int) lineNumber: number;
  @Field() kind: string;
  @Field(() => ID) accountId: string;
  @Field() accountNumber: string;
  @Field() accountName: string;
  @Field({ description: 'NOK; debit positive, credit negative.' }) amount: string;
  @Field() currency: string;
  @Field() currencyAmount: string;
  @Field() exchangeRate: string;
  @Field(() => String, { nullable: true }) vatCode: string | null;
  @Field(() => String, { nullable: true }) vatRate: string | null;
  @Field(() => ID, { nullable: true }) departmentId: string | null;
  @Field(() => ID, { nullable: true }) projectId: string | null;
  @Field(() => [ID]) dimensionValueIds: string[];
  @Field(() => ID, { nullable: true }) customerId: string | null;
  @Field(() => ID, { nullable: true }) supplierId: string | null;
  @Field() description: string;
}

@ObjectType('LedgerPostingPage')
export class LedgerPostingPageModel {
  @Field(() => [LedgerPostingModel]) data: LedgerPostingModel[];
  @Field(() => String, { nullable: true }) nextCursor: string | null;
}
