import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

import { DRILL_CELL_NAMES, type DrillCell } from './ii06a';

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

/** A period report that a closed month can answer from its snapshot. */
export class SnapshotAwareQuery extends ReportPeriodQuery {
  @ApiPropertyOptional({
    enum: ['auto', 'live'],
    default: 'auto',
    description:
      'auto: a closed month is read from its snapshot, and the month after one carries its in-process over; live: count the current dossiers only',
  })
  @IsOptional()
  @IsIn(['auto', 'live'])
  source?: 'auto' | 'live';
}

export class Ii06aQuery extends SnapshotAwareQuery {
  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json' }) @IsOptional() @IsIn(REPORT_FORMATS) format?: ReportFormat;
}

export class Ii06aDrillQuery extends SnapshotAwareQuery {
  @ApiProperty({
    enum: DRILL_CELL_NAMES,
    description: 'The counter whose dossiers to list (lateEntries: dossiers a closed month does not show, see the report)',
  })
  @IsIn(DRILL_CELL_NAMES)
  cell!: DrillCell;
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

export class SnapshotReference {
  @ApiProperty({ example: '2026-03', description: 'The closed month' }) month!: string;
  @ApiProperty({ description: 'SHA-256 of the closed month’s snapshot (see GET /api/reports/periods/{month}/verify)' }) sha256!: string;
  @ApiProperty({ format: 'date-time' }) closedAt!: string;
  @ApiProperty({
    description:
      'Dossiers the live data holds for the closed month but its snapshot does not (recorded after closing), within the same filters. ' +
      'For a closed month: not counted in it. For the month after: booked as received in it. Listed by the drill-down with cell=lateEntries.',
  })
  lateEntries!: number;
}

/** Where a report's numbers come from. */
export class SourcedReport {
  @ApiProperty({ enum: ['live', 'snapshot'], description: 'snapshot: a closed month, read from what was frozen at closing' })
  source!: 'live' | 'snapshot';
  @ApiPropertyOptional({ type: SnapshotReference, description: 'When source is snapshot: the closed month read' })
  snapshot?: SnapshotReference;
  @ApiPropertyOptional({
    type: SnapshotReference,
    description: 'When the month before the period is closed: carriedOver is that month’s in-process, per agency',
  })
  carriedOverFrom?: SnapshotReference;
}

export class Ii06aReport extends SourcedReport {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ type: [Ii06aRow] }) rows!: Ii06aRow[];
  @ApiProperty({ type: Ii06aCounters }) total!: Ii06aCounters;
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ description: 'The filters applied', type: Object }) filters!: Record<string, string>;
  @ApiProperty({ description: 'SHA-256 of the rows and total, to prove an export unchanged' }) sha256!: string;
}

export class ProcedureReportRow extends Ii06aCounters {
  @ApiProperty({ description: 'National procedure code' }) procedureCode!: string;
  @ApiProperty({ description: 'Name of the latest version' }) procedureName!: string;
  @ApiProperty() field!: string;
}

/** II.06a counters per procedure: the same population and predicates, grouped by procedure code. */
export class ProcedureReport extends SourcedReport {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ type: [ProcedureReportRow] }) rows!: ProcedureReportRow[];
  @ApiProperty({ type: Ii06aCounters, description: 'Equals the II.06a total of the same filters' }) total!: Ii06aCounters;
  @ApiProperty({ description: 'The filters applied', type: Object }) filters!: Record<string, string>;
}

export class ClosedPeriod {
  @ApiProperty({ example: '2026-03' }) month!: string;
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ description: 'SHA-256 of the snapshot' }) sha256!: string;
  @ApiProperty({ description: 'Dossier lines stored (one per dossier and basis: competent, receiving)' }) dossierLines!: number;
  @ApiProperty({ format: 'date-time' }) closedAt!: string;
  @ApiProperty({ type: String, nullable: true }) closedByName!: string | null;
}

export class ClosedPeriodList {
  @ApiProperty({ type: [ClosedPeriod] }) items!: ClosedPeriod[];
}

export class PeriodVerification {
  @ApiProperty() month!: string;
  @ApiProperty({ description: 'The stored hash equals the one recomputed from the stored snapshot' }) ok!: boolean;
  @ApiProperty() sha256!: string;
  @ApiProperty() recomputed!: string;
}

export class IndicatorValue {
  @ApiProperty({ example: '2.1', description: 'Indicator number in the DVCQG 766 formula document' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() numerator!: number;
  @ApiProperty() denominator!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'numerator / denominator in %, 2 decimals; null when nothing to count' })
  rate!: number | null;
  @ApiProperty({ description: 'Target in %' }) target!: number;
  @ApiProperty({ description: 'Maximum points' }) pmax!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Pmax if rate ≥ target, else rate × Pmax / target; 2 decimals' })
  score!: number | null;
}

export class Indicators766 {
  @ApiProperty({ type: IndicatorValue }) onTime!: IndicatorValue;
  @ApiProperty({ type: IndicatorValue }) online!: IndicatorValue;
  @ApiProperty({ type: IndicatorValue }) onlinePayment!: IndicatorValue;
  @ApiProperty({ type: IndicatorValue }) electronicResult!: IndicatorValue;
  @ApiProperty({ type: IndicatorValue }) digitisation!: IndicatorValue;
  @ApiProperty({ type: IndicatorValue }) satisfaction!: IndicatorValue;
}

export class IndicatorRow {
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'null for the total' }) agencyId!: string | null;
  @ApiProperty() agencyCode!: string;
  @ApiProperty() agencyName!: string;
  @ApiProperty({ type: Indicators766 }) indicators!: Indicators766;
  @ApiProperty({ description: 'Sum of the scores that could be computed' }) score!: number;
  @ApiProperty({ description: 'Sum of Pmax of those indicators' }) maxScore!: number;
}

export class IndicatorsReport {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ type: [IndicatorRow] }) rows!: IndicatorRow[];
  @ApiProperty({ type: IndicatorRow }) total!: IndicatorRow;
  @ApiProperty({ description: 'The filters applied', type: Object }) filters!: Record<string, string>;
  @ApiProperty({ type: [String], description: 'What the numbers do not (yet) include' }) notes!: string[];
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

export class PartiesServedRow {
  @ApiProperty({ format: 'uuid' }) agencyId!: string;
  @ApiProperty() agencyCode!: string;
  @ApiProperty() agencyName!: string;
  @ApiProperty({ description: 'Distinct persons and organisations whose dossiers the agency accepted in the period' }) parties!: number;
  @ApiProperty({ description: 'Of them, individuals' }) individuals!: number;
  @ApiProperty({ description: 'Dossiers behind them' }) dossiers!: number;
}

export class PartiesServedReport {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ type: [PartiesServedRow] }) rows!: PartiesServedRow[];
  @ApiProperty({ description: 'Distinct parties over all rows (one person served by two agencies counts once)' }) totalParties!: number;
  @ApiProperty() totalDossiers!: number;
}
