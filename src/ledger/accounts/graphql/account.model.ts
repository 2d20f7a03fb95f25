import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Account', { description: 'An account of the chart (NS 4102).' })
export class AccountModel {
  @Field(() => ID)
  id: string;

  @Field({ description: 'NS 4102 number, unique in the company.' })
  number: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field({ description: '`asset`, `equity`, `liability`, `revenue` or `expense`, from the number.' })
  accountClass: string;

  @Field({ description: 'SAF-T General Ledger Standard Account it maps to.' })
  standardAccountId: string;

  @Field({ description: 'SAF-T grouping category.' })
  groupingCategory: string;

  @Field({ description: 'SAF-T grouping code in that category.' })
  groupingCode: string;

  @Field(() => String, { nullable: true, description: '`receivable`, `payable`, or null.' })
  controlKind: string | null;

  @Field(() => String, { nullable: true, description: 'VAT code proposed for postings on it.' })
  defaultVatCode: string | null;

  @Field({ description: 'A VAT account: postings on it carry no VAT code.' })
  isVatLocked: boolean;

  @Field()
  requiresDepartment: boolean;

  @Field()
  requiresProject: boolean;

  @Field({ description: 'Deactivated accounts take no new postings.' })
  isActive: boolean;

  @Field(() => Int, { description: 'Bumped by every change; pass it as expectedVersion.' })
  version: number;

  @Field({ description: 'ISO 8601 date-time.' })
  createdAt: string;

  @Field({ description: 'ISO 8601 date-time.' })
  updatedAt: string;
}

@ObjectType('AccountPage')
export class AccountPageModel {
  @Field(() => [AccountModel])
  data: AccountModel[];

  @Field(() => String, {
    nullable: true,
    description: 'Pass as `cursor` for the next page; null at the end.',
  })
  nextCursor: string | null;
}
