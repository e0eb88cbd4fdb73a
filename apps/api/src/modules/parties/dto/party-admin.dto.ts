import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { CursorQuery } from '../../../common/pagination';
import { trimmed } from '../../../common/transforms';
import { PARTY_ACCESS_ACTIONS, type PartyAccessAction } from '../entities/party-access-log.entity';
import { CONSENT_PURPOSES, type ConsentPurpose } from '../entities/party-consent.entity';
import { PartySummary } from './party.dto';
import { TABULAR_FORMATS as EXPORT_FORMATS, type ExportFormat } from '../../../common/tabular-file';

export class MergePartiesRequest {
  @ApiProperty({ format: 'uuid', description: 'The party that stays' }) @IsUUID() survivorId!: string;
  @ApiProperty({ format: 'uuid', description: 'The duplicate; its dossiers, identifiers and contacts move to the survivor' })
  @IsUUID()
  mergedId!: string;
  @ApiProperty({ example: 'Cùng một người: trùng họ tên, ngày sinh và số điện thoại' })
  @Transform(trimmed)
  @IsString()
  @MinLength(5)
  @MaxLength(1000)
  reason!: string;
}

export class PartyMergeMovedResponse {
  @ApiProperty() dossierLinks!: number;
  @ApiProperty() identifiers!: number;
  @ApiProperty() contacts!: number;
  @ApiProperty() representatives!: number;
  @ApiProperty() consents!: number;
}

export class PartyMergeResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) survivorId!: string;
  @ApiProperty({ format: 'uuid' }) mergedId!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: PartyMergeMovedResponse }) moved!: PartyMergeMovedResponse;
}

export class PseudonymiseRequest {
  @ApiProperty({ example: 'Hồ sơ đã hết thời hạn lưu trữ dữ liệu cá nhân; giữ bản ghi theo Luật Lưu trữ' })
  @Transform(trimmed)
  @IsString()
  @MinLength(5)
  @MaxLength(1000)
  reason!: string;
}

export const DUPLICATE_REASONS = ['NAME_AND_BIRTH_DATE', 'PHONE'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

export class ListDuplicatesQuery extends CursorQuery {
  @ApiPropertyOptional({ enum: DUPLICATE_REASONS, enumName: 'DuplicateReason', default: 'NAME_AND_BIRTH_DATE' })
  @IsOptional()
  @IsIn(DUPLICATE_REASONS)
  reason?: DuplicateReason;
}

export class DuplicateGroup {
  @ApiProperty({ enum: DUPLICATE_REASONS, enumName: 'DuplicateReason' }) reason!: DuplicateReason;
  @ApiProperty({ type: [PartySummary], description: 'Active parties sharing the name and birth date, or the current phone' })
  parties!: PartySummary[];
}

export class DuplicatePage {
  @ApiProperty({ type: [DuplicateGroup] }) items!: DuplicateGroup[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class ListAccessLogQuery extends CursorQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() partyId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() userId?: string;
  @ApiPropertyOptional({ enum: PARTY_ACCESS_ACTIONS, enumName: 'PartyAccessAction' })
  @IsOptional()
  @IsIn(PARTY_ACCESS_ACTIONS)
  action?: PartyAccessAction;
  @ApiPropertyOptional({ format: 'date-time', description: 'At or after' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Before' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
}

export class AccessLogEntry {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ enum: ['user', 'client', 'system'] }) actorType!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) userId!: string | null;
  @ApiProperty({ type: String, nullable: true }) username!: string | null;
  @ApiProperty({ type: [String] }) roles!: string[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) agencyId!: string | null;
  @ApiProperty({ type: String, nullable: true }) agencyName!: string | null;
  @ApiProperty({ format: 'uuid' }) partyId!: string;
  @ApiProperty({ enum: PARTY_ACCESS_ACTIONS, enumName: 'PartyAccessAction' }) action!: PartyAccessAction;
  @ApiProperty({ type: [String], description: 'Which fields were seen (never their values)' }) fields!: string[];
  @ApiProperty({ type: String, nullable: true }) purpose!: string | null;
  @ApiProperty({ type: String, nullable: true }) ip!: string | null;
  @ApiProperty({ type: String, nullable: true }) requestId!: string | null;
}

export class AccessLogPage {
  @ApiProperty({ type: [AccessLogEntry] }) items!: AccessLogEntry[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export { EXPORT_FORMATS, type ExportFormat };

export class ContactExportQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Agency (and subtree) that received or handled the dossiers; default: the caller’s' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() procedureId?: string;
  @ApiPropertyOptional({ format: 'date', description: 'Dossiers submitted on or after (local date)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;
  @ApiPropertyOptional({ format: 'date', description: 'Dossiers submitted on or before (local date)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
  @ApiProperty({ enum: CONSENT_PURPOSES, enumName: 'ConsentPurpose', description: 'Only parties who consented to this purpose' })
  @IsIn(CONSENT_PURPOSES)
  purpose!: ConsentPurpose;
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'csv' }) @IsOptional() @IsIn(EXPORT_FORMATS) format?: ExportFormat;
}

export class AccessLogExportQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() partyId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() userId?: string;
  @ApiPropertyOptional({ enum: PARTY_ACCESS_ACTIONS, enumName: 'PartyAccessAction' })
  @IsOptional()
  @IsIn(PARTY_ACCESS_ACTIONS)
  action?: PartyAccessAction;
  @ApiProperty({ format: 'date-time', description: 'At or after' }) @IsISO8601({ strict: true }) from!: string;
  @ApiProperty({ format: 'date-time', description: 'Before' }) @IsISO8601({ strict: true }) to!: string;
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'csv' }) @IsOptional() @IsIn(EXPORT_FORMATS) format?: ExportFormat;
}
