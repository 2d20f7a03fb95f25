import { ArgsType, Field, ID } from '@nestjs/graphql';
import { CreateFiscalYearDto, ListPeriodsQuery } from '../dto/period.dto.js';

// The REST DTOs with their fields declared for GraphQL: the validation rules are inherited.

@ArgsType()
export class PeriodsArgs extends ListPeriodsQuery {
  @Field(() => ID, { nullable: true, description: 'Only this fiscal year.' })
  override fiscalYearId?: string;

  @Field({ nullable: true, description: 'Periods ending on or after this date (YYYY-MM-DD).' })
  override from?: string;

  @Field({ nullable: true, description: 'Periods starting on or before this date (YYYY-MM-DD).' })
  override to?: string;
}

@ArgsType()
export class CreateFiscalYearArgs extends CreateFiscalYearDto {
  @Field({
    description: 'YYYY-MM-DD: the day after the last fiscal year ends, or a year before the first starts.',
  })
  override startDate: string;
}
