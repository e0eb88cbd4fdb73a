import { DURATION_UNITS, ROLES, type ProcessingUnit, type Role } from '@motcua/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { CursorQuery } from '../../../common/pagination';
import { Problem } from '../../../common/problem/problem';
import { STEP_ACTORS, type StepActor } from '../entities/procedure-step.entity';
import {
  ONLINE_REGIMES,
  PROCEDURE_LEVELS,
  PROCEDURE_STATUSES,
  type OnlineRegime,
  type ProcedureLevel,
  type ProcedureStatus,
} from '../entities/procedure.entity';
import { trimmed, toBoolean } from '../../../common/transforms';

export const PROCEDURE_CODE = /^[0-9A-Za-z][0-9A-Za-z.\-_]{0,31}$/;

export class FeeDto {
  @ApiProperty({ example: 'Lệ phí cấp phiếu lý lịch tư pháp' }) @Transform(trimmed) @IsString() @MinLength(1) @MaxLength(255) name!: string;
  @ApiProperty({ example: 200000, description: 'VND' }) @IsInt() @Min(0) @Max(1_000_000_000) amount!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class RequiredDocumentDto {
  @ApiProperty({ example: 'Tờ khai đăng ký khai sinh theo mẫu' })
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  name!: string;
  @ApiProperty({ example: 1 }) @IsInt() @Min(0) @Max(100) originals!: number;
  @ApiProperty({ example: 0 }) @IsInt() @Min(0) @Max(100) copies!: number;
  @ApiProperty({ default: true }) @IsBoolean() mandatory!: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class ProcessStepDto {
  @ApiProperty({ example: 'Thẩm định hồ sơ' }) @Transform(trimmed) @IsString() @MinLength(1) @MaxLength(255) name!: string;
  @ApiProperty({ enum: STEP_ACTORS, enumName: 'StepActor', description: 'COMPETENT agency, RECEIVING point, or FIXED agency (agencyId)' })
  @IsIn(STEP_ACTORS)
  actor!: StepActor;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Required when actor is FIXED' })
  @IsOptional()
  @IsUUID()
  agencyId?: string | null;
  @ApiProperty({ enum: ROLES, enumName: 'Role' }) @IsIn(ROLES) role!: Role;
  @ApiProperty({ example: 8, description: 'Budget in working hours (quarter hours allowed)' })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0.25)
  @Max(29200)
  budgetHours!: number;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'lien-thong', description: 'Adjacent steps of one group run side by side' })
  @IsOptional()
  @Matches(/^[a-z0-9-]{1,64}$/, { message: 'Nhóm song song chỉ gồm chữ thường không dấu, số và gạch ngang' })
  parallelGroup?: string | null;
}

export class ProcedureStepResponse extends ProcessStepDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() seq!: number;
  @ApiProperty({ type: String, nullable: true }) agencyName!: string | null;
}

class ProcedureFields {
  @ApiProperty({ example: 'Đăng ký khai sinh' }) @Transform(trimmed) @IsString() @MinLength(3) @MaxLength(500) name!: string;
  @ApiProperty({ example: 'Hộ tịch' }) @Transform(trimmed) @IsString() @MinLength(2) @MaxLength(255) field!: string;
  @ApiProperty({ enum: PROCEDURE_LEVELS, enumName: 'ProcedureLevel' }) @IsIn(PROCEDURE_LEVELS) level!: ProcedureLevel;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Null: the receiving district/commune is competent' })
  @IsOptional()
  @IsUUID()
  competentAgencyId?: string | null;
  @ApiProperty({ example: 3 }) @IsInt() @Min(1) @Max(3650) processingAmount!: number;
  @ApiProperty({ enum: DURATION_UNITS, enumName: 'DurationUnit' }) @IsIn(DURATION_UNITS) processingUnit!: ProcessingUnit;
  @ApiProperty({ type: [FeeDto] }) @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => FeeDto) fees!: FeeDto[];
  @ApiProperty({ type: [RequiredDocumentDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => RequiredDocumentDto)
  documents!: RequiredDocumentDto[];
  @ApiProperty({ enum: ONLINE_REGIMES, enumName: 'OnlineRegime' }) @IsIn(ONLINE_REGIMES) onlineRegime!: OnlineRegime;
  @ApiProperty() @IsBoolean() paperResultRequired!: boolean;
  @ApiProperty() @IsBoolean() electronicResultAllowed!: boolean;
  @ApiPropertyOptional({ default: false, description: 'Whether a fee notice pauses the clock' })
  @IsOptional()
  @IsBoolean()
  pauseClockOnPayment?: boolean;
  @ApiProperty({ example: 'Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP' }) @IsString() @MaxLength(4000) legalBasis!: string;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true }) @IsOptional() @IsISO8601({ strict: true }) validFrom?:
    string | null;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true }) @IsOptional() @IsISO8601({ strict: true }) validTo?: string | null;
  @ApiProperty({ type: [ProcessStepDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ProcessStepDto)
  steps!: ProcessStepDto[];
}

export class CreateProcedureRequest extends ProcedureFields {
  @ApiProperty({ example: '1.001193' })
  @Transform(trimmed)
  @Matches(PROCEDURE_CODE, { message: 'Mã thủ tục không hợp lệ' })
  code!: string;
}

/** Only drafts are edited; every field optional, `steps` replaces the whole template. */
export class UpdateProcedureRequest {
  @ApiProperty({ description: 'Current version (optimistic concurrency)' }) @IsInt() version!: number;
  @ApiPropertyOptional() @IsOptional() @Transform(trimmed) @IsString() @MinLength(3) @MaxLength(500) name?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trimmed) @IsString() @MinLength(2) @MaxLength(255) field?: string;
  @ApiPropertyOptional({ enum: PROCEDURE_LEVELS, enumName: 'ProcedureLevel' }) @IsOptional() @IsIn(PROCEDURE_LEVELS) level?: ProcedureLevel;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @IsUUID() competentAgencyId?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(3650) processingAmount?: number;
  @ApiPropertyOptional({ enum: DURATION_UNITS, enumName: 'DurationUnit' })
  @IsOptional()
  @IsIn(DURATION_UNITS)
  processingUnit?: ProcessingUnit;
  @ApiPropertyOptional({ type: [FeeDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => FeeDto)
  fees?: FeeDto[];
  @ApiPropertyOptional({ type: [RequiredDocumentDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => RequiredDocumentDto)
  documents?: RequiredDocumentDto[];
  @ApiPropertyOptional({ enum: ONLINE_REGIMES, enumName: 'OnlineRegime' }) @IsOptional() @IsIn(ONLINE_REGIMES) onlineRegime?: OnlineRegime;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() paperResultRequired?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() electronicResultAllowed?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() pauseClockOnPayment?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) legalBasis?: string;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true }) @IsOptional() @IsISO8601({ strict: true }) validFrom?:
    string | null;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true }) @IsOptional() @IsISO8601({ strict: true }) validTo?: string | null;
  @ApiPropertyOptional({ type: [ProcessStepDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ProcessStepDto)
  steps?: ProcessStepDto[];
}

export class VersionedActionRequest {
  @ApiProperty({ description: 'Current version (optimistic concurrency)' }) @IsInt() version!: number;
}

export class ProcedureSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() versionNo!: number;
  @ApiProperty() name!: string;
  @ApiProperty() field!: string;
  @ApiProperty({ enum: PROCEDURE_LEVELS, enumName: 'ProcedureLevel' }) level!: ProcedureLevel;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) competentAgencyId!: string | null;
  @ApiProperty({ type: String, nullable: true }) competentAgencyName!: string | null;
  @ApiProperty() processingAmount!: number;
  @ApiProperty({ enum: DURATION_UNITS, enumName: 'DurationUnit' }) processingUnit!: ProcessingUnit;
  @ApiProperty({ enum: ONLINE_REGIMES, enumName: 'OnlineRegime' }) onlineRegime!: OnlineRegime;
  @ApiProperty({ enum: PROCEDURE_STATUSES, enumName: 'ProcedureStatus' }) status!: ProcedureStatus;
  @ApiProperty({ description: 'Total fee in VND' }) feeTotal!: number;
  @ApiProperty() version!: number;
}

export class ProcedureResponse extends ProcedureSummary {
  @ApiProperty({ type: [FeeDto] }) fees!: FeeDto[];
  @ApiProperty({ type: [RequiredDocumentDto] }) documents!: RequiredDocumentDto[];
  @ApiProperty() paperResultRequired!: boolean;
  @ApiProperty() electronicResultAllowed!: boolean;
  @ApiProperty() pauseClockOnPayment!: boolean;
  @ApiProperty() legalBasis!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) validFrom!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) validTo!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt!: string | null;
  @ApiProperty({ type: [ProcedureStepResponse] }) steps!: ProcedureStepResponse[];
  @ApiProperty({ description: 'Working hours the template needs end to end (parallel steps overlap)' }) templateHours!: number;
  @ApiProperty({ description: 'Working hours the processing time allows' }) processingHours!: number;
  @ApiProperty({ type: () => [ProcedureVersionRef] }) versions!: ProcedureVersionRef[];
}

export class ProcedureVersionRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() versionNo!: number;
  @ApiProperty({ enum: PROCEDURE_STATUSES, enumName: 'ProcedureStatus' }) status!: ProcedureStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt!: string | null;
}

export class ProcedurePage {
  @ApiProperty({ type: [ProcedureSummary] }) items!: ProcedureSummary[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class ListProceduresQuery extends CursorQuery {
  @ApiPropertyOptional({ description: 'Text over name, code and field; diacritics and case ignored ("dang ky" finds "Đăng ký")' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) field?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Competent agency' }) @IsOptional() @IsUUID() agencyId?: string;
  @ApiPropertyOptional({ enum: PROCEDURE_LEVELS, enumName: 'ProcedureLevel' }) @IsOptional() @IsIn(PROCEDURE_LEVELS) level?: ProcedureLevel;
  @ApiPropertyOptional({ enum: ONLINE_REGIMES, enumName: 'OnlineRegime' }) @IsOptional() @IsIn(ONLINE_REGIMES) regime?: OnlineRegime;
  @ApiPropertyOptional({
    enum: PROCEDURE_STATUSES,
    enumName: 'ProcedureStatus',
    description: 'Default: each code’s current version (published, else latest)',
  })
  @IsOptional()
  @IsIn(PROCEDURE_STATUSES)
  status?: ProcedureStatus;
}

export class PublicProceduresQuery extends CursorQuery {
  @ApiPropertyOptional({ description: 'Text, diacritics ignored' }) @IsOptional() @IsString() @MaxLength(200) q?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) field?: string;
  @ApiPropertyOptional({ enum: PROCEDURE_LEVELS, enumName: 'ProcedureLevel' }) @IsOptional() @IsIn(PROCEDURE_LEVELS) level?: ProcedureLevel;
  @ApiPropertyOptional({ description: 'Only procedures available online' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  online?: boolean;
}

export class ImportProceduresQuery {
  @ApiPropertyOptional({
    enum: ['all', 'valid-only'],
    default: 'all',
    description: 'all: write nothing when any row is bad; valid-only: import the good rows',
  })
  @IsOptional()
  @IsIn(['all', 'valid-only'])
  mode?: 'all' | 'valid-only';
  @ApiPropertyOptional({ default: false, description: 'Publish the imported versions at once' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  publish?: boolean;
}

export class ImportRowError {
  @ApiProperty({ description: 'Line in the file (the header is line 1)' }) line!: number;
  @ApiProperty({ type: String, nullable: true }) code!: string | null;
  @ApiProperty({ type: [String] }) reasons!: string[];
}

/** The 422 of an import in mode "all": nothing was written; every bad row is listed. */
export class ImportRejectedProblem extends Problem {
  @ApiProperty({ type: [ImportRowError] }) rejected!: ImportRowError[];
  @ApiProperty() totalRows!: number;
}

export class ImportProceduresResponse {
  @ApiProperty() totalRows!: number;
  @ApiProperty() imported!: number;
  @ApiProperty({ type: [String] }) importedCodes!: string[];
  @ApiProperty({ type: [ImportRowError] }) rejected!: ImportRowError[];
}
