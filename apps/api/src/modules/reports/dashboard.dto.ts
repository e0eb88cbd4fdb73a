import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DASHBOARD_GRANULARITIES, type DashboardGranularity } from './dashboard.buckets';
import { IndicatorRow, IndicatorValue, Ii06aCounters, ReportPeriodQuery, SatisfactionRow, SnapshotReference } from './reports.dto';

export class DashboardQuery extends ReportPeriodQuery {
  @ApiPropertyOptional({
    enum: DASHBOARD_GRANULARITIES,
    description: 'Bucket of the series (default: day up to 31 days, week up to 183 days, month beyond); at most 400 buckets',
  })
  @IsOptional()
  @IsIn(DASHBOARD_GRANULARITIES)
  granularity?: DashboardGranularity;
}

export class DashboardAgency {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}

export class DashboardBucket {
  @ApiProperty({ format: 'date', description: 'First day of the bucket inside the period' }) from!: string;
  @ApiProperty({ format: 'date', description: 'Last day of the bucket inside the period (inclusive)' }) to!: string;
  @ApiProperty({ description: 'Accepted in the bucket (II.06a received online + direct of the same days, live data)' }) received!: number;
  @ApiProperty({ description: 'Of them, online' }) receivedOnline!: number;
  @ApiProperty({ description: 'Resolved in the bucket (II.06a resolvedTotal of the same days, live data)' }) resolved!: number;
  @ApiProperty({ description: 'Of them, early or on time' }) resolvedOnTime!: number;
  @ApiProperty({ description: 'Of them, late' }) resolvedLate!: number;
}

/** One direct child of the selected agency (or the agency itself, for the dossiers it handles directly). */
export class DashboardAgencyRow extends Ii06aCounters {
  @ApiProperty({ format: 'uuid' }) agencyId!: string;
  @ApiProperty() agencyCode!: string;
  @ApiProperty() agencyName!: string;
  @ApiProperty({ description: 'true: the selected agency’s own dossiers; false: a child agency’s whole subtree' }) self!: boolean;
  @ApiProperty({
    type: IndicatorValue,
    description: 'Decision 766 indicator 2.1 over the subtree: the sums of the /indicators rows it holds',
  })
  onTime!: IndicatorValue;
}

export class DashboardOpenCounts {
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty({ description: 'Open dossiers past their due time now (the work list’s “Quá hạn”)' }) overdue!: number;
  @ApiProperty({ description: 'Open dossiers past their due-soon mark and not yet due (the work list’s “Sắp đến hạn”)' }) dueSoon!: number;
}

export class Dashboard {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ enum: DASHBOARD_GRANULARITIES }) granularity!: DashboardGranularity;
  @ApiProperty({ type: DashboardAgency, description: 'The agency whose subtree is shown' }) agency!: DashboardAgency;
  @ApiProperty({ description: 'The filters applied', type: Object }) filters!: Record<string, string>;
  @ApiProperty({ type: [DashboardBucket] }) series!: DashboardBucket[];
  @ApiProperty({ type: Ii06aCounters, description: 'The II.06a total of the same filters' }) totals!: Ii06aCounters;
  @ApiProperty({
    enum: ['live', 'snapshot'],
    description: 'Where the II.06a totals and agency rows come from (a closed month: its snapshot)',
  })
  source!: 'live' | 'snapshot';
  @ApiPropertyOptional({ type: SnapshotReference }) snapshot?: SnapshotReference;
  @ApiProperty({ type: [DashboardAgencyRow], description: 'Direct children of the agency with something to count, by code' })
  agencies!: DashboardAgencyRow[];
  @ApiProperty({ type: DashboardOpenCounts }) open!: DashboardOpenCounts;
  @ApiProperty({ type: IndicatorValue, description: 'Online share of the dossiers accepted in the period (766 indicator 3.3)' })
  online!: IndicatorValue;
  @ApiProperty({ type: SatisfactionRow, description: 'The satisfaction report’s total for the same filters' })
  satisfaction!: SatisfactionRow;
  @ApiProperty({ type: IndicatorRow, description: 'The Decision 766 indicators’ total for the same filters' }) indicators!: IndicatorRow;
}
