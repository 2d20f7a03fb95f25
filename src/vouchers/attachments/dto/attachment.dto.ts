import { ApiProperty } from '@nestjs/swagger';
import { Length, Matches } from 'class-validator';

export class AttachmentResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) voucherId: string;
  @ApiProperty({ example: 'invoice-10017.pdf' }) fileName: string;
  @ApiProperty({ enum: ['application/pdf', 'image/png', 'image/jpeg', 'image/tiff'] }) contentType: string;
  @ApiProperty({ example: 48213 }) sizeBytes: number;
  @ApiProperty({ description: 'Hex SHA-256 of the content; also the ETag of the content.' }) sha256: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ description: 'Where to download the file.', example: '/v1/attachments/.../content' })
  contentUrl: string;
}

export class AttachmentListResponseDto {
  @ApiProperty({ type: [AttachmentResponseDto] }) data: AttachmentResponseDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Always null: all attachments fit one page.' })
  nextCursor: string | null;
}

export class UploadAttachmentQuery {
  @ApiProperty({ description: 'The file name to keep with it (no folders).', example: 'invoice-10017.pdf' })
  @Length(1, 255)
  @Matches(/^[^/\\\p{Cc}]+$/u, {
    message: '$property must be a plain file name without folders or control characters',
  })
  fileName: string;
}
