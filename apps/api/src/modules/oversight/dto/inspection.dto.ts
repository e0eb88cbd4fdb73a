import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import type { DossierStatus } from '@motcua/domain';
import { CursorQuery } from '../../../common/pagination';
import { trimmed } from '../../../common/transforms';
import { INSPECTION_STATUSES, type InspectionStatus } from '../entities/inspection.entity';
import { FINDING_CATEGORIES, FINDING_VERDICTS, type FindingCategory, type FindingVerdict } from '../finding-categories';
import { IsLocalDate } from './local-date';

export const SEED_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
export const INSPECTION_REPORT_FORMATS = ['json', 'csv', 'xlsx', 'pdf'] as const;
export type InspectionReportFormat = (typeof INSPECTION_REPORT_FORMATS)[number];

const SEED_DESCRIPTION =
  'Seed of the random draw (letters, digits, . _ -, up to 64). The sample is the dossiers of the frame ordered by ' +
  'md5(seed || ":" || dossier id), first sampleSize of them: the same seed over the same scope and data gives the same dossiers.';

export class CreateInspectionRequest {
  @ApiProperty({ example: 'Kiểm tra việc giải quyết TTHC quý I/2026 tại Sở Tư pháp', maxLength: 255 })
  @Transform(trimmed)
  @IsString()
  @MinLength(3)
  @MaxLength(255)
  title!: string;

  @ApiProperty({ format: 'uuid', description: 'The agency inspected, with its subtree; must be in the caller’s scope' })
  @IsUUID()
  agencyId!: string;

  @ApiProperty({ format: 'date', description: 'First local day of receipt of the dossiers sampled' }) @IsLocalDate() from!: string;
  @ApiProperty({ format: 'date', description: 'Last local day of receipt (inclusive); at most 5 years after from' })
  @IsLocalDate()
  to!: string;

  @ApiPropertyOptional({ description: 'Only dossiers of this procedure (national code, any version)', maxLength: 32 })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  procedureCode?: string;

  @ApiProperty({ minimum: 1, maximum: 1000, example: 30 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  sampleSize!: number;

  @ApiPropertyOptional({ description: `${SEED_DESCRIPTION} Generated when absent.`, example: 'thanhtra-2026-q1' })
  @IsOptional()
  @Matches(SEED_PATTERN, { message: 'seed chỉ gồm chữ, số, dấu chấm, gạch dưới, gạch ngang (tối đa 64 ký tự)' })
  seed?: string;
}

export class RedrawInspectionRequest {
  @ApiPropertyOptional({
    description: `${SEED_DESCRIPTION} Give the current seed to draw the same sample again; absent: a new seed is generated.`,
  })
  @IsOptional()
  @Matches(SEED_PATTERN, { message: 'seed chỉ gồm chữ, số, dấu chấm, gạch dưới, gạch ngang (tối đa 64 ký tự)' })
  seed?: string;
}

export class RecordFindingRequest {
  @ApiProperty({ enum: FINDING_VERDICTS, enumName: 'FindingVerdict' }) @IsIn(FINDING_VERDICTS) verdict!: FindingVerdict;

  @ApiPropertyOptional({
    enum: FINDING_CATEGORIES,
    enumName: 'FindingCategory',
    description: 'Required for PROBLEM, not allowed for COMPLIANT',
  })
  @IsOptional()
  @IsIn(FINDING_CATEGORIES)
  category?: FindingCategory;

  @ApiPropertyOptional({ maxLength: 2000, example: 'Trễ hạn 3 ngày, không có Phiếu xin lỗi và hẹn lại ngày trả kết quả' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class ListInspectionsQuery extends CursorQuery {
  @ApiPropertyOptional({ enum: INSPECTION_STATUSES, enumName: 'InspectionStatus' })
  @IsOptional()
  @IsIn(INSPECTION_STATUSES)
  status?: InspectionStatus;
}

export class InspectionReportQuery {
  @ApiPropertyOptional({ enum: INSPECTION_REPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(INSPECTION_REPORT_FORMATS)
  format?: InspectionReportFormat;
}

export class AgencyRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '000.00.10.H01' }) code!: string;
  @ApiProperty() name!: string;
}

export class FindingResponse {
  @ApiProperty({ enum: FINDING_VERDICTS, enumName: 'FindingVerdict' }) verdict!: FindingVerdict;
  @ApiProperty({ example: 'Có vi phạm, thiếu sót' }) verdictLabel!: string;
  @ApiProperty({ enum: FINDING_CATEGORIES, enumName: 'FindingCategory', nullable: true, type: String }) category!: FindingCategory | null;
  @ApiProperty({ type: String, nullable: true, example: 'Trễ hạn không có văn bản xin lỗi' }) categoryLabel!: string | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Full name of the auditor who recorded it' }) recordedByName!: string | null;
}

export class InspectionSampleItem {
  @ApiProperty({ description: '1-based rank in the seeded order' }) position!: number;
  @ApiProperty({ format: 'uuid' }) dossierId!: string;
  @ApiProperty({ example: '000.00.22.H01-260302-0001' }) code!: string;
  @ApiProperty() procedureCode!: string;
  @ApiProperty() procedureName!: string;
  @ApiProperty({ format: 'uuid', description: 'Competent agency' }) agencyId!: string;
  @ApiProperty() agencyName!: string;
  @ApiProperty() receivingAgencyName!: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ description: 'Current status' }) status!: DossierStatus;
  @ApiProperty({ example: 'Đã trả kết quả' }) statusText!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['EARLY', 'ON_TIME', 'LATE', 'WITHIN', 'DUE_SOON', 'OVERDUE'],
    description: 'Final when finished; live (WITHIN / DUE_SOON / OVERDUE) while open; null when finished without a judgement',
  })
  timeliness!: string | null;
  @ApiProperty({ type: FindingResponse, nullable: true, description: 'null until the auditor records one' })
  finding!: FindingResponse | null;
}

export class CategoryCount {
  @ApiProperty({ enum: FINDING_CATEGORIES, enumName: 'FindingCategory' }) category!: FindingCategory;
  @ApiProperty() label!: string;
  @ApiProperty() count!: number;
}

export class InspectionCounts {
  @ApiProperty({ description: 'Dossiers in the sample' }) sampled!: number;
  @ApiProperty({ description: 'With a finding' }) reviewed!: number;
  @ApiProperty({ description: 'Without a finding yet' }) pending!: number;
  @ApiProperty() compliant!: number;
  @ApiProperty() problem!: number;
  @ApiProperty({ type: [CategoryCount], description: 'Problems per category, every category listed (0 included), in list order' })
  byCategory!: CategoryCount[];
}

export class InspectionSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: AgencyRef, description: 'The agency inspected (with its subtree)' }) agency!: AgencyRef;
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ type: String, nullable: true }) procedureCode!: string | null;
  @ApiProperty({ description: 'Requested sample size' }) sampleSize!: number;
  @ApiProperty({ description: 'Dossiers in the sampling frame at the last draw' }) population!: number;
  @ApiProperty() seed!: string;
  @ApiProperty({ enum: INSPECTION_STATUSES, enumName: 'InspectionStatus' }) status!: InspectionStatus;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) createdByName!: string | null;
  @ApiProperty({ format: 'date-time' }) drawnAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) closedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) closedByName!: string | null;
  @ApiProperty({ type: InspectionCounts }) counts!: InspectionCounts;
  @ApiProperty() version!: number;
}

export class InspectionDetail extends InspectionSummary {
  @ApiProperty({ type: [InspectionSampleItem], description: 'The sample in draw order, each with its finding' })
  sample!: InspectionSampleItem[];
}

export class InspectionPage {
  @ApiProperty({ type: [InspectionSummary] }) items!: InspectionSummary[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class InspectionTable {
  @ApiProperty({ type: [String], description: 'Column headings' }) header!: string[];
  @ApiProperty({
    type: 'array',
    items: { type: 'array', items: { oneOf: [{ type: 'string' }, { type: 'number' }], nullable: true } },
    description: 'The data rows as every export carries them: numbers as numbers, instants as local ISO 8601, empty cells null',
  })
  rows!: Array<Array<string | number | null>>;
}

export class InspectionReport {
  @ApiProperty({ type: InspectionDetail }) inspection!: InspectionDetail;
  @ApiProperty({ type: InspectionTable, description: 'The findings table the exports carry and the hash covers' })
  table!: InspectionTable;
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({
    description:
      'SHA-256 of the data rows: the UTF-8 of JSON.stringify(row) + "\\n" for each row of table.rows (headings excluded); the same digest every file format states',
  })
  sha256!: string;
}
