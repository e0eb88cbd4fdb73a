import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ATTACHMENT_KINDS, type AttachmentKind } from '../entities/dossier-attachment.entity';

export class AttachmentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ATTACHMENT_KINDS, enumName: 'AttachmentKind' }) kind!: AttachmentKind;
  @ApiProperty() filename!: string;
  @ApiProperty({ example: 'application/pdf' }) contentType!: string;
  @ApiProperty() size!: number;
  @ApiProperty() sha256!: string;
  @ApiProperty({ type: String, nullable: true }) uploadedByName!: string | null;
  @ApiProperty({ format: 'date-time' }) uploadedAt!: string;
}

export class UploadAttachmentQuery {
  @ApiPropertyOptional({
    enum: ATTACHMENT_KINDS,
    enumName: 'AttachmentKind',
    default: 'DOCUMENT',
    description: 'RESULT: the issued result (downloadable from the public lookup when the procedure allows an electronic result)',
  })
  @IsOptional()
  @IsIn(ATTACHMENT_KINDS)
  kind?: AttachmentKind;
}
