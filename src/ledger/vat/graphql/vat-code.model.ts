import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('VatRatePeriod')
export class VatRatePeriodModel {
  @Field({ description: 'Percent, decimal string.' })
  rate: string;

  @Field({ description: 'YYYY-MM-DD.' })
  validFrom: string;

  @Field(() => String, { nullable: true, description: 'Inclusive; null while in force.' })
  validTo: string | null;
}

@ObjectType('VatCode', { description: 'A SAF-T standard tax code with its rates and accounts.' })
export class VatCodeModel {
  @Field({ description: 'SAF-T standard tax code.' })
  code: string;

  @Field()
  name: string;

  @Field({ description: '`output`, `input`, `reverse_charge` or `none`.' })
  direction: string;

  @Field(() => [VatRatePeriodModel], {
    description: 'The rate on a posting is the one in force on its date.',
  })
  rates: VatRatePeriodModel[];

  @Field(() => String, { nullable: true, description: 'Account the VAT posts to.' })
  vatAccountNumber: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Reverse charge: account of the deductible input VAT.',
  })
  deductionAccountNumber: string | null;

  @Field()
  isDeductible: boolean;

  @Field()
  isActive: boolean;
}
