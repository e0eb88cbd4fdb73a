import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

import { II06A_CELL_NAMES, type Ii06aCell } from './ii06a';

export const REPORT_FORMATS = ['json', 'csv', 'xlsx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export class ReportPeriodQuery {
  @ApiProperty({ format: 'date', description: 'First local day of the period' }) @IsISO8601({ strict: true }) from!: string;
  @ApiProperty({ format: 'date', description: 'Last local day of the period (inclusive)' }) @IsISO8601({ strict: true }) to!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'An agency subtree (default: the caller’s own)' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;
  @ApiPropertyOptional({ description: 'Procedure code' }) @IsOptional() @IsString() @MaxLength(32) procedureCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) field?: string;
  @ApiPropertyOptional({
    enum: ['competent', 'receiving'],
    default: 'competent',
    description: 'Count under the competent agency or the receiving point',
  })
  @IsOptional()
  @IsIn(['competent', 'receiving'])
  by?: 'competent' | 'receiving';
}

export class Ii06aQuery extends ReportPeriodQuery {
  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json' }) @IsOptional() @IsIn(REPORT_FORMATS) format?: ReportFormat;
}

export class Ii06aDrillQuery extends ReportPeriodQuery {
  @ApiProperty({ enum: II06A_CELL_NAMES, description: 'The counter whose dossiers to list' }) @IsIn(II06A_CELL_NAMES) cell!: Ii06aCell;
  @ApiPropertyOptional({ format: 'uuid', description: 'The row’s agency (omit for the total)' })
  @IsOptional()
  @IsUUID()
  rowAgencyId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(512) cursor?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class Ii06aCounters {
  @ApiProperty() receivedTotal!: number;
  @ApiProperty() receivedOnline!: number;
  @ApiProperty() receivedDirect!: number;
  @ApiProperty() carriedOver!: number;
  @ApiProperty() resolvedTotal!: number;
  @ApiProperty() resolvedEarly!: number;
  @ApiProperty() resolvedOnTime!: number;
  @ApiProperty() resolvedLate!: number;
  @ApiProperty() inProcessTotal!: number;
  @ApiProperty() inProcessWithin!: number;
  @ApiProperty() inProcessOverdue!: number;
  @ApiProperty() withdrawnOrStopped!: number;
}

export class Ii06aRow extends Ii06aCounters {
  @ApiProperty({ format: 'uuid' }) agencyId!: string;
  @ApiProperty() agencyCode!: string;
  @ApiProperty() agencyName!: string;
}

export class Ii06aReport {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ type: [Ii06aRow] }) rows!: Ii06aRow[];
  @ApiProperty({ type: Ii06aCounters }) total!: Ii06aCounters;
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ description: 'The filters applied', type: Object }) filters!: Record<string, string>;
  @ApiProperty({ description: 'SHA-256 of the rows and total, to prove an export unchanged' }) sha256!: string;
}

export class Ii06aDossierPage {
  @ApiProperty({ type: [String], description: 'Dossier codes behind the number' }) items!: string[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class SatisfactionRow {
  @ApiProperty({ format: 'uuid' }) agencyId!: string;
  @ApiProperty() agencyName!: string;
  @ApiProperty() ratings!: number;
  @ApiProperty({ description: 'Share of answers 4 or 5 per factor, in %', type: Object })
  factors!: Record<'access' | 'procedure' | 'officer' | 'result' | 'feedback', number | null>;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Mean of the five factor indexes, in % (the product’s own index, not the official SIPAS)',
  })
  index!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'On-time rate (early + on time) of the same rated dossiers, in %' })
  onTimeRate!: number | null;
}

export class SatisfactionReport {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ type: [SatisfactionRow] }) rows!: SatisfactionRow[];
  @ApiProperty({ type: SatisfactionRow }) total!: SatisfactionRow;
}
