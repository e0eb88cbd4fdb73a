import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { DRILL_CELL_NAMES, type DrillCell } from '../ii06a';
import { FILE_FORMATS, type FileFormat } from '../report-files';
import { ReportPeriodQuery } from '../reports.dto';
import { EXPORT_STATUSES, type ExportStatus } from './report-export.entity';

export const EXPORT_REPORTS = ['ii06a', 'procedures', 'indicators', 'satisfaction', 'tracking-book', 'ii06a-dossiers'] as const;
export type ExportReport = (typeof EXPORT_REPORTS)[number];

/** Reports a closed month can answer from its snapshot (they take `source`). */
export const SNAPSHOT_AWARE_REPORTS: readonly ExportReport[] = ['ii06a', 'procedures', 'ii06a-dossiers'];

export class CreateReportExportRequest {
  @ApiProperty({ enum: EXPORT_REPORTS }) @IsIn(EXPORT_REPORTS) report!: ExportReport;
  @ApiProperty({ enum: FILE_FORMATS }) @IsIn(FILE_FORMATS) format!: FileFormat;
  @ApiProperty({ format: 'date', description: 'First local day of the period' }) @IsISO8601({ strict: true }) from!: string;
  @ApiProperty({ format: 'date', description: 'Last local day of the period (inclusive)' }) @IsISO8601({ strict: true }) to!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'An agency subtree (default: the caller’s own)' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;
  @ApiPropertyOptional({ description: 'Procedure code' }) @IsOptional() @IsString() @MaxLength(32) procedureCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) field?: string;
  @ApiPropertyOptional({ enum: ['competent', 'receiving'], default: 'competent' })
  @IsOptional()
  @IsIn(['competent', 'receiving'])
  by?: 'competent' | 'receiving';
  @ApiPropertyOptional({ enum: ['auto', 'live'], default: 'auto', description: 'ii06a, procedures and ii06a-dossiers only' })
  @IsOptional()
  @IsIn(['auto', 'live'])
  source?: 'auto' | 'live';
  @ApiPropertyOptional({ enum: DRILL_CELL_NAMES, description: 'ii06a-dossiers only (required there): the counter whose dossiers to list' })
  @IsOptional()
  @IsIn(DRILL_CELL_NAMES)
  cell?: DrillCell;
  @ApiPropertyOptional({ format: 'uuid', description: 'ii06a-dossiers only: the row’s agency (omit for the total)' })
  @IsOptional()
  @IsUUID()
  rowAgencyId?: string;
}

export class ReportExportView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: EXPORT_REPORTS }) report!: ExportReport;
  @ApiProperty({ enum: FILE_FORMATS }) format!: FileFormat;
  @ApiProperty({ enum: EXPORT_STATUSES }) status!: ExportStatus;
  @ApiProperty({ minimum: 0, maximum: 100 }) progress!: number;
  @ApiPropertyOptional({ description: 'Data rows in the file (total lines included)' }) rowCount?: number;
  @ApiPropertyOptional() filename?: string;
  @ApiPropertyOptional() sizeBytes?: number;
  @ApiPropertyOptional({ description: 'SHA-256 of the data rows, printed in the file’s footer and recorded in the audit trail' })
  sha256?: string;
  @ApiPropertyOptional({ description: 'Why the export failed (Vietnamese, for the user)' }) error?: string;
  @ApiProperty({ type: Object, description: 'The filters as asked: from, to and the optional ones' }) filters!: Record<string, string>;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ format: 'date-time' }) finishedAt?: string;
  @ApiProperty({
    format: 'date-time',
    description: 'When the export and its file are deleted: 7 days after the file is made (or asked for)',
  })
  expiresAt!: string;
}

export class ReportExportList {
  @ApiProperty({ type: [ReportExportView], description: 'The caller’s own exports, newest first (at most 50)' })
  items!: ReportExportView[];
}

export class TrackingBookQuery extends ReportPeriodQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(512) cursor?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export const TIMELINESS_VALUES = ['EARLY', 'ON_TIME', 'LATE', 'WITHIN', 'OVERDUE'] as const;
export type LineTimeliness = (typeof TIMELINESS_VALUES)[number];

/** One line of the tracking book (Form 07). */
export class TrackingBookLine {
  @ApiProperty() code!: string;
  @ApiProperty() procedureCode!: string;
  @ApiProperty() procedureName!: string;
  @ApiProperty({ description: 'Applicant; an individual’s given names reduced to initials' }) applicantName!: string;
  @ApiProperty({ enum: ['INDIVIDUAL', 'ORGANIZATION', 'ENTERPRISE'] }) applicantType!: string;
  @ApiProperty() receivingAgencyName!: string;
  @ApiProperty() competentAgencyName!: string;
  @ApiProperty({ enum: ['DIRECT', 'ONLINE', 'POSTAL'] }) channel!: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date-time',
    description: 'Appointment: the apology’s new date if any, else the due time',
  })
  dueAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'Result ready, refused, withdrawn or stopped' })
  finishedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) returnedAt!: string | null;
  @ApiProperty() status!: string;
  @ApiProperty() statusLabel!: string;
  @ApiProperty({ type: String, nullable: true, enum: ['POSITIVE', 'NEGATIVE', 'REFUSED', 'WITHDRAWN', 'STOPPED'] }) outcome!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: TIMELINESS_VALUES,
    description: 'Finished: early / on time / late against the due time; open: within time or overdue now',
  })
  timeliness!: LineTimeliness | null;
}

export class TrackingBookPage {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ type: Object, description: 'The filters applied' }) filters!: Record<string, string>;
  @ApiProperty({ type: [TrackingBookLine], description: 'Dossiers received in the period, in order of receipt' })
  items!: TrackingBookLine[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
