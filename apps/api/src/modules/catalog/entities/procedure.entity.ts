import type { ProcessingUnit } from '@motcua/domain';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Agency } from './agency.entity';
import { ProcedureStep } from './procedure-step.entity';

export const PROCEDURE_LEVELS = ['PROVINCE', 'DISTRICT', 'COMMUNE'] as const;
export type ProcedureLevel = (typeof PROCEDURE_LEVELS)[number];
export const ONLINE_REGIMES = ['FULL', 'PARTIAL', 'NONE'] as const;
export type OnlineRegime = (typeof ONLINE_REGIMES)[number];
export const PROCEDURE_STATUSES = ['DRAFT', 'PUBLISHED', 'RETIRED'] as const;
export type ProcedureStatus = (typeof PROCEDURE_STATUSES)[number];

export interface Fee {
  name: string;
  amount: number;
  note?: string;
}

export interface RequiredDocument {
  name: string;
  originals: number;
  copies: number;
  mandatory: boolean;
  note?: string;
}

/**
 * One version of a procedure of the catalog (DOMAIN §3). A dossier keeps the version it was
 * received under; publishing a new version retires the previous one but never deletes it.
 */
@Entity('procedures')
@Index('uq_procedures_code_version', ['code', 'versionNo'], { unique: true })
@Index('uq_procedures_published_code', ['code'], { unique: true, where: `"status" = 'PUBLISHED'` })
export class Procedure {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** National procedure code, opaque (e.g. 1.001193). */
  @Column({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ name: 'version_no', type: 'integer' })
  versionNo!: number;

  @Column({ type: 'varchar', length: 500 })
  name!: string;

  @Index('ix_procedures_field')
  @Column({ type: 'varchar', length: 255 })
  field!: string;

  @Column({ type: 'varchar', length: 16 })
  level!: ProcedureLevel;

  /** Null: the receiving district/commune is itself competent. */
  @Index('ix_procedures_competent_agency')
  @Column({ name: 'competent_agency_id', type: 'uuid', nullable: true })
  competentAgencyId!: string | null;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'competent_agency_id', foreignKeyConstraintName: 'fk_procedures_competent_agency' })
  competentAgency?: Agency;

  @Column({ name: 'processing_amount', type: 'integer' })
  processingAmount!: number;

  @Column({ name: 'processing_unit', type: 'varchar', length: 16 })
  processingUnit!: ProcessingUnit;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  fees!: Fee[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  documents!: RequiredDocument[];

  @Column({ name: 'online_regime', type: 'varchar', length: 8 })
  onlineRegime!: OnlineRegime;

  @Column({ name: 'paper_result_required', type: 'boolean', default: false })
  paperResultRequired!: boolean;

  @Column({ name: 'electronic_result_allowed', type: 'boolean', default: false })
  electronicResultAllowed!: boolean;

  /** DOMAIN §4: a fee notice does not pause the clock unless the procedure says so. */
  @Column({ name: 'pause_clock_on_payment', type: 'boolean', default: false })
  pauseClockOnPayment!: boolean;

  @Column({ name: 'legal_basis', type: 'text', default: '' })
  legalBasis!: string;

  @Column({ name: 'valid_from', type: 'date', nullable: true })
  validFrom!: string | null;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo!: string | null;

  @Index('ix_procedures_status')
  @Column({ type: 'varchar', length: 16, default: 'DRAFT' })
  status!: ProcedureStatus;

  /** Name, code and field folded (no diacritics, lower case) for search. */
  @Column({ name: 'search_text', type: 'text' })
  searchText!: string;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt!: Date | null;

  @OneToMany(() => ProcedureStep, (step) => step.procedure)
  steps?: ProcedureStep[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
