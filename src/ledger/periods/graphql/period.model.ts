import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('FiscalYear')
export class FiscalYearModel {
  @Field(() => ID)
  id: string;

  @Field({ description: 'YYYY-MM-DD.' })
  startDate: string;

  @Field({ description: 'YYYY-MM-DD.' })
  endDate: string;

  @Field({ description: 'ISO 8601 date-time.' })
  createdAt: string;
}

@ObjectType('Period', { description: 'An accounting period (a month); only `open` ones take postings.' })
export class PeriodModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  fiscalYearId: string;

  @Field(() => Int, { description: '1-12 within the fiscal year.' })
  number: number;

  @Field({ description: 'YYYY-MM-DD.' })
  startDate: string;

  @Field({ description: 'YYYY-MM-DD.' })
  endDate: string;

  @Field({ description: '`open`, `closed` or `locked`.' })
  status: string;

  @Field(() => Int, { description: 'Bumped by every change; pass it as expectedVersion.' })
  version: number;

  @Field({ description: 'ISO 8601 date-time.' })
  updatedAt: string;
}
