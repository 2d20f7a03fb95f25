import { ApiProperty } from '@nestjs/swagger';

export class AuditActorResponseDto {
  @ApiProperty({
    enum: ['user', 'client', 'api_key', 'system'],
    description:
      '`user`: a person through an app; `client`: an app on its own (client credentials); ' +
      '`api_key`: an API key; `system`: the server itself.',
  })
  kind: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The person, for `user`.' })
  userId: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The OAuth client_id the call came through, for `user` and `client`.',
  })
  clientId: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The API key, for `api_key`.' })
  apiKeyId: string | null;
}

export class AuditEventResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ type: AuditActorResponseDto }) actor: AuditActorResponseDto;

  @ApiProperty({
    description: 'What happened, `<resource>.<verb>`.',
    example: 'api_key.created',
  })
  action: string;

  @ApiProperty({ example: 'api_key' }) resourceType: string;
  @ApiProperty({ description: 'The id of the resource written.' }) resourceId: string;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The `X-Request-Id` of the request that made the change.',
  })
  requestId: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'What changed (never a secret).',
  })
  details: Record<string, unknown>;
}

export class AuditEventListResponseDto {
  @ApiProperty({ type: [AuditEventResponseDto], description: 'Newest first.' })
  data: AuditEventResponseDto[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next (older) page; null on the last page.',
  })
  nextCursor: string | null;
}
