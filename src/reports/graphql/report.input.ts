import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { PageArgs } from '../../common/index.js';
import {
  AccountBalancesQuery,
  BalanceSheetQuery,
  GeneralLedgerQuery,
  ProfitAndLossQuery,
} from '../dto/financial-statement.dto.js';
import { PostingFilterQuery } from '../dto/postings.dto.js';
import { TrialBalanceQuery } from '../dto/trial-balance.dto.js';

// The REST query classes with their fields declared for GraphQL: the validation rules are
// inherited. Dates are YYYY-MM-DD strings, checked as real calendar dates.

@ArgsType()
export class TrialBalanceArgs extends TrialBalanceQuery {
  @Field({ description: 'First day, inclusive.' }) override from: string;
  @Field({ description: 'Last day, inclusive.' }) override to: string;
  @Field(() => ID, { nullable: true, description: 'Only postings carrying this dimension value.' })
  override dimensionValueId?: string;
}

@ArgsType()
export class ProfitAndLossArgs extends ProfitAndLossQuery {
  @Field() override from: string;
  @Field() override to: string;
  @Field({ nullable: true, description: 'Comparison period start.' }) override compareFrom?: string;
  @Field({ nullable: true, description: 'Comparison period end; required with compareFrom.' })
  override compareTo?: string;
}

@ArgsType()
export class BalanceSheetArgs extends BalanceSheetQuery {
  @Field({ description: 'Balances at the end of this day.' }) override at: string;
  @Field({ nullable: true, description: 'Comparison date.' }) override compareAt?: string;
}

@ArgsType()
export class GeneralLedgerArgs extends GeneralLedgerQuery {
  @Field(() => ID) override accountId: string;
  @Field() override from: string;
  @Field() override to: string;
  @Field(() => Int, { nullable: true, description: 'Items per page (1-1000, default 100).' })
  override limit?: number;
  @Field({ nullable: true }) override cursor?: string;
}

@ArgsType()
export class AccountBalancesArgs extends AccountBalancesQuery {
  @Field({ description: 'Balances at the end of this day.' }) override at: string;
  @Field(() => ID, { nullable: true }) override dimensionValueId?: string;
}

@InputType('PostingFilter')
export class PostingFilterInput extends PostingFilterQuery {
  @Field(() => ID, { nullable: true }) override accountId?: string;
  @Field({ nullable: true, description: 'Lowest account number, inclusive.' })
  override accountNumberFrom?: string;
  @Field({ nullable: true, description: 'Highest account number, inclusive.' })
  override accountNumberTo?: string;
  @Field({ nullable: true, description: 'Posting date on or after.' }) override from?: string;
  @Field({ nullable: true, description: 'Posting date on or before.' }) override to?: string;
  @Field(() => ID, { nullable: true }) override dimensionValueId?: string;
  @Field(() => ID, { nullable: true }) override voucherId?: string;
  @Field(() => ID, { nullable: true }) override customerId?: string;
  @Field(() => ID, { nullable: true }) override supplierId?: string;
}

@ArgsType()
export class PostingsArgs extends PageArgs {
  @Field(() => PostingFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PostingFilterInput)
  filter?: PostingFilterInput;
}
