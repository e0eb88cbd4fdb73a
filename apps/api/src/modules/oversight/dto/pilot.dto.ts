import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { trimmed } from '../../../common/transforms';
import { AgencyRef } from './inspection.dto';
import { IsLocalDate } from './local-date';

export const PILOT_STATUSES = ['PLANNED', 'RUNNING', 'ENDED'] as const;
export type PilotStatus = (typeof PILOT_STATUSES)[number];

export class CreatePilotRequest {
  @ApiProperty({ example: 'Thí điểm tiếp nhận, trả kết quả không phụ thuộc địa giới hành chính cấp huyện', maxLength: 255 })
  @Transform(trimmed)
  @IsString()
  @MinLength(3)
  @MaxLength(255)
  name!: string;

  @ApiProperty({
    example: 'Quyết định số 3455/QĐ-UBND ngày 15/12/2025 của UBND tỉnh',
    description: 'The deciding document',
    maxLength: 255,
  })
  @Transform(trimmed)
  @IsString()
  @MinLength(3)
  @MaxLength(255)
  decisionRef!: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'Agencies in the pilot, each with its subtree (1–100)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  agencyIds!: string[];

  @ApiPropertyOptional({ type: [String], description: 'National procedure codes; empty or absent = every procedure', default: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(32, { each: true })
  procedureCodes?: string[];

  @ApiProperty({ format: 'date', description: 'First local day of the pilot' }) @IsLocalDate() startsOn!: string;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, description: 'Last local day (inclusive); absent = open-ended' })
  @IsOptional()
  @IsLocalDate()
  endsOn?: string | null;
}

export class UpdatePilotRequest {
  @ApiPropertyOptional({ maxLength: 255 }) @IsOptional() @Transform(trimmed) @IsString() @MinLength(3) @MaxLength(255) name?: string;
  @ApiPropertyOptional({ maxLength: 255 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MinLength(3)
  @MaxLength(255)
  decisionRef?: string;
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Replaces the agencies' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  agencyIds?: string[];
  @ApiPropertyOptional({ type: [String], description: 'Replaces the procedures; empty = every procedure' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(32, { each: true })
  procedureCodes?: string[];
  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @IsLocalDate() startsOn?: string;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, description: 'null makes the pilot open-ended' })
  @IsOptional()
  @IsLocalDate()
  endsOn?: string | null;
  @ApiProperty({ description: 'The version read; a stale one is 409 STALE_VERSION' }) @Type(() => Number) @IsInt() @Min(1) version!: number;
}

export class PilotResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() decisionRef!: string;
  @ApiProperty({ type: [AgencyRef], description: 'Each with its subtree' }) agencies!: AgencyRef[];
  @ApiProperty({ type: [String], description: 'Empty = every procedure' }) procedureCodes!: string[];
  @ApiProperty({ format: 'date' }) startsOn!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) endsOn!: string | null;
  @ApiProperty({ enum: PILOT_STATUSES, enumName: 'PilotStatus', description: 'From today’s local date' }) status!: PilotStatus;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) createdByName!: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty() version!: number;
}

export class PilotPage {
  @ApiProperty({ type: [PilotResponse] }) items!: PilotResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class PilotWindow {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date', description: 'Inclusive' }) to!: string;
}

export class PilotIndicators {
  @ApiProperty({ description: 'Dossiers accepted (status 2) in the window' }) received!: number;
  @ApiProperty({ description: 'Of them, submitted online' }) receivedOnline!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'receivedOnline / received, in %, one decimal' }) onlineShare!: number | null;
  @ApiProperty({ description: 'Dossiers resolved (result, positive or with written reasons) in the window' }) resolved!: number;
  @ApiProperty({ description: 'Of them, early or on time' }) resolvedOnTime!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'resolvedOnTime / resolved, in %, one decimal' }) onTimeRate!: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Mean processing time of the resolved dossiers in CALENDAR days (acceptance to result, pauses included), two decimals',
  })
  averageProcessingDays!: number | null;
  @ApiProperty({ description: 'Applicants’ ratings of the resolved dossiers' }) ratings!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Satisfaction index of those ratings (DOMAIN §8: share of 4–5 per factor, mean of the five), in %',
  })
  satisfactionIndex!: number | null;
}

export class PilotGroupIndicators {
  @ApiProperty({ type: PilotIndicators, description: 'The window of the same length just before the pilot started' })
  before!: PilotIndicators;
  @ApiProperty({ type: PilotIndicators, description: 'From the start to its end or today, whichever is earlier' })
  during!: PilotIndicators;
}

export class PilotComparison {
  @ApiProperty({ type: PilotResponse }) pilot!: PilotResponse;
  @ApiProperty({ type: PilotWindow }) before!: PilotWindow;
  @ApiProperty({ type: PilotWindow }) during!: PilotWindow;
  @ApiProperty({ type: PilotGroupIndicators, description: 'Dossiers whose competent agency is in a pilot agency’s subtree' })
  pilotAgencies!: PilotGroupIndicators;
  @ApiProperty({
    type: PilotGroupIndicators,
    description: 'Every other agency of the caller’s scope, for the same procedures: the comparison group',
  })
  otherAgencies!: PilotGroupIndicators;
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
}
