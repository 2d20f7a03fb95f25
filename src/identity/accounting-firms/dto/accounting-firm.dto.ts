import { ApiProperty } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import { IsOrganizationNumber } from '../../../companies/index.js';

export class EngageAccountingFirmDto {
  @ApiProperty({
    description:
      "The firm's organisation number (9 digits, valid check digit). The firm must be a live company on " +
      'Hovedbok (it signs up like any company); otherwise 404.',
    example: '974760673',
  })
  @IsString()
  @IsOrganizationNumber()
  organizationNumber: string;
}

export class AccountingFirmResponseDto {
  @ApiProperty({ format: 'uuid', description: "The firm's company id; the engagement's `{id}` in paths." })
  id: string;

  @ApiProperty({ example: '974760673' })
  organizationNumber: string;

  @ApiProperty({ example: 'Regnskap Vest AS', description: "The firm's name when it was engaged." })
  name: string;

  @ApiProperty({ format: 'date-time' })
  engagedAt: string;
}

export class AccountingFirmListResponseDto {
  @ApiProperty({ type: [AccountingFirmResponseDto], description: 'The engaged firms, first engaged first.' })
  data: AccountingFirmResponseDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Always null: the whole list is returned.' })
  nextCursor: null;
}
