import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { VersionedIdArgs } from '../../../common/index.js';
import {
  CreateDimensionDto,
  CreateDimensionValueDto,
  UpdateDimensionDto,
  UpdateDimensionValueDto,
} from '../dto/dimension.dto.js';

// The REST DTOs with their fields declared for GraphQL: the validation rules are inherited.

@ArgsType()
export class CreateDimensionArgs extends CreateDimensionDto {
  @Field()
  override name: string;
}

@InputType('UpdateDimensionInput')
export class UpdateDimensionInput extends UpdateDimensionDto {
  @Field({ nullable: true })
  override name?: string;

  @Field({ nullable: true, description: 'false: no new postings may carry it or its values.' })
  override isActive?: boolean;
}

@ArgsType()
export class UpdateDimensionArgs extends VersionedIdArgs {
  @Field(() => UpdateDimensionInput)
  @ValidateNested()
  @Type(() => UpdateDimensionInput)
  input: UpdateDimensionInput;
}

@InputType('CreateDimensionValueInput')
export class CreateDimensionValueInput extends CreateDimensionValueDto {
  @Field({ description: 'Short code, unique in the dimension.' })
  override code: string;

  @Field()
  override name: string;
}

@ArgsType()
export class CreateDimensionValueArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a UUID' })
  dimensionId: string;

  @Field(() => CreateDimensionValueInput)
  @ValidateNested()
  @Type(() => CreateDimensionValueInput)
  input: CreateDimensionValueInput;
}

@InputType('UpdateDimensionValueInput')
export class UpdateDimensionValueInput extends UpdateDimensionValueDto {
  @Field({ nullable: true })
  override name?: string;

  @Field({ nullable: true, description: 'false: no new postings may carry it.' })
  override isActive?: boolean;
}

@ArgsType()
export class UpdateDimensionValueArgs extends VersionedIdArgs {
  @Field(() => UpdateDimensionValueInput)
  @ValidateNested()
  @Type(() => UpdateDimensionValueInput)
  input: UpdateDimensionValueInput;
}
