import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Company', { description: 'A client company keeping its books here.' })
export class CompanyModel {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Norwegian organisation number (9 digits).' })
  organizationNumber: string;

  @Field()
  name: string;

  @Field({ description: 'ISO 4217 currency the books are kept in.' })
  baseCurrency: string;

  @Field(() => Int, { description: 'Month (1-12) the fiscal year starts.' })
  fiscalYearStartMonth: number;

  @Field({ description: '`live`, or `test` for a sandbox company.' })
  environment: string;

  @Field({ description: 'ISO 8601 date-time.' })
  createdAt: string;

  @Field({ description: 'ISO 8601 date-time.' })
  updatedAt: string;

  @Field(() => Int, { description: 'Bumped by every change; the REST ETag is this number in quotes.' })
  version: number;
}
