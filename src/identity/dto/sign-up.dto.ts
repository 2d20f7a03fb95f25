import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { IsOrganizationNumber } from '../../companies/index.js';
import { RegisteredApiClientResponseDto } from '../../oauth/index.js';

export class SignUpCompanyDto {
  @ApiProperty({
    description: 'Norwegian organisation number: 9 digits with a MOD11 check digit.',
    example: '974760673',
  })
  @IsOrganizationNumber()
  organizationNumber: string;

  @ApiProperty({ example: 'Fjordkaffe AS' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({
    description: '`test` makes a sandbox company (API keys start hb_test_); default `live`.',
    enum: ['live', 'test'],
  })
  @IsOptional()
  @IsIn(['live', 'test'])
  environment?: 'live' | 'test';
}

export class SignUpDto {
  @ApiProperty({ example: 'kari@fjordkaffe.no' })
  @IsEmail({}, { message: 'must be an email address' })
  @Length(3, 254)
  email: string;

  @ApiProperty({ description: 'At least 12 characters.', example: 'correct horse battery staple' })
  @IsString()
  @Length(12, 200)
  password: string;

  @ApiProperty({ example: 'Kari Nordmann' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ type: SignUpCompanyDto })
  @ValidateNested()
  @Type(() => SignUpCompanyDto)
  company: SignUpCompanyDto;
}

export class UserResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
}

export class SignUpResponseDto {
  @ApiProperty({ type: UserResponseDto }) user: UserResponseDto;

  @ApiProperty({ description: 'The new company; you are its owner.', format: 'uuid' })
  companyId: string;

  @ApiProperty({
    type: RegisteredApiClientResponseDto,
    description:
      'A first confidential API client with every scope, to get a token at once with ' +
      '`POST /oauth/token grant_type=client_credentials`. Its secret is shown this once.',
  })
  apiClient: RegisteredApiClientResponseDto;
}
