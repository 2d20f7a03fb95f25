import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { MEMBERSHIP_ROLES, type MembershipRole } from '../../membership.entity.js';

const ROLE_DESCRIPTION =
  'What the person may do in the company: `owner` everything; `accountant` everything but managing the ' +
  'company, its people and its API clients and keys; `approver` read and approve; `employee` expenses ' +
  'and the inbox; `viewer` read only.';

export class AddMemberDto {
  @ApiProperty({
    description: 'Email of a person who already has a Hovedbok account (otherwise 404).',
    example: 'kari@example.no',
  })
  @IsString()
  @MaxLength(320)
  @IsEmail()
  email: string;

  @ApiProperty({ description: ROLE_DESCRIPTION, enum: MEMBERSHIP_ROLES, example: 'viewer' })
  @IsIn(MEMBERSHIP_ROLES)
  role: MembershipRole;
}

export class UpdateMemberDto {
  @ApiPropertyOptional({
    description: `${ROLE_DESCRIPTION} Absent: unchanged. The last owner cannot be given another role.`,
    enum: MEMBERSHIP_ROLES,
    example: 'accountant',
  })
  @IsOptional()
  @IsIn(MEMBERSHIP_ROLES)
  role?: MembershipRole;
}

export class MemberResponseDto {
  @ApiProperty({ format: 'uuid', description: "The person's user id; the member's `{id}` in paths." })
  userId: string;

  @ApiProperty({ example: 'kari@example.no' })
  email: string;

  @ApiProperty({ example: 'Kari Nordmann' })
  name: string;

  @ApiProperty({ enum: MEMBERSHIP_ROLES, description: ROLE_DESCRIPTION })
  role: MembershipRole;

  @ApiProperty({
    enum: ['direct'],
    description:
      '`direct`: a membership of this company. People who work here through an engaged accounting firm ' +
      'are listed by the firm, see `GET /v1/accounting-firms`.',
  })
  via: 'direct';
}

export class MemberListResponseDto {
  @ApiProperty({ type: [MemberResponseDto], description: 'The members, in the order they joined.' })
  data: MemberResponseDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Always null: the whole list is returned.' })
  nextCursor: null;
}
