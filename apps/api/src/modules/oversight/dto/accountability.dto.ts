import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { AgencyRef } from './inspection.dto';
import { IsLocalDate } from './local-date';

export class AccountabilityQuery {
  @ApiProperty({ format: 'date', description: 'First local day of the period' }) @IsLocalDate() from!: string;
  @ApiProperty({ format: 'date', description: 'Last local day of the period (inclusive); at most 5 years' }) @IsLocalDate() to!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The agency (with its subtree) its head answers for; default: the caller’s own' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;
}

export class AccountabilityTimeliness {
  @ApiProperty({ description: 'Resolved in the period (II.06a "đã giải quyết")' }) resolvedTotal!: number;
  @ApiProperty() resolvedEarly!: number;
  @ApiProperty() resolvedOnTime!: number;
  @ApiProperty() resolvedLate!: number;
  @ApiProperty({ type: Number, nullable: true, description: '(early + on time) / resolved, in %, one decimal; null when none resolved' })
  onTimeRate!: number | null;
  @ApiProperty({ description: 'In process at the end of the period' }) inProcessTotal!: number;
  @ApiProperty({ description: 'Of them, still within time at the end of the period' }) inProcessWithin!: number;
  @ApiProperty({ description: 'Of them, overdue at the end of the period' }) inProcessOverdue!: number;
}

export class SatisfactionFactors {
  @ApiProperty({ type: Number, nullable: true }) access!: number | null;
  @ApiProperty({ type: Number, nullable: true }) procedure!: number | null;
  @ApiProperty({ type: Number, nullable: true }) officer!: number | null;
  @ApiProperty({ type: Number, nullable: true }) result!: number | null;
  @ApiProperty({ type: Number, nullable: true }) feedback!: number | null;
}

export class AccountabilitySatisfaction {
  @ApiProperty({ description: 'Ratings given in the period (as GET /api/reports/satisfaction counts them)' }) ratings!: number;
  @ApiProperty({ type: SatisfactionFactors, description: 'Share of answers 4 or 5 per factor, in %' }) factors!: SatisfactionFactors;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Mean of the five factor indexes, in % (the product’s own index, not the official SIPAS)',
  })
  index!: number | null;
}

export class HoldingStep {
  @ApiProperty({ format: 'uuid' }) stepId!: string;
  @ApiProperty() seq!: number;
  @ApiProperty({ example: 'Thẩm định hồ sơ' }) name!: string;
  @ApiProperty({ enum: ['SENT', 'ACCEPTED', 'RETURNED', 'DONE'], description: 'The step’s status now' }) status!: string;
  @ApiProperty({ format: 'uuid', description: 'The acting agency' }) agencyId!: string;
  @ApiProperty() agencyName!: string;
  @ApiProperty({ format: 'date-time', description: 'When the step was sent to the agency' }) since!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) assigneeId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Full name of the officer assigned' }) assigneeName!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'The step’s own due time' }) dueAt!: string | null;
}

export class OverdueDossier {
  @ApiProperty({ format: 'uuid' }) dossierId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() procedureCode!: string;
  @ApiProperty() procedureName!: string;
  @ApiProperty({ description: 'Competent agency' }) agencyName!: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({
    type: [HoldingStep],
    description:
      'The step(s) of its route holding it at the end of the period (sent by then, not completed by then); several for a parallel consultation, none when it has no route',
  })
  heldBy!: HoldingStep[];
}

export class OverdueList {
  @ApiProperty({ description: 'Equals timeliness.inProcessOverdue' }) total!: number;
  @ApiProperty({ type: [OverdueDossier], description: 'Most overdue first (earliest due time), at most 200' }) items!: OverdueDossier[];
  @ApiProperty({ description: 'More overdue dossiers than listed' }) truncated!: boolean;
}

export class OfficerFigures {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ format: 'uuid' }) agencyId!: string;
  @ApiProperty() agencyName!: string;
  @ApiProperty({ description: 'Distinct dossiers on which the officer completed a step or issued the result in the period' })
  dossiersHandled!: number;
  @ApiProperty({ description: 'Steps of routes completed in the period' }) stepsCompleted!: number;
  @ApiProperty({ description: 'Dossiers whose result (positive or with written reasons) the officer issued in the period' })
  dossiersResolved!: number;
  @ApiProperty({ description: 'Handled dossiers where every step the officer completed, and the result they issued, was early or on time' })
  onTimeDossiers!: number;
  @ApiProperty({ description: 'Handled dossiers with at least one judged step or result' }) judgedDossiers!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'onTimeDossiers / judgedDossiers in %, one decimal' }) onTimeShare!:
    number | null;
  @ApiProperty({ description: 'Applicants’ ratings of the dossiers handled' }) ratings!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Mean of the "officer" factor (1–5) of those ratings, two decimals' })
  officerRatingAverage!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Share of those ratings giving the officer factor 4 or 5, in % (DOMAIN §8)' })
  officerIndex!: number | null;
}

export class AccountabilityReport {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ type: AgencyRef, description: 'The agency, counted with its subtree, under the competent agency' }) agency!: AgencyRef;
  @ApiProperty({ type: AccountabilityTimeliness, description: 'The II.06a counters of the same filters, counted live' })
  timeliness!: AccountabilityTimeliness;
  @ApiProperty({ type: AccountabilitySatisfaction }) satisfaction!: AccountabilitySatisfaction;
  @ApiProperty({ type: OverdueList, description: 'The dossiers behind timeliness.inProcessOverdue, with who holds them' })
  overdue!: OverdueList;
  @ApiProperty({
    type: [OfficerFigures],
    description: 'Officers of the agency subtree who completed a step or issued a result on its dossiers in the period, by name',
  })
  officers!: OfficerFigures[];
}
