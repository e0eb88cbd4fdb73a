import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDateString,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
  MinLength,
} from 'class-validator';
import { CursorQuery } from '../../../common/pagination';
import { trimmed } from '../../../common/transforms';
import { DELIVERY_STATUSES, type DeliveryStatus } from '../entities/webhook-delivery.entity';
import { EVENT_PATTERNS } from '../integration-events';

export class CreateWebhookRequest {
  @ApiProperty({ example: 'https://dichvucong.longxuyen.angiang.gov.vn/hooks/motcua', description: 'http or https' })
  @Transform(trimmed)
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false, require_valid_protocol: true },
    { message: 'url must be an http or https URL' },
  )
  @MaxLength(2048)
  url!: string;

  @ApiProperty({ enum: EVENT_PATTERNS, isArray: true, enumName: 'WebhookEventPattern', example: ['dossier.*'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(EVENT_PATTERNS.length)
  @ArrayUnique()
  @IsIn(EVENT_PATTERNS, { each: true })
  events!: string[];

  @ApiProperty({ minLength: 16, maxLength: 256, description: 'HMAC-SHA256 key of the X-Signature header; never shown again' })
  @IsString()
  @MinLength(16)
  @MaxLength(256)
  secret!: string;
}

export class WebhookResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ type: [String], example: ['dossier.*'] }) events!: string[];
  @ApiProperty({ description: 'The secret, masked', example: '••••••••WXYZ' }) secret!: string;
  @ApiProperty({ enum: ['client', 'user'] }) ownerType!: 'client' | 'user';
  @ApiProperty() ownerName!: string;
  @ApiProperty({ format: 'uuid', description: 'Events of this agency’s subtree are delivered' }) agencyId!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class DeliveriesQuery extends CursorQuery {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES, enumName: 'WebhookDeliveryStatus' })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;
}

export class WebhookAttemptResponse {
  @ApiProperty() attempt!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() durationMs!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'HTTP status; null when no response came' }) statusCode!: number | null;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
}

export class WebhookDeliveryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) webhookId!: string;
  @ApiProperty({ format: 'uuid', description: 'The CloudEvents id' }) eventId!: string;
  @ApiProperty() type!: string;
  @ApiProperty() dossierCode!: string;
  @ApiProperty({ format: 'date-time' }) eventTime!: string;
  @ApiProperty({ enum: DELIVERY_STATUSES, enumName: 'WebhookDeliveryStatus' }) status!: DeliveryStatus;
  @ApiProperty({ description: 'Attempts since creation or the last replay' }) attempts!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) nextAttemptAt!: string | null;
  @ApiProperty({ type: Number, nullable: true }) lastStatus!: number | null;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deliveredAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deadAt!: string | null;
  @ApiProperty({ type: [WebhookAttemptResponse], description: 'The last attempts, newest first' }) attemptLog!: WebhookAttemptResponse[];
}

export class WebhookDeliveryPage {
  @ApiProperty({ type: [WebhookDeliveryResponse], description: 'Newest event first' }) items!: WebhookDeliveryResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class ReplayWebhookRequest {
  @ApiProperty({ format: 'date-time', description: 'Every event in scope since this time is sent again' })
  @IsDateString({ strict: true })
  since!: string;
}

export class ReplayWebhookResult {
  @ApiProperty({ description: 'Deliveries scheduled' }) scheduled!: number;
}
