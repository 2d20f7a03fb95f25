import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsString, Length } from 'class-validator';
import { ALL_SCOPES, type Scope } from '../../common/index.js';

export class CreateApiKeyDto {
  @ApiProperty({
    description: 'What the key is for, shown in listings, e.g. "Kasse 1 (POS)".',
    example: 'Kasse 1 (POS)',
  })
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiProperty({
    description:
      'What the key may do. Each must be a scope the credentials creating the key have in this company ' +
      '(otherwise 403 `INSUFFICIENT_SCOPE` naming it): a key never has more rights than its creator.',
    enum: ALL_SCOPES,
    isArray: true,
    example: ['company:read', 'vouchers:write'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ALL_SCOPES.length)
  @ArrayUnique()
  @IsIn(ALL_SCOPES, { each: true })
  scopes: Scope[];
}
