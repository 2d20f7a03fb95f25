import { ApiProperty } from '@nestjs/swagger';
import { ALL_SCOPES } from '../../common/index.js';

export class ApiKeyCreatorResponseDto {
  @ApiProperty({
    enum: ['user', 'client', 'api_key'],
    description: 'A person through an app, an app on its own, or another API key.',
  })
  kind: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String }) userId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The OAuth client_id used.' })
  clientId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) apiKeyId: string | null;
}

export class ApiKeyResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Kasse 1 (POS)' }) name: string;

  @ApiProperty({
    enum: ['live', 'test'],
    description: "The company's environment: `test` keys (prefix `hb_test_`) belong to sandbox companies.",
  })
  environment: string;

  @ApiProperty({
    description: 'The start of the key, before its secret: enough to recognise it, useless without the rest.',
    example: 'hb_live_0193a0b1c2d37e4f8a9b0c1d2e3f4a5b_',
  })
  prefix: string;

  @ApiProperty({ enum: ALL_SCOPES, isArray: true }) scopes: string[];
  @ApiProperty({ type: ApiKeyCreatorResponseDto }) createdBy: ApiKeyCreatorResponseDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'When the key last authenticated a request, to the minute.',
  })
  lastUsedAt: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String }) revokedAt: string | null;
}

export class CreatedApiKeyResponseDto extends ApiKeyResponseDto {
  @ApiProperty({
    description:
      'The key, shown this once: store it now; only its hash is kept. Send it as `Authorization: Bearer <key>`.',
    example: 'hb_live_0193a0b1c2d37e4f8a9b0c1d2e3f4a5b_8JdC...',
  })
  key: string;
}

export class ApiKeyListResponseDto {
  @ApiProperty({ type: [ApiKeyResponseDto], description: 'Oldest first, revoked ones included.' })
  data: ApiKeyResponseDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Always null: all keys fit in one page.' })
  nextCursor: string | null;
}
