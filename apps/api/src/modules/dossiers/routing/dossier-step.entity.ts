import type { Role } from '@motcua/domain';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { Agency } from '../../catalog/entities/agency.entity';
import type { StepActor } from '../../catalog/entities/procedure-step.entity';
import { Dossier } from '../entities/dossier.entity';

/** `CANCELLED`: the dossier stopped or was withdrawn before the step was done; nobody acts on it any more. */
export const STEP_STATUSES = ['PENDING', 'SENT', 'ACCEPTED', 'DONE', 'RETURNED', 'CANCELLED'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];
/** Steps someone is expected to act on now. */
export const OPEN_STEP_STATUSES: readonly StepStatus[] = ['SENT', 'ACCEPTED', 'RETURNED'];

/**
 * One step of a dossier's route (DOMAIN §4): the procedure version's process template made
 * concrete when the dossier is forwarded. Every handover (sent, accepted or returned, completed)
 * is a row of the processing control sheet (Form 06).
 */
@Entity('dossier_steps')
@Index('uq_dossier_steps_seq', ['dossierId', 'seq'], { unique: true })
// Hand-written with INCLUDE columns and partial predicates (migration StepQueuesIndexOnly): queues
// and the work list's route visibility are answered from these indexes alone.
@Index('ix_dossier_steps_agency_open', { synchronize: false })
@Index('ix_dossier_steps_lead_open', { synchronize: false })
@Index('ix_dossier_steps_visible', { synchronize: false })
@Index('ix_dossier_steps_assignee', ['assigneeId', 'status'])
export class DossierStep {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'dossier_id', type: 'uuid' })
  dossierId!: string;

  @ManyToOne(() => Dossier, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'dossier_id', foreignKeyConstraintName: 'fk_dossier_steps_dossier' })
  dossier?: Dossier;

  /** The dossier's competent agency, which leads the route: its "waiting for others" queue. */
  @Column({ name: 'lead_agency_id', type: 'uuid' })
  leadAgencyId!: string;

  @ManyToOne(() => Agency)
  @JoinColumn({ name: 'lead_agency_id', foreignKeyConstraintName: 'fk_dossier_steps_lead_agency' })
  leadAgency?: Agency;

  @Column({ type: 'integer' })
  seq!: number;

  /** Consecutive steps of one parallel group share a stage; a stage opens when the previous one is done. */
  @Column({ type: 'integer' })
  stage!: number;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  actor!: StepActor;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @ManyToOne(() => Agency)
  @JoinColumn({ name: 'agency_id', foreignKeyConstraintName: 'fk_dossier_steps_agency' })
  agency?: Agency;

  @Column({ type: 'varchar', length: 16 })
  role!: Role;

  @Column({ name: 'budget_minutes', type: 'integer' })
  budgetMinutes!: number;

  @Column({ name: 'parallel_group', type: 'varchar', length: 64, nullable: true })
  parallelGroup!: string | null;

  @Column({ type: 'varchar', length: 12, default: 'PENDING' })
  status!: StepStatus;

  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId!: string | null;

  @Column({ name: 'assignee_name', type: 'varchar', length: 255, nullable: true })
  assigneeName!: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', precision: 3, nullable: true })
  sentAt!: Date | null;

  @Column({ name: 'sent_by_name', type: 'varchar', length: 255, nullable: true })
  sentByName!: string | null;

  @Column({ name: 'sent_from_agency_id', type: 'uuid', nullable: true })
  sentFromAgencyId!: string | null;

  @Column({ name: 'accepted_at', type: 'timestamptz', precision: 3, nullable: true })
  acceptedAt!: Date | null;

  @Column({ name: 'accepted_by_name', type: 'varchar', length: 255, nullable: true })
  acceptedByName!: string | null;

  @Column({ name: 'returned_at', type: 'timestamptz', precision: 3, nullable: true })
  returnedAt!: Date | null;

  @Column({ name: 'returned_by_name', type: 'varchar', length: 255, nullable: true })
  returnedByName!: string | null;

  @Column({ name: 'return_reason', type: 'text', nullable: true })
  returnReason!: string | null;

  @Column({ name: 'completed_at', type: 'timestamptz', precision: 3, nullable: true })
  completedAt!: Date | null;

  @Column({ name: 'completed_by_name', type: 'varchar', length: 255, nullable: true })
  completedByName!: string | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'due_at', type: 'timestamptz', precision: 3, nullable: true })
  dueAt!: Date | null;

  @Column({ name: 'due_soon_at', type: 'timestamptz', precision: 3, nullable: true })
  dueSoonAt!: Date | null;

  /** EARLY | ON_TIME | LATE once done, judged like a dossier (DOMAIN §5). */
  @Column({ type: 'varchar', length: 8, nullable: true })
  timeliness!: 'EARLY' | 'ON_TIME' | 'LATE' | null;

  /** Set once by the sweep when most of the step's budget is used, so it is notified once. */
  @Column({ name: 'due_soon_flagged_at', type: 'timestamptz', nullable: true })
  dueSoonFlaggedAt!: Date | null;

  /** Set once by the sweep when the step overruns its budget, so it is flagged (and notified) once. */
  @Column({ name: 'overdue_flagged_at', type: 'timestamptz', nullable: true })
  overdueFlaggedAt!: Date | null;

  @VersionColumn()
  version!: number;
}
