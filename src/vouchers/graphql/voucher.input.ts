import { ArgsType, Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { VersionedIdArgs } from '../../common/index.js';
import {
  BookVoucherBatchDto,
  ReverseVoucherDto,
  UpdateDraftVoucherDto,
  VoucherLineDto,
} from '../dto/create-voucher.dto.js';
import { ListVouchersQuery } from '../dto/list-vouchers.dto.js';
import type { VoucherType } from '../series/voucher-series.entity.js';
import type { VoucherStatus } from '../voucher.entity.js';

// The REST DTOs with their fields declared for GraphQL: the validation rules are inherited, so
// both APIs accept exactly the same vouchers. Amounts are decimal strings here too.

export enum VoucherStatusValue {
  draft = 'draft',
  booked = 'booked',
}
registerEnumType(VoucherStatusValue, { name: 'VoucherStatus' });

@InputType('VoucherLineInput')
export class VoucherLineInput extends VoucherLineDto {
  @Field({ description: 'Account number in the chart.' })
  override accountNumber: string;

  @Field({
    nullable: true,
    description: 'NOK, decimal string, debit positive and credit negative (e.g. "-1000.00").',
  })
  override amount?: string;

  @Field({ nullable: true, description: 'ISO 4217; NOK when left out.' })
  override currency?: string;

  @Field({ nullable: true, description: 'Decimal string in `currency`, same sign as amount.' })
  override currencyAmount?: string;

  @Field({ nullable: true, description: 'NOK per unit of `currency`, decimal string, up to 8 decimals.' })
  override exchangeRate?: string;

  @Field({ nullable: true, description: 'SAF-T standard VAT code; its VAT lines are generated.' })
  override vatCode?: string;

  @Field(() => ID, { nullable: true })
  override departmentId?: string;

  @Field(() => ID, { nullable: true })
  override projectId?: string;

  @Field(() => [ID], { nullable: true, description: 'Values of free dimensions, one per dimension.' })
  override dimensionValueIds?: string[];

  @Field(() => ID, { nullable: true, description: 'Required on the receivables control account.' })
  override customerId?: string;

  @Field(() => ID, { nullable: true, description: 'Required on the payables control account.' })
  override supplierId?: string;

  @Field({ nullable: true })
  override description?: string;
}

@InputType('VoucherInput')
export class VoucherInput extends UpdateDraftVoucherDto {
  @Field(() => String, { nullable: true, description: 'Voucher type (default `manual`); picks the series.' })
  override type?: VoucherType;

  @Field({ description: 'YYYY-MM-DD; must be in an open period.' })
  override date: string;

  @Field({ nullable: true })
  override description?: string;

  @Field({ nullable: true, description: 'true: amounts on lines with a VAT code include VAT.' })
  override amountsIncludeVat?: boolean;

  @Field(() => [VoucherLineInput], { description: 'At least two lines; VAT lines are generated.' })
  @Type(() => VoucherLineInput)
  override postings: VoucherLineInput[];
}

@InputType('BookVoucherBatchInput')
export class BookVoucherBatchInput extends BookVoucherBatchDto {
  @Field(() => [VoucherInput], { description: '1 to 1,000 vouchers, booked all or none.' })
  @Type(() => VoucherInput)
  override vouchers: VoucherInput[];
}

@ArgsType()
export class VouchersArgs extends ListVouchersQuery {
  @Field(() => Int, { nullable: true, description: 'Items per page (1-1000, default 100).' })
  override limit?: number;

  @Field({ nullable: true, description: 'The `nextCursor` of the previous page.' })
  override cursor?: string;

  @Field(() => VoucherStatusValue, { nullable: true })
  override status?: 'draft' | 'booked';

  @Field({ nullable: true, description: 'Vouchers dated on or after (YYYY-MM-DD).' })
  override from?: string;

  @Field({ nullable: true, description: 'Vouchers dated on or before (YYYY-MM-DD).' })
  override to?: string;
}

@ArgsType()
export class ReverseVoucherArgs extends ReverseVoucherDto {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a UUID' })
  id: string;

  @Field({ nullable: true, description: "Date of the reversal (YYYY-MM-DD); default the original's date." })
  override date?: string;

  @Field({ nullable: true })
  override description?: string;
}

// Each mutation takes one arguments class, so the validation errors of GraphQL point from the
// arguments down (`/input/postings/1/amount`) whatever the mutation.

@ArgsType()
export class VoucherArgs {
  @Field(() => VoucherInput)
  @ValidateNested()
  @Type(() => VoucherInput)
  input: VoucherInput;
}

@ArgsType()
export class CreateVoucherArgs extends VoucherArgs {
  @Field(() => VoucherStatusValue, {
    defaultValue: VoucherStatusValue.booked,
    description:
      '`booked` numbers and posts it now (immutable); `draft` keeps it editable until bookVoucher.',
  })
  @IsOptional()
  @IsIn(['booked', 'draft'])
  status?: VoucherStatus;
}

@ArgsType()
export class BookVoucherBatchArgs {
  @Field(() => BookVoucherBatchInput)
  @ValidateNested()
  @Type(() => BookVoucherBatchInput)
  input: BookVoucherBatchInput;
}

@ArgsType()
export class UpdateDraftVoucherArgs extends VersionedIdArgs {
  @Field(() => VoucherInput)
  @ValidateNested()
  @Type(() => VoucherInput)
  input: VoucherInput;
}
