import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { VersionedIdArgs } from '../../../common/index.js';
import { CreateAccountDto, ListAccountsQuery, UpdateAccountDto } from '../dto/account.dto.js';

// The REST DTOs with their fields declared for GraphQL: the validation rules are inherited.

@ArgsType()
export class AccountsArgs extends ListAccountsQuery {
  @Field(() => Int, { nullable: true, description: 'Items per page (1-1000, default 100).' })
  override limit?: number;

  @Field({ nullable: true, description: 'The `nextCursor` of the previous page.' })
  override cursor?: string;

  @Field({ nullable: true, description: 'Only active (true) or only deactivated (false) accounts.' })
  override isActive?: boolean;

  @Field({ nullable: true, description: 'Lowest account number, inclusive.' })
  override numberFrom?: string;

  @Field({ nullable: true, description: 'Highest account number, inclusive.' })
  override numberTo?: string;
}

@InputType('CreateAccountInput')
export class CreateAccountInput extends CreateAccountDto {
  @Field({ description: 'NS 4102 number: 4 to 6 digits, first digit the class.' })
  override number: string;

  @Field()
  override name: string;

  @Field({ description: 'SAF-T General Ledger Standard Account (2-4 digits).' })
  override standardAccountId: string;

  @Field({ description: 'SAF-T grouping category.' })
  override groupingCategory: string;

  @Field({ description: 'SAF-T grouping code in that category.' })
  override groupingCode: string;

  @Field(() => String, { nullable: true })
  override description?: string | null;

  @Field(() => String, { nullable: true, description: '`receivable` or `payable`.' })
  override controlKind?: 'receivable' | 'payable' | null;

  @Field(() => String, { nullable: true })
  override defaultVatCode?: string | null;

  @Field({ nullable: true })
  override requiresDepartment?: boolean;

  @Field({ nullable: true })
  override requiresProject?: boolean;
}

@InputType('UpdateAccountInput')
export class UpdateAccountInput extends UpdateAccountDto {
  @Field({ nullable: true })
  override name?: string;

  @Field({ nullable: true, description: 'false deactivates the account.' })
  override isActive?: boolean;

  @Field({ nullable: true })
  override standardAccountId?: string;

  @Field({ nullable: true })
  override groupingCategory?: string;

  @Field({ nullable: true })
  override groupingCode?: string;

  @Field(() => String, { nullable: true })
  override description?: string | null;

  @Field(() => String, { nullable: true, description: '`receivable`, `payable`, or null.' })
  override controlKind?: 'receivable' | 'payable' | null;

  @Field(() => String, { nullable: true })
  override defaultVatCode?: string | null;

  @Field({ nullable: true })
  override requiresDepartment?: boolean;

  @Field({ nullable: true })
  override requiresProject?: boolean;
}

@ArgsType()
export class CreateAccountArgs {
  @Field(() => CreateAccountInput)
  @ValidateNested()
  @Type(() => CreateAccountInput)
  input: CreateAccountInput;
}

@ArgsType()
export class UpdateAccountArgs extends VersionedIdArgs {
  @Field(() => UpdateAccountInput)
  @ValidateNested()
  @Type(() => UpdateAccountInput)
  input: UpdateAccountInput;
}
