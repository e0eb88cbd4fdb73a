import type { DossierStatus, FinishedTimeliness, IdentifierType, ProcessStage } from '@motcua/domain';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Agency } from '../../catalog/entities/agency.entity';
import { Procedure } from '../../catalog/entities/procedure.entity';

export const CHANNELS = ['DIRECT', 'ONLINE', 'POSTAL'] as const;
export type Channel = (typeof CHANNELS)[number];
export const OUTCOMES = ['POSITIVE', 'NEGATIVE', 'REFUSED', 'WITHDRAWN', 'STOPPED'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const RETURN_METHODS = ['IN_PERSON', 'POST', 'ELECTRONIC'] as const;
export type ReturnMethod = (typeof RETURN_METHODS)[number];

/** The applicant as the dossier shows it: the registry party it links to, identifiers and phone masked. */
export interface ApplicantSnapshot {
  partyId?: string;
  type: 'INDIVIDUAL' | 'ORGANIZATION' | 'ENTERPRISE';
  fullName: string;
  dateOfBirth?: string;
  sex?: 'MALE' | 'FEMALE';
  identifiers: Array<{ type: IdentifierType; value: string }>;
  phone?: string;
  email?: string;
  address?: string;
}

export interface SubmittedDocument {
  name: string;
  kind: 'ORIGINAL' | 'COPY' | 'ELECTRONIC';
  count: number;
}

/** A dossier (hồ sơ): received once, moved through its states, never losing its code (DOMAIN §4–§6). */
@Entity('dossiers')
@Index('ix_dossiers_receiving_created', ['receivingAgencyId', 'createdAt'])
@Index('ix_dossiers_competent_created', ['competentAgencyId', 'createdAt'])
@Index('ix_dossiers_created', ['createdAt', 'id'])
// The work list at a million dossiers (bench/results/worklist-1m.md): open dossiers are a small
// share, so partial indexes on them serve "nearest due", due-soon/overdue and newest-open pages;
// status pages read (status, created_at, id); text search uses a trigram index. The open-dossier
// indexes on due_at carry the scope and timeliness columns (INCLUDE, hand-written in
// CoveringWorkListIndexes) so a page's ids come from the index alone.
@Index('ix_dossiers_open_due', { synchronize: false })
@Index('ix_dossiers_open_status_due', { synchronize: false })
@Index('ix_dossiers_open_created', ['createdAt', 'id'], { where: '"finished_at" IS NULL' })
@Index('ix_dossiers_status_created', ['status', 'createdAt', 'id'])
@Index('ix_dossiers_search_trgm', { synchronize: false })
export class Dossier {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('uq_dossiers_code', { unique: true })
  @Column({ type: 'varchar', length: 48 })
  code!: string;

  /** The procedure version the dossier was received under: later catalog edits never move its deadline. */
  @Index('ix_dossiers_procedure')
  @Column({ name: 'procedure_id', type: 'uuid' })
  procedureId!: string;

  @ManyToOne(() => Procedure, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'procedure_id', foreignKeyConstraintName: 'fk_dossiers_procedure' })
  procedure?: Procedure;

  @Column({ name: 'receiving_agency_id', type: 'uuid' })
  receivingAgencyId!: string;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'receiving_agency_id', foreignKeyConstraintName: 'fk_dossiers_receiving_agency' })
  receivingAgency?: Agency;

  @Column({ name: 'competent_agency_id', type: 'uuid' })
  competentAgencyId!: string;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'competent_agency_id', foreignKeyConstraintName: 'fk_dossiers_competent_agency' })
  competentAgency?: Agency;

  @Column({ type: 'varchar', length: 8 })
  channel!: Channel;

  @Column({ type: 'varchar', length: 24 })
  status!: DossierStatus;

  @Column({ name: 'status_code', type: 'smallint' })
  statusCode!: number;

  @Column({ type: 'varchar', length: 16, nullable: true })
  stage!: ProcessStage | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  outcome!: Outcome | null;

  @Column({ type: 'jsonb' })
  applicant!: ApplicantSnapshot;

  @Column({ name: 'applicant_name', type: 'varchar', length: 255 })
  applicantName!: string;

  /** Applicant name folded (no diacritics, lower case) plus the code, for search. */
  @Column({ name: 'search_text', type: 'text' })
  searchText!: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  documents!: SubmittedDocument[];

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;

  @Index('ix_dossiers_received_at')
  @Column({ name: 'received_at', type: 'timestamptz', nullable: true })
  receivedAt!: Date | null;

  /** Current due time: the original one moved by pauses (statistics judge against this). */
  @Index('ix_dossiers_due_at')
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  /** When 80 % of the budget is used: "due soon" from then on (moved by pauses like dueAt). */
  @Column({ name: 'due_soon_at', type: 'timestamptz', nullable: true })
  dueSoonAt!: Date | null;

  @Column({ name: 'original_due_at', type: 'timestamptz', nullable: true })
  originalDueAt!: Date | null;

  /** New appointment given with the apology (Form 04), at most once. */
  @Column({ name: 'apology_due_at', type: 'timestamptz', nullable: true })
  apologyDueAt!: Date | null;

  /** Working minutes the procedure allows. */
  @Column({ name: 'budget_minutes', type: 'integer' })
  budgetMinutes!: number;

  @Column({ name: 'paused_since', type: 'timestamptz', nullable: true })
  pausedSince!: Date | null;

  @Column({ name: 'paused_minutes', type: 'integer', default: 0 })
  pausedMinutes!: number;

  /** The state to go back to when a supplement or payment arrives. */
  @Column({ name: 'resume_status', type: 'varchar', length: 24, nullable: true })
  resumeStatus!: DossierStatus | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  timeliness!: FinishedTimeliness | null;

  /** Set once by the SLA sweep (DUE_SOON, then OVERDUE); cleared when a pause moves the due time. */
  @Column({ name: 'sla_flag', type: 'varchar', length: 8, nullable: true })
  slaFlag!: 'DUE_SOON' | 'OVERDUE' | null;

  @Column({ name: 'sla_flagged_at', type: 'timestamptz', nullable: true })
  slaFlaggedAt!: Date | null;

  @Column({ name: 'returned_at', type: 'timestamptz', nullable: true })
  returnedAt!: Date | null;

  @Column({ name: 'return_method', type: 'varchar', length: 12, nullable: true })
  returnMethod!: ReturnMethod | null;

  @Column({ name: 'lookup_secret', type: 'varchar', length: 16 })
  lookupSecret!: string;

  @Column({ name: 'paid_online', type: 'boolean', default: false })
  paidOnline!: boolean;

  @Column({ name: 'payment_reference', type: 'varchar', length: 128, nullable: true })
  paymentReference!: string | null;

  @Column({ name: 'electronic_result', type: 'boolean', default: false })
  electronicResult!: boolean;

  @Column({ name: 'created_by_user', type: 'uuid', nullable: true })
  createdByUser!: string | null;

  @Column({ name: 'created_by_client', type: 'uuid', nullable: true })
  createdByClient!: string | null;

  /** Millisecond precision, like a JS Date, so the work list's keyset cursor round-trips exactly. */
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
