import { ROLES, type Role } from '@motcua/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { CursorQuery } from '../../../common/pagination';
import { trimmed } from '../../../common/transforms';
import { STEP_STATUSES, type StepStatus } from './dossier-step.entity';

export const STEP_ACTIONS = ['accept', 'return', 'resend', 'assign', 'take', 'complete'] as const;
export type StepAction = (typeof STEP_ACTIONS)[number];

export class StepActionRequest {
  @ApiPropertyOptional({ description: 'return: why the step goes back to the sender (required)' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MinLength(3)
  @MaxLength(4000)
  reason?: string;
  @ApiPropertyOptional({ description: 'complete: what was done' }) @IsOptional() @IsString() @MaxLength(4000) note?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'assign: the officer who will handle the step' })
  @IsOptional()
  @IsUUID()
  assigneeId?: string;
}

export class DossierStepView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() seq!: number;
  @ApiProperty({ description: 'Steps of one stage run in parallel' }) stage!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'uuid' }) agencyId!: string;
  @ApiProperty() agencyName!: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role' }) role!: Role;
  @ApiProperty({ enum: STEP_STATUSES, enumName: 'StepStatus' }) status!: StepStatus;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The officer the step is assigned to' }) assigneeId!:
    string | null;
  @ApiProperty({ type: String, nullable: true }) assigneeName!: string | null;
  @ApiProperty({ description: 'Working minutes the template gives the step' }) budgetMinutes!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) sentByName!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'The agency that sent it (which may send it again after a return)',
  })
  sentFromAgencyId!: string | null;
  @ApiProperty({ type: String, nullable: true }) sentFromAgencyName!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) acceptedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) acceptedByName!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) returnedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) returnReason!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) completedByName!: string | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) dueAt!: string | null;
  @ApiProperty({
    enum: ['EARLY', 'ON_TIME', 'LATE', 'WITHIN', 'DUE_SOON', 'OVERDUE'],
    nullable: true,
    description: 'Final when done, live while open',
  })
  timeliness!: 'EARLY' | 'ON_TIME' | 'LATE' | 'WITHIN' | 'DUE_SOON' | 'OVERDUE' | null;
  @ApiProperty({ description: 'Working minutes the step took (done) or has used so far (open)', type: Number, nullable: true })
  workingMinutesUsed!: number | null;
}

export const QUEUES = ['to-accept', 'in-progress', 'due-soon', 'overdue', 'waiting-for-others', 'to-return'] as const;
export type QueueName = (typeof QUEUES)[number];

export class QueueQuery extends CursorQuery {}

export class QueueItem {
  @ApiProperty({ type: DossierStepView }) step!: DossierStepView;
  @ApiProperty() dossierCode!: string;
  @ApiProperty() procedureName!: string;
  @ApiProperty() applicantName!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) dossierDueAt!: string | null;
}

export class QueuePage {
  @ApiProperty({ type: [QueueItem] }) items!: QueueItem[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class QueueCount {
  @ApiProperty({ enum: QUEUES, enumName: 'QueueName' }) queue!: QueueName;
  @ApiProperty() count!: number;
  @ApiProperty() more!: boolean;
}

export class QueueCounts {
  @ApiProperty() limit!: number;
  @ApiProperty({ type: [QueueCount] }) items!: QueueCount[];
}

export class ControlSheetRow {
  @ApiProperty() seq!: number;
  @ApiProperty() step!: string;
  @ApiProperty({ enum: STEP_STATUSES, enumName: 'StepStatus' }) status!: StepStatus;
  @ApiProperty() agencyName!: string;
  @ApiProperty({ type: String, nullable: true }) givenBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) givenAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) receivedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) receivedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) dueAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt!: string | null;
  @ApiProperty({ enum: ['EARLY', 'ON_TIME', 'LATE'], nullable: true, description: 'The step’s result: early, on time or late' })
  result!: 'EARLY' | 'ON_TIME' | 'LATE' | null;
  @ApiProperty({ type: String, nullable: true }) returnReason!: string | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
}

export class ControlSheet {
  @ApiProperty() code!: string;
  @ApiProperty() procedureName!: string;
  @ApiProperty({ type: [ControlSheetRow] }) rows!: ControlSheetRow[];
}
