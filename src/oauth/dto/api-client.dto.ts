import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsString,
  IsUrl,
  Length,
  ValidateIf,
} from 'class-validator';
import { ALL_SCOPES, type Scope } from '../../common/index.js';

export class RegisterApiClientDto {
  @ApiProperty({
    description: 'Shown to people on the consent page, e.g. "Nettbutikk AS webshop".',
    example: 'Webshop',
  })
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiProperty({
    description:
      '`confidential`: a server that keeps a secret (gets client_credentials and a secret, shown once). ' +
      '`public`: a browser or mobile app (authorization code with PKCE only, no secret).',
    enum: ['confidential', 'public'],
  })
  @IsIn(['confidential', 'public'])
  type: 'confidential' | 'public';

  @ApiProperty({
    description: 'Where the authorization flow may return, compared exactly. HTTPS, or http on localhost.',
    type: [String],
    example: ['https://shop.example/oauth/callback'],
  })
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @ValidateIf((dto: RegisterApiClientDto) => dto.redirectUris.length > 0)
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true, require_tld: false }, { each: true })
  redirectUris: string[];

  @ApiProperty({ description: 'The most this client may ever be granted.', enum: ALL_SCOPES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(ALL_SCOPES, { each: true })
  scopes: Scope[];
}

export class ApiClientResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    description: 'The client_id for OAuth requests.',
    example: 'hbc_0193a0b1c2d37e4f8a9b0c1d2e3f4a5b',
  })
  clientId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['confidential', 'public'] }) type: string;
  @ApiProperty({ type: [String] }) redirectUris: string[];
  @ApiProperty({ enum: ALL_SCOPES, isArray: true }) scopes: string[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) revokedAt: string | null;
}

export class RegisteredApiClientResponseDto extends ApiClientResponseDto {
  @ApiPropertyOptional({
    description: 'Confidential clients only. Shown this once: store it now; only its hash is kept.',
    example: 'hbcs_8JdC...',
  })
  clientSecret?: string;
}

export class ApiClientListResponseDto {
  @ApiProperty({ type: [ApiClientResponseDto] }) data: ApiClientResponseDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Always null: all clients fit in one page.' })
  nextCursor: string | null;
}
